import { GoModSyntaxError, parseGoMod } from './parseGoMod';

const GOOD = `// the service
module "example.com/shop/api" // quoted

go 1.22
toolchain go1.22.4

require github.com/golang/protobuf v1.3.5

require (
\tgoogle.golang.org/grpc v1.64.0
\tgoogle.golang.org/protobuf v1.34.1 // indirect
\tgithub.com/x/y v0.0.0-20200101000000-abcdefabcdef // indirect; pulled by z
\tgithub.com/a/b v1.0.0 // indirectly important
)

replace github.com/golang/protobuf => google.golang.org/protobuf v1.34.1
replace (
\texample.com/old v1.0.0 => example.com/new v1.1.0
\texample.com/local => ../local
)
exclude example.com/bad v1.2.3
retract [v1.0.0, v1.0.5] // broken
retract v0.9.0
godebug default=go1.21
tool golang.org/x/tools/cmd/stringer
frobnicate whatever 1 2 3
`;

describe('parseGoMod', () => {
  it('reads every directive with its line', () => {
    const mod = parseGoMod('go.mod', GOOD);
    expect(mod.module).toEqual({ path: 'example.com/shop/api', line: 2 });
    expect(mod.goVersion).toBe('1.22');
    expect(mod.toolchain).toBe('go1.22.4');
    expect(mod.requires).toEqual([
      {
        path: 'github.com/golang/protobuf',
        version: 'v1.3.5',
        indirect: false,
        line: 7,
      },
      {
        path: 'google.golang.org/grpc',
        version: 'v1.64.0',
        indirect: false,
        line: 10,
      },
      {
        path: 'google.golang.org/protobuf',
        version: 'v1.34.1',
        indirect: true,
        line: 11,
      },
      {
        path: 'github.com/x/y',
        version: 'v0.0.0-20200101000000-abcdefabcdef',
        indirect: true,
        line: 12,
      },
      { path: 'github.com/a/b', version: 'v1.0.0', indirect: false, line: 13 },
    ]);
    expect(mod.replaces).toEqual([
      {
        oldPath: 'github.com/golang/protobuf',
        oldVersion: undefined,
        newPath: 'google.golang.org/protobuf',
        newVersion: 'v1.34.1',
        line: 16,
      },
      {
        oldPath: 'example.com/old',
        oldVersion: 'v1.0.0',
        newPath: 'example.com/new',
        newVersion: 'v1.1.0',
        line: 18,
      },
      {
        oldPath: 'example.com/local',
        oldVersion: undefined,
        newPath: '../local',
        newVersion: undefined,
        line: 19,
      },
    ]);
    expect(mod.excludes).toEqual([
      { path: 'example.com/bad', version: 'v1.2.3', line: 21 },
    ]);
    expect(mod.retracts).toEqual([
      { low: 'v1.0.0', high: 'v1.0.5', line: 22 },
      { low: 'v0.9.0', high: 'v0.9.0', line: 23 },
    ]);
  });

  it('handles CRLF, tabs, a BOM, raw strings and empty blocks', () => {
    const text =
      '\uFEFFmodule `example.com/m`\r\n\r\nrequire ()\r\nrequire (\r\n\t"example.com/q"\tv1.0.0\t// indirect\r\n)\r\n';
    const mod = parseGoMod('go.mod', text);
    expect(mod.module).toEqual({ path: 'example.com/m', line: 1 });
    expect(mod.requires).toEqual([
      { path: 'example.com/q', version: 'v1.0.0', indirect: true, line: 5 },
    ]);
  });

  it('accepts a file without a module line', () => {
    expect(parseGoMod('go.mod', '').requires).toEqual([]);
  });

  it.each([
    ['require example.com/x\n', 1, 'usage: require module/path v1.2.3'],
    [
      'module a\nrequire (\n\texample.com/x v1.0.0\n',
      2,
      'require block is not closed',
    ],
    ['module a\n)\n', 2, 'unexpected )'],
    ['module "a\n', 1, 'unterminated quoted string'],
    ['module a\nreplace x v1 y v2\n', 2, 'usage: replace'],
    ['module a\nreplace x => \n', 2, 'usage: replace'],
    ['module a b\n', 1, 'usage: module'],
    ['module a\nmodule b\n', 2, 'repeated module'],
    ['module a\n/* no */\n', 2, 'mod files must use // comments'],
    ['retract [v1.0.0 v1.2.0]\n', 1, 'usage: retract'],
  ])('rejects %j at line %d', (text, line, problem) => {
    let error: unknown;
    try {
      parseGoMod('svc/go.mod', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoModSyntaxError);
    const e = error as GoModSyntaxError;
    expect(e.line).toBe(line);
    expect(e.message).toContain(`svc/go.mod:${line}: ${problem}`);
  });
});
