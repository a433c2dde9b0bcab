import { TemplateSyntaxError } from './templateNodes';
import { parseTemplate } from './templateSyntax';

describe('parseTemplate', () => {
  it('trims white space around {{- and -}} and keeps source offsets', () => {
    const src = 'a:\n  {{- .x }}\nb: {{ .y -}}  \n  c';
    const { nodes } = parseTemplate(src);
    expect(nodes.map(n => n.k)).toEqual([
      'text',
      'action',
      'text',
      'action',
      'text',
    ]);
    expect(nodes[0]).toEqual({ k: 'text', text: 'a:', at: 0 });
    expect(nodes[2]).toEqual({ k: 'text', text: '\nb: ', at: 14 });
    expect(nodes[4]).toMatchObject({ k: 'text', text: 'c' });
    expect(src.slice((nodes[4] as { at: number }).at)).toBe('c');
  });

  it('reads pipelines: fields, variables, literals, parentheses, declarations', () => {
    const { nodes } = parseTemplate(
      '{{ $n := (include "x" .).a | default "d" 3 true nil $.Values.b }}',
    );
    expect(nodes[0]).toEqual({
      k: 'action',
      at: 0,
      pipe: {
        vars: ['$n'],
        assign: false,
        cmds: [
          [
            {
              k: 'paren',
              chain: ['a'],
              pipe: {
                vars: [],
                assign: false,
                cmds: [
                  [
                    { k: 'ident', name: 'include' },
                    { k: 'string', value: 'x' },
                    { k: 'field', base: 'dot', chain: [] },
                  ],
                ],
              },
            },
          ],
          [
            { k: 'ident', name: 'default' },
            { k: 'string', value: 'd' },
            { k: 'number', value: 3 },
            { k: 'bool', value: true },
            { k: 'nil' },
            { k: 'var', name: '$', chain: ['Values', 'b'] },
          ],
        ],
      },
    });
  });

  it('builds if / else if / else, with, range with variables, and collects defines', () => {
    const { nodes, defines } = parseTemplate(
      [
        '{{- define "n" }}N{{ end }}',
        '{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}',
        '{{ with .c }}{{ . }}{{ end }}',
        '{{ range $k, $v := .m }}{{ $k }}{{ else }}none{{ end }}',
        '{{/* a comment */}}{{ template "n" . }}',
      ].join('\n'),
    );
    expect([...defines.keys()]).toEqual(['n']);
    const kinds = nodes.filter(n => n.k !== 'text').map(n => n.k);
    expect(kinds).toEqual(['if', 'with', 'range', 'template']);
    const ifNode = nodes.find(n => n.k === 'if') as Extract<
      (typeof nodes)[number],
      { k: 'if' | 'with' }
    >;
    expect(ifNode.branches).toHaveLength(2);
    expect(ifNode.otherwise).toEqual([
      { k: 'text', text: 'C', at: expect.any(Number) },
    ]);
    const range = nodes.find(n => n.k === 'range') as Extract<
      (typeof nodes)[number],
      { k: 'range' }
    >;
    expect(range.pipe.vars).toEqual(['$k', '$v']);
    expect(range.otherwise).toHaveLength(1);
  });

  it('skips quotes and comments when looking for the closing braces', () => {
    const { nodes } = parseTemplate('{{ printf "}}%s" .x /* }} */ }}!');
    expect(nodes.map(n => n.k)).toEqual(['action', 'text']);
  });

  it.each([
    ['{{ .x', 'unclosed action'],
    ['{{ if .x }}a', 'unclosed block'],
    ['a{{ end }}', 'unexpected {{end}}'],
    ['{{ .x | }}', 'missing'],
    ['{{ # }}', 'unexpected "#"'],
  ])('rejects %j', (src, message) => {
    expect(() => parseTemplate(src)).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate(src)).toThrow(message);
  });
});
