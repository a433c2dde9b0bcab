import {
  GoModReplace,
  GoModRequire,
  GoModule,
  GoSumEntry,
  GoWorkFile,
} from '../facts';
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
  /** The file of `replace`: the module's go.mod, or a go.work that uses the module. */
  replaceFile?: string;
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
 * A replacement by another version of the same module counts (a go.work's that uses the
 * module first: it overrides the module's own, Go Modules Reference, go.work files); a
 * replacement by a directory makes the version unknown (undefined); a replacement by another
 * module does not build (protobuf-bad-replace) and is ignored here.
 */
export function usedVersion(
  module: GoModule,
  path: string,
  workspaces: readonly GoWorkFile[] = [],
): UsedVersion | undefined {
  const require = module.mod.requires.find(r => r.path === path);
  const matches = (r: GoModReplace) =>
    r.oldPath === path &&
    (r.oldVersion === undefined || r.oldVersion === require?.version);
  let replaceFile: string | undefined;
  let replace: GoModReplace | undefined;
  for (const work of workspaces) {
    if (!work.uses.some(u => u.dir === module.dir)) continue;
    replace = work.replaces.find(matches);
    if (replace) {
      replaceFile = work.path;
      break;
    }
  }
  if (!replace) {
    replace = module.mod.replaces.find(matches);
    replaceFile = module.mod.path;
  }
  if (replace?.newPath === path) {
    if (!replace.newVersion) return undefined;
    return { version: replace.newVersion, require, replace, replaceFile };
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
