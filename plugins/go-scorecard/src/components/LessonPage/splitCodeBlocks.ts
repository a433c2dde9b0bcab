/** A run of a fix page's Markdown, or one fenced code block of it. */
export type LessonBlock =
  | { kind: 'markdown'; markdown: string }
  | {
      kind: 'code';
      /** The fence's info string's first word (`go`, `yaml`), or '' when none. */
      language: string;
      code: string;
      /** Spaces before the fence: more than 0 inside a list item. */
      indent: number;
    };

const openingFence = /^( *)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/**
 * Cuts Markdown at its fenced code blocks, so the page draws them itself (keyboard-scrollable,
 * with colours that keep their contrast) and the Markdown in between as before. A fence
 * closes at a line of the same character, at least as long; an unclosed one runs to the end.
 */
export function splitCodeBlocks(markdown: string): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  const lines = markdown.split('\n');
  let text: string[] = [];
  const flushText = () => {
    if (text.join('').trim()) {
      blocks.push({ kind: 'markdown', markdown: text.join('\n') });
    }
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = openingFence.exec(lines[i]);
    if (!open) {
      text.push(lines[i]);
      continue;
    }
    const [, spaces, fence, language] = open;
    const closing = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`);
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !closing.test(lines[j]); j++) {
      code.push(lines[j].replace(new RegExp(`^ {0,${spaces.length}}`), ''));
    }
    flushText();
    blocks.push({
      kind: 'code',
      language: language.toLowerCase(),
      code: code.join('\n'),
      indent: spaces.length,
    });
    i = j;
  }
  flushText();
  return blocks;
}
