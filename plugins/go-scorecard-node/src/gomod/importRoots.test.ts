import { GoModule } from '../facts';
import { goFileFacts } from '../__testUtils__/goFileFacts';
import { ModuleIndex } from '../program/moduleIndex';
import { importRoots, mayNameTreePackage } from './importRoots';
import { parseGoMod } from './parseGoMod';

function goMod(dir: string, text: string): GoModule {
  return {
    dir,
    mod: parseGoMod(dir === '.' ? 'go.mod' : `${dir}/go.mod`, text),
  };
}

const modules = [
  goMod(
    '.',
    `module example.com/svc

go 1.22

replace example.com/lib => ./third_party/lib
replace example.com/outside => ../outside
replace example.com/fork => github.com/acme/fork v1.2.0
`,
  ),
  goMod('tools', 'module example.com/svc/tools\n'),
];

describe('importRoots', () => {
  it('takes module lines and replaces that point inside the tree, longest path first', () => {
    const { declared, roots } = importRoots(modules);
    expect(declared).toEqual([
      { path: 'example.com/svc', dir: '.' },
      { path: 'example.com/svc/tools', dir: 'tools' },
    ]);
    expect(roots).toEqual([
      { path: 'example.com/svc/tools', dir: 'tools' },
      { path: 'example.com/svc', dir: '.' },
      { path: 'example.com/lib', dir: 'third_party/lib' },
    ]);
  });
});

describe('mayNameTreePackage', () => {
  const { roots } = importRoots(modules);

  it('accepts a root and the paths below it only', () => {
    expect(mayNameTreePackage(roots, 'example.com/svc')).toBe(true);
    expect(mayNameTreePackage(roots, 'example.com/svc/internal/db')).toBe(true);
    expect(mayNameTreePackage(roots, 'example.com/lib/retry')).toBe(true);
    expect(mayNameTreePackage(roots, 'example.com/svcx')).toBe(false);
    expect(mayNameTreePackage(roots, 'example.com/outside')).toBe(false);
    expect(mayNameTreePackage(roots, 'example.com/fork')).toBe(false);
    expect(mayNameTreePackage(roots, 'fmt')).toBe(false);
  });

  it('accepts any path of more than one element in the GOPATH layout', () => {
    expect(mayNameTreePackage([], 'github.com/acme/util')).toBe(true);
    expect(mayNameTreePackage([], 'errors')).toBe(false);
  });

  it('holds for every path ModuleIndex resolves', () => {
    const files = [
      'main.go',
      'internal/db/db.go',
      'third_party/lib/retry/retry.go',
      'third_party/lib/lib.go',
      'tools/gen.go',
      'github.com/acme/util/util.go',
    ].map(path => goFileFacts({ path, packageName: 'p' }));
    const paths = [
      'example.com/svc',
      'example.com/svc/internal/db',
      'example.com/lib',
      'example.com/lib/retry',
      'example.com/svc/tools',
      'github.com/acme/util',
      'acme/util',
      'fmt',
    ];
    for (const [mods, rootsOf] of [
      [modules, roots],
      [[], []],
    ] as const) {
      const index = new ModuleIndex(mods, files);
      const resolved = paths.filter(p => index.resolveImport(p));
      expect(resolved.length).toBeGreaterThan(0);
      for (const p of resolved)
        expect(mayNameTreePackage(rootsOf, p)).toBe(true);
    }
  });
});
