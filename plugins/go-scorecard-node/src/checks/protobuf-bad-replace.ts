import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { LEGACY_PROTOBUF, PROTOBUF } from './moduleVersions';

/**
 * `protobuf-bad-replace`: `replace github.com/golang/protobuf => google.golang.org/protobuf`,
 * which cannot build (the replacement declares another module path and lacks the
 * replaced packages), in go.mod or go.work. Finding on the replace line.
 */
export const protobufBadReplaceCheck: Check = {
  id: 'protobuf-bad-replace',
  reads: ['go.mod'],
  run(facts) {
    if (facts.modules.length === 0) return { notApplicable: 'no go.mod' };
    const findings: Finding[] = [];
    const files = [
      ...facts.modules.map(m => m.mod),
      ...(facts.workspaces ?? []),
    ];
    for (const { path, replaces } of files) {
      for (const r of replaces) {
        if (r.oldPath !== LEGACY_PROTOBUF || r.newPath !== PROTOBUF) continue;
        const old = r.oldVersion ? `${r.oldPath} ${r.oldVersion}` : r.oldPath;
        const target = r.newVersion
          ? `${r.newPath} ${r.newVersion}`
          : r.newPath;
        findings.push({
          path,
          line: r.line,
          snippet: `replace ${old} => ${target}`,
          message: `replace ${old} => ${target} breaks the build: the replacement declares its module path as ${PROTOBUF}, not ${LEGACY_PROTOBUF}, and has none of its packages (proto, ptypes, jsonpb); remove the replace and require ${LEGACY_PROTOBUF} v1.4.0 or later (v1.5.4), which is built on ${PROTOBUF}`,
        });
      }
    }
    return { findings };
  },
};
