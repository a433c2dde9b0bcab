import { GoFileFacts, GoModule, serviceFacts } from '../facts';
import { parseGoMod } from '../gomod/parseGoMod';
import { parseGoSum } from '../gomod/parseGoSum';
import { goModUntidyCheck } from './go-mod-untidy';
import { protobufApiv1ConflictCheck } from './protobuf-apiv1-conflict';
import { protobufBadReplaceCheck } from './protobuf-bad-replace';
import { protobufLegacyModuleCheck } from './protobuf-legacy-module';
import { Check } from './types';
import { runCheck } from '../__testUtils__/runCheck';
import { goFileFacts } from '../__testUtils__/goFileFacts';

function module(goMod: string, goSum?: string, dir = '.'): GoModule {
  const prefix = dir === '.' ? '' : `${dir}/`;
  return {
    dir,
    mod: parseGoMod(`${prefix}go.mod`, goMod),
    sum:
      goSum === undefined
        ? undefined
        : { path: `${prefix}go.sum`, entries: parseGoSum(goSum) },
  };
}

function goFile(path: string, imports: string[]): GoFileFacts {
  return goFileFacts({
    path,
    imports: imports.map((p, i) => ({ path: p, line: 3 + i })),
  });
}

function run(check: Check, modules: GoModule[], goFiles: GoFileFacts[] = []) {
  const outcome = runCheck(check, serviceFacts({ goFiles, modules }));
  return 'findings' in outcome
    ? outcome.findings.map(f => `${f.path}:${f.line}`)
    : outcome.notApplicable;
}

const SUM = (lines: string[]) => lines.map(l => `${l} h1:x=`).join('\n');

