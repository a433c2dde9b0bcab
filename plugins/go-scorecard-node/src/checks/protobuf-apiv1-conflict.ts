import { Finding } from '@internal/plugin-go-scorecard-common';
import { compareSemver } from '../gomod/semver';
import { Check } from './types';
import { LEGACY_PROTOBUF, PROTOBUF, usedVersion } from './moduleVersions';

/**
 * `protobuf-apiv1-conflict`: a module builds with github.com/golang/protobuf below
 * v1.4.0 (API v1, its own registry) together with google.golang.org/protobuf. Finding
 * on the `replace` line (go.mod, or a go.work using the module) that pins that version, else the require line, else the first
 * go.sum line of that version.
 */
export const protobufApiv1ConflictCheck: Check = {
  id: 'protobuf-apiv1-conflict',
  reads: ['go.mod', 'go.sum'],
  run(facts) {
    // No go.mod: a file of another kind that could not be read cannot change that.
    if (facts.modules.length === 0)
      return { notApplicable: 'no go.mod', decidedBy: ['go.mod'] };
    const findings: Finding[] = [];
    for (const module of facts.modules) {
      const legacy = usedVersion(module, LEGACY_PROTOBUF, facts.workspaces);
      const modern = usedVersion(module, PROTOBUF, facts.workspaces);
      if (!legacy || !modern || compareSemver(legacy.version, 'v1.4.0') >= 0)
        continue;
      let at: { path: string; line: number };
      // A replace that pins the old version is where the fix goes.
      if (legacy.replace)
        at = {
          path: legacy.replaceFile ?? module.mod.path,
          line: legacy.replace.line,
        };
      else if (legacy.require)
        at = { path: module.mod.path, line: legacy.require.line };
      else if (legacy.sumEntry && module.sum)
        at = { path: module.sum.path, line: legacy.sumEntry.line };
      else continue;
      findings.push({
        ...at,
        snippet: legacy.replace
          ? `replace ${LEGACY_PROTOBUF} => ${LEGACY_PROTOBUF} ${legacy.version}`
          : `${LEGACY_PROTOBUF} ${legacy.require?.version ?? legacy.version}`,
        message: `${LEGACY_PROTOBUF} ${legacy.version} (below v1.4.0) is used together with ${PROTOBUF} ${modern.version}: the two runtimes register the same .proto types and the program can panic at start-up with a registration conflict; require ${LEGACY_PROTOBUF} v1.4.0 or later (v1.5.4), which is built on ${PROTOBUF}`,
      });
    }
    return { findings };
  },
};
