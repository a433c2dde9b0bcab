import { GoFileFacts, GoModule } from '../facts';
import { parseGoMod } from '../gomod/parseGoMod';
import { goFileFacts } from '../__testUtils__/goFileFacts';
import { ModuleIndex } from './moduleIndex';

/** A go.mod of the tree in directory `dir` (`.` for the root). */
function goMod(dir: string, text: string): GoModule {
  const path = dir === '.' ? 'go.mod' : `${dir}/go.mod`;
  return { dir, mod: parseGoMod(path, text) };
}

/** A Go file with the package clause `packageName`; a test file when its name ends `_test.go`. */
function goFile(path: string, packageName: string): GoFileFacts {
  return goFileFacts({ path, packageName, isTest: path.endsWith('_test.go') });
}

/** What an import path resolves to: the package's id, or undefined. */
function resolve(index: ModuleIndex, importPath: string): string | undefined {
  return index.resolveImport(importPath)?.id;
}

describe('ModuleIndex', () => {
  describe('a single module at the root', () => {
    const files = [
      goFile('main.go', 'main'),
      goFile('internal/store/store.go', 'store'),
      goFile('internal/store/sql.go', 'store'),
      goFile('pkg/api/api.go', 'api'),
    ];
    const index = new ModuleIndex(
      [goMod('.', 'module example.com/svc\n\ngo 1.22\n')],
      files,
    );

    it('makes one package per directory, with its import path', () => {
      expect(
        index.packages.map(p => ({
          id: p.id,
          dir: p.dir,
          name: p.name,
          importPath: p.importPath,
          files: p.files.map(f => f.path),
        })),
      ).toEqual([
        {
          id: '.',
          dir: '.',
          name: 'main',
          importPath: 'example.com/svc',
          files: ['main.go'],
        },
        {
          id: 'internal/store',
          dir: 'internal/store',
          name: 'store',
          importPath: 'example.com/svc/internal/store',
          files: ['internal/store/store.go', 'internal/store/sql.go'],
        },
        {
          id: 'pkg/api',
          dir: 'pkg/api',
          name: 'api',
          importPath: 'example.com/svc/pkg/api',
          files: ['pkg/api/api.go'],
        },
      ]);
    });

    it('gives each file its package', () => {
      expect(index.packageOf(files[2]).id).toBe('internal/store');
      expect(index.packageOf(files[0]).id).toBe('.');
    });

    it('resolves the import paths of the module', () => {
      expect(resolve(index, 'example.com/svc')).toBe('.');
      expect(resolve(index, 'example.com/svc/internal/store')).toBe(
        'internal/store',
      );
      expect(resolve(index, 'example.com/svc/pkg/api')).toBe('pkg/api');
    });

    it('resolves imports that are not in the tree to undefined', () => {
      expect(resolve(index, 'fmt')).toBeUndefined();
      expect(resolve(index, 'net/http')).toBeUndefined();
      expect(resolve(index, 'github.com/other/api')).toBeUndefined();
      // A directory of the module without Go files, and a module path that only shares a prefix.
      expect(resolve(index, 'example.com/svc/internal')).toBeUndefined();
      expect(resolve(index, 'example.com/svcx/pkg/api')).toBeUndefined();
      expect(resolve(index, 'api')).toBeUndefined();
    });
  });

  describe('nested modules', () => {
    const index = new ModuleIndex(
      [
        goMod('.', 'module example.com/root\n'),
        goMod('tools', 'module example.com/tools\n'),
        goMod('tools/lint', 'module example.com/lint\n'),
      ],
      [
        goFile('main.go', 'main'),
        goFile('util/util.go', 'util'),
        goFile('tools/tools.go', 'tools'),
        goFile('tools/gen/gen.go', 'gen'),
        goFile('tools/lint/cmd/lint/main.go', 'main'),
        goFile('toolsx/x.go', 'toolsx'),
      ],
    );

    it('gives each package the path of its innermost module', () => {
      expect(index.packages.map(p => [p.dir, p.importPath])).toEqual([
        ['.', 'example.com/root'],
        ['util', 'example.com/root/util'],
        ['tools', 'example.com/tools'],
        ['tools/gen', 'example.com/tools/gen'],
        ['tools/lint/cmd/lint', 'example.com/lint/cmd/lint'],
        // A directory whose name only starts like a module's is not in it.
        ['toolsx', 'example.com/root/toolsx'],
      ]);
    });

    it('resolves the paths of every module', () => {
      expect(resolve(index, 'example.com/root/util')).toBe('util');
      expect(resolve(index, 'example.com/tools')).toBe('tools');
      expect(resolve(index, 'example.com/tools/gen')).toBe('tools/gen');
      expect(resolve(index, 'example.com/lint/cmd/lint')).toBe(
        'tools/lint/cmd/lint',
      );
    });

    it.each([
      ['example.com/root/tools/gen'],
      ['example.com/tools/lint/cmd/lint'],
    ])(
      'does not resolve %s, a directory of a nested module, through the enclosing module',
      importPath => {
        expect(resolve(index, importPath)).toBeUndefined();
      },
    );
  });

  describe('a replace that points to a directory of the tree', () => {
    const modules = [
      goMod(
        'app',
        `module example.com/app

require example.com/x v1.0.0

replace example.com/x => ../common
`,
      ),
      goMod('common', 'module example.com/common\n'),
    ];
    const index = new ModuleIndex(modules, [
      goFile('app/main.go', 'main'),
      goFile('common/common.go', 'common'),
      goFile('common/log/log.go', 'log'),
    ]);

    it('keeps the path its go.mod declares as the import path', () => {
      expect(index.packages.map(p => [p.dir, p.importPath])).toEqual([
        ['app', 'example.com/app'],
        ['common', 'example.com/common'],
        ['common/log', 'example.com/common/log'],
      ]);
    });

    it('resolves the replaced path, and the paths below it, to that directory', () => {
      expect(resolve(index, 'example.com/x')).toBe('common');
      expect(resolve(index, 'example.com/x/log')).toBe('common/log');
      expect(resolve(index, 'example.com/common/log')).toBe('common/log');
      expect(resolve(index, 'example.com/x/missing')).toBeUndefined();
    });

    it('ignores a replace by another module version or a directory outside the tree', () => {
      const other = new ModuleIndex(
        [
          goMod(
            '.',
            `module example.com/app
replace (
	example.com/y => example.com/fork/y v1.2.0
	example.com/z => ../outside/z
	example.com/abs => /opt/src/abs
)
`,
          ),
        ],
        [
          goFile('main.go', 'main'),
          goFile('y/y.go', 'y'),
          goFile('z/z.go', 'z'),
        ],
      );
      expect(resolve(other, 'example.com/y')).toBeUndefined();
      expect(resolve(other, 'example.com/z')).toBeUndefined();
      expect(resolve(other, 'example.com/abs')).toBeUndefined();
      expect(resolve(other, 'example.com/app/y')).toBe('y');
    });

    it('ignores an absolute replacement directory', () => {
      const absolute = new ModuleIndex(
        [
          goMod(
            '.',
            'module example.com/app\nreplace example.com/abs => /opt/src/abs\n',
          ),
        ],
        [goFile('main.go', 'main'), goFile('opt/src/abs/abs.go', 'abs')],
      );
      expect(resolve(absolute, 'example.com/abs')).toBeUndefined();
    });

    it('prefers the declared module path over a longer replaced path', () => {
      const aliased = new ModuleIndex(
        [
          goMod(
            'app',
            'module example.com/app\nreplace example.com/a/much/longer/alias => ../common\n',
          ),
          goMod('common', 'module example.com/common\n'),
        ],
        [goFile('app/main.go', 'main'), goFile('common/common.go', 'common')],
      );
      expect(aliased.packages[1].importPath).toBe('example.com/common');
    });
  });

  describe('test packages', () => {
    const files = [
      goFile('foo/foo.go', 'foo'),
      goFile('foo/foo_internal_test.go', 'foo'),
      goFile('foo/foo_test.go', 'foo_test'),
      goFile('foo/example_test.go', 'foo_test'),
    ];
    const index = new ModuleIndex(
      [goMod('.', 'module example.com/m\n')],
      files,
    );

    it('keeps an external test package apart from the package it tests', () => {
      expect(
        index.packages.map(p => ({
          id: p.id,
          name: p.name,
          importPath: p.importPath,
          files: p.files.map(f => f.path),
        })),
      ).toEqual([
        {
          id: 'foo',
          name: 'foo',
          importPath: 'example.com/m/foo',
          files: ['foo/foo.go', 'foo/foo_internal_test.go'],
        },
        {
          id: 'foo [foo_test]',
          name: 'foo_test',
          importPath: undefined,
          files: ['foo/foo_test.go', 'foo/example_test.go'],
        },
      ]);
      expect(index.packageOf(files[1]).id).toBe('foo');
      expect(index.packageOf(files[3]).id).toBe('foo [foo_test]');
    });

    it('resolves the import path to the package, never to its external tests', () => {
      expect(resolve(index, 'example.com/m/foo')).toBe('foo');
    });

    it('names a package by its non-test files, whichever file comes first', () => {
      const testFirst = new ModuleIndex(
        [],
        [goFile('bar/bar_test.go', 'bar'), goFile('bar/bar.go', 'bar')],
      );
      expect(testFirst.packages.map(p => [p.id, p.name])).toEqual([
        ['bar', 'bar'],
      ]);
    });

    it('keeps a test-only external package on its own', () => {
      const testOnly = new ModuleIndex(
        [goMod('.', 'module example.com/m\n')],
        [goFile('e2e/e2e_test.go', 'e2e_test')],
      );
      expect(testOnly.packages.map(p => [p.id, p.name, p.importPath])).toEqual([
        ['e2e [e2e_test]', 'e2e_test', undefined],
      ]);
      expect(resolve(testOnly, 'example.com/m/e2e')).toBeUndefined();
    });
  });

  describe('a tree without go.mod (GOPATH layout)', () => {
    const index = new ModuleIndex(
      [],
      [
        goFile('main.go', 'main'),
        goFile('client/client.go', 'client'),
        goFile('pkg/client/client.go', 'client'),
      ],
    );

    it('leaves import paths unknown: the tree does not say where it sits in GOPATH', () => {
      expect(index.packages.map(p => p.importPath)).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('resolves an import by the longest directory it ends with', () => {
      expect(resolve(index, 'github.com/acme/svc/pkg/client')).toBe(
        'pkg/client',
      );
      expect(resolve(index, 'github.com/acme/svc/client')).toBe('client');
      expect(resolve(index, 'pkg/client')).toBe('pkg/client');
    });

    it('matches whole path elements only, and never the root directory', () => {
      expect(resolve(index, 'github.com/acme/svc/myclient')).toBeUndefined();
      expect(resolve(index, 'github.com/acme/svc')).toBeUndefined();
      expect(resolve(index, 'fmt')).toBeUndefined();
    });

    it('uses the GOPATH rule only when no go.mod declares a module', () => {
      const withModule = new ModuleIndex(
        [goMod('.', 'module example.com/svc\n')],
        [goFile('pkg/client/client.go', 'client')],
      );
      expect(
        resolve(withModule, 'github.com/acme/svc/pkg/client'),
      ).toBeUndefined();
      const withoutModuleLine = new ModuleIndex(
        [goMod('.', 'go 1.22\n')],
        [goFile('pkg/client/client.go', 'client')],
      );
      expect(resolve(withoutModuleLine, 'github.com/acme/svc/pkg/client')).toBe(
        'pkg/client',
      );
    });
  });

  describe('modules that declare the same module path', () => {
    const files = [
      goFile('app/fe/main.go', 'main'),
      goFile('app/fe/infra/mtl/mtl.go', 'mtl'),
      goFile('tutorial/ch3/app/fe/main.go', 'main'),
      goFile('tutorial/ch3/app/fe/infra/mtl/mtl.go', 'mtl'),
    ];
    const mod = 'module example.com/mall/app/fe\n\ngo 1.22\n';
    const index = new ModuleIndex(
      [goMod('app/fe', mod), goMod('tutorial/ch3/app/fe', mod)],
      files,
    );

    it("resolves an import to the importing file's own module", () => {
      const path = 'example.com/mall/app/fe/infra/mtl';
      expect(index.resolveImport(path, 'app/fe')?.id).toBe('app/fe/infra/mtl');
      expect(index.resolveImport(path, 'tutorial/ch3/app/fe')?.id).toBe(
        'tutorial/ch3/app/fe/infra/mtl',
      );
      // from outside both modules, one of them
      expect(resolve(index, path)).toBeDefined();
    });
  });
});
