/** What a highlighted piece of code is; each kind has one colour (see codePalettes). */
export type CodeTokenKind =
  | 'comment'
  | 'string'
  | 'keyword'
  | 'constant'
  | 'type'
  | 'variable';

/** A piece of code: `kind` is unset for plain text. */
export interface CodeToken {
  kind?: CodeTokenKind;
  text: string;
}

interface Rule {
  /** Sticky (`y`) pattern tried at the current position. */
  pattern: RegExp;
  /** The kind of the match; a function may leave a word plain (undefined). */
  kind: CodeTokenKind | ((text: string) => CodeTokenKind | undefined);
  /** Whether the rule may match at this position. */
  when?: (code: string, index: number) => boolean;
}

const words = (list: string) => new Set(list.split(' '));

const goKeywords = words(
  'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var',
);
const goTypes = words(
  'any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr append cap clear close complex copy delete imag len make max min new panic print println real recover',
);
const goConstants = words('true false nil iota');
const shellKeywords = words(
  'if then else elif fi for while until do done case esac in function return export local set',
);
const yamlConstants = words('true false null yes no on off');

/** At the start of a line or after a space: where `#` starts a comment. */
const afterSpace = (code: string, i: number) =>
  i === 0 || /\s/.test(code[i - 1]);
/** Only spaces (and YAML list dashes) before this position on its line. */
const startOfLine = (code: string, i: number) =>
  /^[ \t]*(- +)*$/.test(code.slice(code.lastIndexOf('\n', i - 1) + 1, i));

const word = /[A-Za-z_][\w]*/y;
const number = /0[xX][\da-fA-F_]+|\d[\d_]*(\.\d+)?([eE][+-]?\d+)?/y;
const doubleQuoted = /"(?:[^"\\\n]|\\.)*"?/y;
const singleQuoted = /'[^'\n]*'?/y;
const hashComment: Rule = {
  pattern: /#[^\n]*/y,
  kind: 'comment',
  when: afterSpace,
};
const shellVariable: Rule = {
  pattern: /\$(\([^)\n]*\)|\{[^}\n]*\}|[A-Za-z_@*#?0-9]\w*)/y,
  kind: 'variable',
};

const shellRules: Rule[] = [
  hashComment,
  { pattern: doubleQuoted, kind: 'string' },
  { pattern: singleQuoted, kind: 'string' },
  shellVariable,
  {
    pattern: word,
    kind: w => (shellKeywords.has(w) ? 'keyword' : undefined),
  },
];

const rulesByLanguage: Record<string, Rule[]> = {
  go: [
    { pattern: /\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$)/y, kind: 'comment' },
    { pattern: doubleQuoted, kind: 'string' },
    { pattern: /`[^`]*`?/y, kind: 'string' },
    { pattern: /'(?:[^'\\\n]|\\.)*'?/y, kind: 'string' },
    {
      pattern: word,
      kind: w => {
        if (goKeywords.has(w)) return 'keyword';
        if (goTypes.has(w)) return 'type';
        return goConstants.has(w) ? 'constant' : undefined;
      },
    },
    { pattern: number, kind: 'constant' },
  ],
  sh: shellRules,
  makefile: [
    {
      pattern: /[\w.-]+(?=:(?!=))/y,
      kind: 'type',
      when: (code, i) => i === 0 || code[i - 1] === '\n',
    },
    ...shellRules,
  ],
  yaml: [
    hashComment,
    {
      pattern: /[\w.\/-]+(?=:(\s|$))/y,
      kind: 'variable',
      when: startOfLine,
    },
    { pattern: doubleQuoted, kind: 'string' },
    { pattern: singleQuoted, kind: 'string' },
    {
      pattern: word,
      kind: w => (yamlConstants.has(w) ? 'constant' : undefined),
    },
    { pattern: number, kind: 'constant', when: afterSpace },
  ],
  // An unknown language: comments, strings and numbers as most languages write them.
  other: [
    hashComment,
    { pattern: /\/\/[^\n]*/y, kind: 'comment', when: afterSpace },
    { pattern: doubleQuoted, kind: 'string' },
    { pattern: word, kind: () => undefined },
    { pattern: number, kind: 'constant' },
  ],
};

const aliases: Record<string, string> = {
  golang: 'go',
  bash: 'sh',
  shell: 'sh',
  console: 'sh',
  make: 'makefile',
  yml: 'yaml',
};

const languageNames: Record<string, string> = {
  go: 'Go',
  sh: 'Shell',
  makefile: 'Makefile',
  yaml: 'YAML',
};

/** The plain (unhighlighted) languages: a fence without one, or `text`. */
const plainLanguages = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

/** A fence language's name for people (`yml` is "YAML"), or undefined for plain text. */
export function languageName(language: string): string | undefined {
  if (plainLanguages.has(language)) return undefined;
  const key = aliases[language] ?? language;
  return languageNames[key] ?? language;
}

/**
 * Splits code into tokens to colour: comments, strings, keywords, constants, types and
 * variables of Go, shell, Makefiles and YAML (a small lexer, enough for the fix pages'
 * examples); plain text stays one token. Joining the tokens' text gives the code back.
 */
export function highlightCode(code: string, language: string): CodeToken[] {
  if (plainLanguages.has(language)) return code ? [{ text: code }] : [];
  const rules = rulesByLanguage[aliases[language] ?? language] ?? [];
  const tokens: CodeToken[] = [];
  const push = (text: string, kind?: CodeTokenKind) => {
    const last = tokens[tokens.length - 1];
    if (!kind && last && !last.kind) last.text += text;
    else tokens.push(kind ? { kind, text } : { text });
  };
  const allRules = rules.length ? rules : rulesByLanguage.other;
  let i = 0;
  while (i < code.length) {
    let matched = false;
    for (const rule of allRules) {
      if (rule.when && !rule.when(code, i)) continue;
      rule.pattern.lastIndex = i;
      const match = rule.pattern.exec(code);
      if (!match || !match[0]) continue;
      const text = match[0];
      push(text, typeof rule.kind === 'function' ? rule.kind(text) : rule.kind);
      i += text.length;
      matched = true;
      break;
    }
    if (!matched) push(code[i++]);
  }
  return tokens;
}
