import { GoModReplace, GoModRequire, GoModule, GoSumEntry } from '../facts';
import { maxSemver } from '../gomod/semver';

/** The deprecated protobuf API v1 module. */
export const LEGACY_PROTOBUF = 'github.com/golang/protobuf';
/** The protobuf API v2 module. */
export const PROTOBUF = 'google.golang.org/protobuf';

/** The version of a module a build of `module` uses, and where it is written. */
export interface UsedVersion {
  version: string;
  require?: GoModRequire;
  /** The `replace` line that sets the version, when one does (it overrides the require). */
  replace?: GoModReplace;
  /** The first go.sum line of that version. */
  sumEntry?: GoSumEntry;
}

/**
 * The version of `path` that `module` builds with, as far as go.mod and go.sum tell:
 * the highest of the go.mod requirement and the versions whose module content go.sum
 * holds (an `h1:` line without `/go.mod`; minimal version selection picks the highest
 * version in the graph, and only selected versions are downloaded). Versions that go.sum
 * lists only for their go.mod file were visited in the graph but not built with, and old
 * ones linger in most go.sum files, so they do not count.
 * A replacement by another version of the same module counts; a replacement by a
 * directory makes the version unknown (undefined); a replacement by another module does
 * not build (protobuf-bad-replace) and is ignored here.
 */
export function usedVersion(
  module: GoModule,
  path: string,
): UsedVersion | undefined {
  const require = module.mod.requires.find(r => r.path === path);
  const replace = module.mod.replaces.find(
    r =>
      r.oldPath === path &&
      (r.oldVersion === undefined || r.oldVersion === require?.version),
  );
  if (replace?.newPath === path) {
    if (!replace.newVersion) return undefined;
    return { version: replace.newVersion, require, replace };
  }
  if (replace && !replace.newVersion) return undefined;
  const sum = module.sum?.entries.filter(e => e.path === path) ?? [];
  const version = maxSemver([
    ...(require ? [require.version] : []),
    ...sum.filter(e => !e.goMod).map(e => e.version),
  ]);
  if (version === undefined) return undefined;
  return { version, require, sumEntry: sum.find(e => e.version === version) };
}
