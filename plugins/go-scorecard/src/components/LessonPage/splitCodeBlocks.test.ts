import { splitCodeBlocks } from './splitCodeBlocks';

describe('splitCodeBlocks', () => {
  it('cuts Markdown at fenced code blocks', () => {
    expect(
      splitCodeBlocks('Intro.\n\n```go\nx := 1\n\ny := 2\n```\n\nAfter.\n'),
    ).toEqual([
      { kind: 'markdown', markdown: 'Intro.\n' },
      { kind: 'code', language: 'go', code: 'x := 1\n\ny := 2', indent: 0 },
      { kind: 'markdown', markdown: '\nAfter.\n' },
    ]);
  });

  it("takes a list item's fence with its indentation off, keeping tabs", () => {
    expect(
      splitCodeBlocks(
        '- item:\n\n  ```go\n  if x {\n  \ty()\n  }\n  ```\n- next',
      ),
    ).toEqual([
      { kind: 'markdown', markdown: '- item:\n' },
      { kind: 'code', language: 'go', code: 'if x {\n\ty()\n}', indent: 2 },
      { kind: 'markdown', markdown: '- next' },
    ]);
  });

  it('closes a fence only with a fence at least as long, of the same character', () => {
    expect(splitCodeBlocks('````\n```\nin\n~~~\n````')).toEqual([
      { kind: 'code', language: '', code: '```\nin\n~~~', indent: 0 },
    ]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(splitCodeBlocks('```sh\nmake')).toEqual([
      { kind: 'code', language: 'sh', code: 'make', indent: 0 },
    ]);
  });
});
