import { highlightCode, languageName } from './highlightCode';

const kinds = (code: string, language: string) =>
  highlightCode(code, language)
    .filter(t => t.kind)
    .map(t => `${t.kind}:${t.text}`);

describe('highlightCode', () => {
  it('gives the code back unchanged when its tokens are joined', () => {
    const code = 'func main() {\n\tx := "a\\"b" // c\n\treturn 0x1F\n}';
    expect(
      highlightCode(code, 'go')
        .map(t => t.text)
        .join(''),
    ).toBe(code);
  });

  it('colours Go keywords, types, constants, strings and comments', () => {
    expect(
      kinds(
        'defer cancel() // always\nvar err error = nil\ns := `raw` + "x"',
        'go',
      ),
    ).toEqual([
      'keyword:defer',
      'comment:// always',
      'keyword:var',
      'type:error',
      'constant:nil',
      'string:`raw`',
      'string:"x"',
    ]);
  });

  it('does not colour a keyword inside a longer name', () => {
    expect(kinds('forward := gopher', 'go')).toEqual([]);
  });

  it('colours shell comments, variables and strings; # inside a word is not a comment', () => {
    expect(kinds('go install a@$(VERSION) "q" # note\necho a#b', 'sh')).toEqual(
      ['variable:$(VERSION)', 'string:"q"', 'comment:# note'],
    );
  });

  it('colours Makefile targets', () => {
    expect(kinds('tools:\n\tgo install x\nV := 1', 'makefile')).toEqual([
      'type:tools',
    ]);
  });

  it('colours YAML keys (also after a list dash), constants and comments', () => {
    expect(
      kinds(
        'lifecycle:\n  preStop: # hook\n    - name: x\n      enabled: true\n      n: 30',
        'yaml',
      ),
    ).toEqual([
      'variable:lifecycle',
      'variable:preStop',
      'comment:# hook',
      'variable:name',
      'variable:enabled',
      'constant:true',
      'variable:n',
      'constant:30',
    ]);
  });

  it('leaves plain text and a fence without a language as one token', () => {
    expect(highlightCode('a "b" # c', 'text')).toEqual([{ text: 'a "b" # c' }]);
    expect(highlightCode('a', '')).toEqual([{ text: 'a' }]);
  });

  it('names languages for people', () => {
    expect(languageName('go')).toBe('Go');
    expect(languageName('yml')).toBe('YAML');
    expect(languageName('bash')).toBe('Shell');
    expect(languageName('toml')).toBe('toml');
    expect(languageName('text')).toBeUndefined();
  });
});
