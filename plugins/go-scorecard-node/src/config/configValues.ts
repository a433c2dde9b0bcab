import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Scalar,
} from 'yaml';
import { parseTOML } from 'toml-eslint-parser';
import type { TOMLKeyValue, TOMLProgram } from 'toml-eslint-parser/lib/ast';
import { ConfigValue } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { NodeReader } from '../yaml/nodes';
import { parseYamlDocument } from '../yaml/parseYaml';
import { YamlTooDeepError } from '../yaml/yamlDepth';

/** Most values read from one configuration document. */
export const MAX_CONFIG_VALUES = 5000;
/** Deepest key path followed. */
const MAX_DEPTH = 12;

/** Maps a line of the parsed text to the line of the file it was written on. */
export type LineMap = (line: number) => number;

/**
 * The scalar values of a configuration document by dotted key path (`ledger.host`), as viper and
 * koanf address them, each at the line that writes it. The scalar items of a sequence are values
 * of the sequence's key (`Endpoints: [user-rpc:8080]`, read as a list); other sequences are skipped (a key path cannot
 * name their items). Aliases are resolved within the reader's budget.
 */
export function configValues(
  doc: Document.Parsed | Document,
  lines: LineCounter,
  path: string,
  original: LineIndex,
  lineMap: LineMap = l => l,
): ConfigValue[] {
  const r = new NodeReader(doc as Document.Parsed);
  const out: ConfigValue[] = [];
  const walk = (node: Node | undefined, prefix: string[], depth: number) => {
    if (!isMap(node) || depth > MAX_DEPTH) return;
    for (const pair of node.items) {
      if (out.length >= MAX_CONFIG_VALUES) return;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const value = r.resolve(pair.value);
      const scalar = (item: unknown) => {
        if (
          !isScalar(item) ||
          item.value === null ||
          typeof item.value === 'object' ||
          out.length >= MAX_CONFIG_VALUES
        )
          return;
        const line = lineMap(
          lines.linePos((item as Scalar).range?.[0] ?? 0).line,
        );
        out.push({
          key: [...prefix, key].join('.'),
          value: String(item.value),
          path,
          line,
          snippet: original.snippet(line),
        });
      };
      if (isMap(value)) walk(value, [...prefix, key], depth + 1);
      else if (isSeq(value))
        for (const item of value.items) {
          // A list's mappings are read under the list's key (`backends: [{addr: …}]`).
          const resolved = r.resolve(item as Node);
          if (isMap(resolved)) walk(resolved, [...prefix, key], depth + 1);
          else scalar(resolved);
        }
      else scalar(value);
    }
  };
  walk(r.resolve(doc.contents), [], 0);
  return out;
}

/**
 * The configuration values a text embedded in a YAML string holds (a ConfigMap's
 * `config.yaml: |` entry): parsed on its own, its lines mapped to the file's.
 */
export function embeddedConfigValues(
  text: string,
  path: string,
  original: LineIndex,
  lineMap: LineMap,
): ConfigValue[] {
  if (!text.includes('\n') && !text.trim().startsWith('{')) return [];
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseYamlDocument(text, {
      lineCounter: lines,
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (e) {
    if (e instanceof YamlTooDeepError) return [];
    throw e;
  }
  if (doc.errors.length) return [];
  return configValues(doc, lines, path, original, lineMap);
}

/**
 * The values of a JSON configuration file (parsed as YAML 1.2, of which JSON is a subset, for positions).
 *
 * @throws Error when it does not parse, YamlTooDeepError when it nests too deeply to be read.
 */
export function jsonConfigValues(path: string, text: string): ConfigValue[] {
  const lines = new LineCounter();
  const doc = parseYamlDocument(
    text,
    { lineCounter: lines, uniqueKeys: false, prettyErrors: false },
    'JSON',
  );
  if (doc.errors.length)
    throw new Error(
      `JSON could not be read: ${doc.errors[0].message.split('\n')[0]}`,
    );
  return configValues(doc, lines, path, new LineIndex(text));
}

/** A TOML key's parts (`a.b."c d"`). */
function tomlKey(key: {
  keys: (
    | { type: 'TOMLBare'; name: string }
    | { type: 'TOMLQuoted'; value: string }
  )[];
}): string[] {
  return key.keys.map(k => (k.type === 'TOMLBare' ? k.name : k.value));
}

/**
 * The values of a TOML configuration file (read with toml-eslint-parser, which keeps positions):
 * every string, number and boolean by its dotted key path through tables and inline tables.
 * Arrays and arrays of tables are skipped (a key path cannot name their items).
 */
export function tomlConfigValues(path: string, text: string): ConfigValue[] {
  let ast: TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch (e) {
    throw new Error(
      `TOML could not be read: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const original = new LineIndex(text);
  const out: ConfigValue[] = [];
  const keyValue = (kv: TOMLKeyValue, prefix: string[]) => {
    const key = [...prefix, ...tomlKey(kv.key)];
    const value = kv.value;
    if (value.type === 'TOMLValue') {
      const line = value.loc.start.line;
      out.push({
        key: key.join('.'),
        value: String(value.value),
        path,
        line,
        snippet: original.snippet(line),
      });
    } else if (value.type === 'TOMLInlineTable') {
      for (const inner of value.body) keyValue(inner, key);
    }
  };
  for (const top of ast.body) {
    for (const item of top.body) {
      if (out.length >= MAX_CONFIG_VALUES) return out;
      if (item.type === 'TOMLKeyValue') keyValue(item, []);
      else if (item.type === 'TOMLTable' && item.kind === 'standard') {
        const prefix = tomlKey(item.key);
        for (const kv of item.body) keyValue(kv, prefix);
      }
    }
  }
  return out;
}

/**
 * Whether a key a program reads names a key a file writes: dotted segments compared without
 * case (viper's and koanf's keys), `*` in the read key standing for any one segment (a map's
 * entry: `clients.*.addr` reads `clients.users.addr`).
 */
export function readsConfigKey(read: string, written: string): boolean {
  const a = read.toLowerCase().split('.');
  const b = written.toLowerCase().split('.');
  return a.length === b.length && a.every((s, i) => s === '*' || s === b[i]);
}