describe('protobuf checks', () => {
  it('are not applicable without go.mod', () => {
    for (const check of [
      protobufApiv1ConflictCheck,
      protobufBadReplaceCheck,
      protobufLegacyModuleCheck,
      goModUntidyCheck,
    ]) {
      expect(run(check, [])).toBe('no go.mod');
    }
  });

  describe('protobuf-apiv1-conflict', () => {
    const mod =
      'module m\nrequire (\n\tgithub.com/golang/protobuf v1.3.5\n\tgoogle.golang.org/protobuf v1.33.0 // indirect\n)\n';

    it('flags an old golang/protobuf beside google.golang.org/protobuf on the require line', () => {
      expect(run(protobufApiv1ConflictCheck, [module(mod)])).toEqual([
        'go.mod:3',
      ]);
    });

    it('passes v1.4.0 and later, and old versions alone', () => {
      expect(
        run(protobufApiv1ConflictCheck, [
          module(mod.replace('v1.3.5', 'v1.4.0')),
        ]),
      ).toEqual([]);
      expect(
        run(protobufApiv1ConflictCheck, [
          module('module m\nrequire github.com/golang/protobuf v1.3.2\n'),
        ]),
      ).toEqual([]);
    });

    it('uses the highest version go.sum holds content for, and the go.sum line when go.mod has no require', () => {
      const oldGraph = SUM([
        'github.com/golang/protobuf v1.2.0/go.mod',
        'github.com/golang/protobuf v1.5.4',
        'github.com/golang/protobuf v1.5.4/go.mod',
        'google.golang.org/protobuf v1.33.0/go.mod',
      ]);
      expect(
        run(protobufApiv1ConflictCheck, [module('module m\n', oldGraph)]),
      ).toEqual([]);
      const sumOnly = SUM([
        'github.com/golang/protobuf v1.3.5',
        'github.com/golang/protobuf v1.3.5/go.mod',
        'google.golang.org/protobuf v1.33.0',
        'google.golang.org/protobuf v1.33.0/go.mod',
      ]);
      expect(
        run(protobufApiv1ConflictCheck, [module('module m\n', sumOnly)]),
      ).toEqual(['go.sum:1']);
    });

    it('ignores versions go.sum lists only for their go.mod file (visited, not built)', () => {
      const visitedOnly = SUM([
        'github.com/golang/protobuf v1.3.5/go.mod',
        'google.golang.org/protobuf v1.33.0',
        'google.golang.org/protobuf v1.33.0/go.mod',
      ]);
      expect(
        run(protobufApiv1ConflictCheck, [module('module m\n', visitedOnly)]),
      ).toEqual([]);
    });

    it('still sees the old requirement behind a replacement by the other module', () => {
      const badReplace = `${mod}replace github.com/golang/protobuf => google.golang.org/protobuf v1.33.0\n`;
      expect(run(protobufApiv1ConflictCheck, [module(badReplace)])).toEqual([
        'go.mod:3',
      ]);
    });

    it('follows a replacement by another version', () => {
      const replaced = `${mod}replace github.com/golang/protobuf => github.com/golang/protobuf v1.5.4\n`;
      expect(run(protobufApiv1ConflictCheck, [module(replaced)])).toEqual([]);
    });
  });

  it('protobuf-bad-replace flags the replace line', () => {
    const mod =
      'module m\nrequire github.com/golang/protobuf v1.3.5\nreplace github.com/golang/protobuf v1.3.5 => google.golang.org/protobuf v1.33.0\nreplace github.com/golang/protobuf => github.com/golang/protobuf v1.5.4\n';
    expect(run(protobufBadReplaceCheck, [module(mod)])).toEqual(['go.mod:3']);
  });

  it('protobuf-legacy-module flags direct requires and imports, not indirect ones', () => {
    const direct = module(
      'module m\nrequire github.com/golang/protobuf v1.5.4\n',
    );
    const indirect = module(
      'module n\nrequire github.com/golang/protobuf v1.5.4 // indirect\n',
      undefined,
      'svc',
    );
    const files = [
      goFile('main.go', [
        'github.com/golang/protobuf/proto',
        'google.golang.org/protobuf/proto',
        'github.com/golang/protobuffer',
      ]),
    ];
    expect(run(protobufLegacyModuleCheck, [direct, indirect], files)).toEqual([
      'go.mod:2',
      'main.go:3',
    ]);
  });

  describe('go-mod-untidy', () => {
    const mod =
      'module example.com/shop\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v1.2.0\n\tgithub.com/e/f v0.1.0\n\texample.com/local v0.0.0\n)\nreplace github.com/e/f => github.com/e/g v0.2.0\nreplace example.com/local => ../local\n';
    const sum = SUM([
      'github.com/a/b v1.0.0',
      'github.com/a/b v1.0.0/go.mod',
      'github.com/c/d v1.2.0',
      'github.com/e/g v0.2.0/go.mod',
    ]);

    it('flags requirements without a /go.mod hash, honouring replacements', () => {
      expect(run(goModUntidyCheck, [module(mod, sum)])).toEqual(['go.mod:4']);
    });

    it('flags a missing go.sum on the module line', () => {
      expect(run(goModUntidyCheck, [module(mod)])).toEqual(['go.mod:1']);
      expect(run(goModUntidyCheck, [module('module m\ngo 1.22\n')])).toEqual(
        [],
      );
    });

    it('flags imports no requirement provides, per owning module', () => {
      const files = [
        goFile('cmd/api/main.go', [
          'fmt',
          'example.com/shop/internal/x',
          'github.com/a/b/sub',
          'github.com/pkg/errors',
          'github.com/a/bb',
        ]),
        goFile('tools/gen/main.go', ['github.com/pkg/errors']),
        goFile('other/main.go', ['github.com/pkg/errors']),
      ];
      const tools = module(
        'module example.com/tools\nrequire github.com/pkg/errors v0.9.1\n',
        SUM([
          'github.com/pkg/errors v0.9.1',
          'github.com/pkg/errors v0.9.1/go.mod',
        ]),
        'tools',
      );
      expect(
        run(
          goModUntidyCheck,
          [
            module(
              mod.replace('github.com/c/d v1.2.0', 'github.com/a/b/v2 v2.0.0'),
              `${sum}\n${SUM(['github.com/a/b/v2 v2.0.0/go.mod'])}`,
            ),
            tools,
          ],
          files,
        ),
      ).toEqual(['cmd/api/main.go:6', 'cmd/api/main.go:7', 'other/main.go:3']);
    });

    it('flags a requirement providing an imported package whose content go.sum does not hash', () => {
      const goMod = [
        'module example.com/ledger', // 1
        'require (',
        '\tgithub.com/a/b v1.0.0', // 3
        '\tgithub.com/a/b/sub v1.1.0',
        '\tgithub.com/only/graph v1.0.0 // indirect', // 5
        '\tgithub.com/c/d v1.3.1',
        '\texample.com/local v0.0.0', // 7
        ')',
        'replace github.com/c/d v1.3.1 => github.com/c/d v1.4.0',
        'replace example.com/local => ./local',
      ].join('\n');
      const goSum = SUM([
        'github.com/a/b v1.0.0/go.mod',
        'github.com/a/b/sub v1.1.0/go.mod',
        'github.com/only/graph v1.0.0/go.mod',
        'github.com/c/d v1.4.0/go.mod',
      ]);
      // github.com/a/b/sub/x is the longer module's package: github.com/a/b provides none
      const files = [
        goFile('main.go', [
          'github.com/a/b/sub/x',
          'github.com/c/d',
          'example.com/local/y',
          'example.com/ledger/z',
        ]),
      ];
      expect(run(goModUntidyCheck, [module(goMod, goSum)], files)).toEqual([
        'go.mod:4',
        'go.mod:6',
      ]);
      const hashed = `${goSum}\n${SUM([
        'github.com/a/b/sub v1.1.0',
        'github.com/c/d v1.4.0',
      ])}`;
      expect(run(goModUntidyCheck, [module(goMod, hashed)], files)).toEqual([]);
    });

    it('reads no import of a file go mod tidy leaves out', () => {
      const ignored = goFileFacts({
        path: 'gen/gen.go',
        buildIgnored: true,
        imports: [{ path: 'github.com/dave/jennifer/jen', line: 9 }],
      });
      expect(
        run(goModUntidyCheck, [module('module m\ngo 1.22\n', '')], [ignored]),
      ).toEqual([]);
    });
  });
});
