import {
  Document,
  DocumentOptions,
  LineCounter,
  ParseOptions,
  parseAllDocuments,
  parseDocument,
  SchemaOptions,
} from 'yaml';
import { assertYamlDepth, YamlTooDeepError } from './yamlDepth';

/** Most documents read from one YAML file. */
export const MAX_DOCUMENTS = 1000;

/** Options for every YAML file the analyzer parses: `<<` merge keys, duplicate keys tolerated. */
const YAML_OPTIONS = {
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
} as const;

/**
 * The documents of a YAML file (at most {@link MAX_DOCUMENTS}) and its line counter.
 *
 * @throws YamlTooDeepError when the text nests deeper than `MAX_YAML_DEPTH` (checked before
 * parsing), or when parsing runs out of stack all the same.
 */
export function parseYaml(text: string): {
  docs: Document.Parsed[];
  lines: LineCounter;
  truncated: boolean;
} {
  assertYamlDepth(text);
  const lines = new LineCounter();
  const all: Document.Parsed[] = parseYamlDocuments(text, lines);
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

/**
 * Parses every document, turning a stack overflow into a {@link YamlTooDeepError}: a last
 * resort behind the depth pre-scan. The `yaml` library reports an overflow while composing a
 * collection as a `RESOURCE_EXHAUSTION` error of the document; one anywhere else is thrown.
 */
function parseYamlDocuments(
  text: string,
  lines: LineCounter,
): Document.Parsed[] {
  let docs: Document.Parsed[];
  try {
    docs = [
      ...parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines }),
    ];
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep();
    throw e;
  }
  for (const doc of docs) {
    const overflow = doc.errors.find(e => e.code === 'RESOURCE_EXHAUSTION');
    if (overflow) throw tooDeep(lines.linePos(overflow.pos[0]).line);
  }
  return docs;
}

/**
 * The one document of a YAML or JSON text (a configuration file, a ConfigMap's embedded
 * file), parsed with `options` once its depth is checked. `language` names the text in the
 * message of the {@link YamlTooDeepError} it throws when it nests too deeply.
 */
export function parseYamlDocument(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
  language = 'YAML',
): Document.Parsed {
  assertYamlDepth(text, language);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, options);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(undefined, language);
    throw e;
  }
  const overflow = doc.errors.find(e => e.code === 'RESOURCE_EXHAUSTION');
  if (overflow)
    throw tooDeep(options.lineCounter?.linePos(overflow.pos[0]).line, language);
  return doc;
}

/** The error for a text the parser ran out of stack on, at `line` when known. */
export function tooDeep(line?: number, language = 'YAML'): YamlTooDeepError {
  return new YamlTooDeepError(`${language} nested too deeply to parse`, line);
}
