import { Document, LineCounter, parseAllDocuments } from 'yaml';

/** Most documents read from one YAML file. */
export const MAX_DOCUMENTS = 1000;

/** Options for every YAML file the analyzer parses: `<<` merge keys, duplicate keys tolerated. */
const YAML_OPTIONS = {
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
} as const;

/** The documents of a YAML file (at most {@link MAX_DOCUMENTS}) and its line counter. */
export function parseYaml(text: string): {
  docs: Document.Parsed[];
  lines: LineCounter;
  truncated: boolean;
} {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    ...YAML_OPTIONS,
    lineCounter: lines,
  });
  const all: Document.Parsed[] = [...parsed];
  return {
    docs: all.slice(0, MAX_DOCUMENTS),
    lines,
    truncated: all.length > MAX_DOCUMENTS,
  };
}

/** `line N: message` of a document's first parse error, or undefined when it parsed. */
export function firstError(
  doc: Document.Parsed,
  lines: LineCounter,
  sourceLine: (line: number) => number = line => line,
): string | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const line = sourceLine(lines.linePos(error.pos[0]).line);
  return `line ${line}: ${error.message.split('\n')[0]}`;
}
