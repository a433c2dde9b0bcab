import { bodyEnding } from './bodyEnding';

describe('bodyEnding', () => {
  it('reads a body whose last statement never returns as "!"', () => {
    expect(bodyEnding('{\n\tfmt.Println("x")\n\tos.Exit(1)\n}\n')).toBe('!');
    expect(bodyEnding('{ log.Fatal(what) }\n')).toBe('!');
    expect(bodyEnding('{\n\ts.log.Fatalf("bad: %v",\n\t\terr)\n}\n')).toBe('!');
    expect(bodyEnding('{\n\tpanic(err)\n\t// unreachable\n}\n')).toBe('!');
    expect(bodyEnding('{\n\tfor {\n\t\ttick()\n\t}\n}\n')).toBe('!');
    expect(bodyEnding('{\n\tselect {}\n}\n')).toBe('!');
  });

  it('names the function a body ends calling', () => {
    expect(bodyEnding('{\n\tlog.Print(x)\n\tcli.Exit(2, "x")\n}\n')).toBe(
      'Exit',
    );
    expect(bodyEnding('{\n\tfatalf("%v",\n\t\terr,\n\t)\n}\n')).toBe('fatalf');
  });

  it('gives nothing for a body that may return', () => {
    expect(
      bodyEnding('{\n\tif err == nil {\n\t\treturn\n\t}\n\tos.Exit(1)\n}\n'),
    ).toBeUndefined();
    expect(
      bodyEnding('{\n\tif err != nil {\n\t\tos.Exit(1)\n\t}\n}\n'),
    ).toBeUndefined();
    expect(
      bodyEnding('{\n\tfor {\n\t\tif done() {\n\t\t\tbreak\n\t\t}\n\t}\n}\n'),
    ).toBeUndefined();
    expect(bodyEnding('{\n\terr := log.Fatal(x)\n}\n')).toBeUndefined();
    expect(bodyEnding('{\n\tx = 1\n}\n')).toBeUndefined();
    expect(bodyEnding('{}\n')).toBeUndefined();
  });
});
