import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { LEGACY_PROTOBUF, PROTOBUF } from './moduleVersions';

/**
 * `protobuf-legacy-module`: a direct (not `// indirect`) require of
 * github.com/golang/protobuf, and every Go import of its packages.
 */
export const protobufLegacyModuleCheck: Check = {
  id: 'protobuf-legacy-module',
  reads: ['go.mod', 'go'],
  run(facts) {
    // No go.mod: a file of another kind that could not be read cannot change that.
    if (facts.modules.length === 0)
      return { notApplicable: 'no go.mod', decidedBy: ['go.mod'] };
    const findings: Finding[] = [];
    for (const { mod } of facts.modules) {
      for (const r of mod.requires) {
        if (r.path !== LEGACY_PROTOBUF || r.indirect) continue;
        findings.push({
          path: mod.path,
          line: r.line,
          snippet: `${r.path} ${r.version}`,
          message: `${mod.path} requires the deprecated ${LEGACY_PROTOBUF} ${r.version} directly; use ${PROTOBUF} (proto, protojson, types/known/…) and regenerate code with protoc-gen-go from ${PROTOBUF}`,
        });
      }
    }
    for (const file of facts.goFiles) {
      for (const i of file.imports) {
        if (
          i.path !== LEGACY_PROTOBUF &&
          !i.path.startsWith(`${LEGACY_PROTOBUF}/`)
        )
          continue;
        findings.push({
          path: file.path,
          line: i.line,
          snippet: i.alias ? `${i.alias} "${i.path}"` : `"${i.path}"`,
          message: `imports ${i.path} from the deprecated ${LEGACY_PROTOBUF}; use its ${PROTOBUF} counterpart (e.g. google.golang.org/protobuf/proto, …/types/known/…)`,
        });
      }
    }
    return { findings };
  },
};
