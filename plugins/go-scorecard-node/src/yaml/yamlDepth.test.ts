import { parseAllDocuments, isMap, isSeq, Node, stringify } from 'yaml';
import { parseYaml } from './parseYaml';
import {
  assertYamlDepth,
  MAX_YAML_DEPTH,
  YamlTooDeepError,
  yamlDepthExceeded,
} from './yamlDepth';
import { deepYaml as deep } from '../__testUtils__/deepYaml';

/** The nesting of the parsed documents, as the analyzer's walks meet it. */
function parsedDepth(text: string): number {
  const depth = (node: unknown): number => {
    if (isMap(node))
      return (
        1 +
        Math.max(0, ...node.items.flatMap(p => [depth(p.key), depth(p.value)]))
      );
    if (isSeq(node)) return 1 + Math.max(0, ...node.items.map(depth));
    return 0;
  };
  return Math.max(
    0,
    ...parseAllDocuments(text).map(d => depth(d.contents as Node)),
  );
}

/** The depth the pre-scan counts: the least limit it lets through. */
function scannedDepth(text: string): number {
  let limit = 0;
  while (yamlDepthExceeded(text, limit) !== undefined) limit++;
  return limit;
}

describe('yamlDepthExceeded', () => {
  it.each([
    ['a 1,000-deep block mapping', deep.blockMapping(1000), MAX_YAML_DEPTH + 1],
    [
      'a 1,000-deep block sequence',
      deep.blockSequence(1000),
      MAX_YAML_DEPTH + 1,
    ],
    ['a 20,000-deep flow sequence', deep.flowSequence(20_000), 1],
    ['a 20,000-deep flow mapping', deep.flowMapping(20_000), 1],
    [
      '20,000 single-pair mappings in flow sequences',
      `${'[a: '.repeat(20_000)}1${']'.repeat(20_000)}`,
      1,
    ],
    ['20,000-deep JSON', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, 1],
    ['1,000 compact sequences on one line', `${'- '.repeat(1000)}1\n`, 1],
    [
      "sequences written at their key's column",
      Array.from(
        { length: 200 },
        (_, i) => `${' '.repeat(2 * i)}a:\n${' '.repeat(2 * i)}-`,
      ).join('\n'),
      257,
    ],
    [
      'block levels and flow levels together',
      `${deep.blockMapping(200).slice(0, -3)} ${deep.flowSequence(100)}`,
      200,
    ],
  ])('refuses %s at the line where it goes past the limit', (_, text, line) => {
    expect(yamlDepthExceeded(text)).toBe(line);
  });

  it('lets through 256 levels', () => {
    expect(yamlDepthExceeded(deep.flowSequence(256))).toBeUndefined();
    expect(yamlDepthExceeded(deep.blockMapping(256))).toBeUndefined();
    expect(yamlDepthExceeded(deep.blockMapping(257))).toBe(257);
  });

  it('counts what the parser composes, not brackets in scalars and comments', () => {
    const text = [
      'on: [push]', // 1
      'jobs:',
      '  build:',
      '    steps:',
      '      - run: echo ${{ matrix.go }} [[[[ {{{{', // plain scalars: text
      "      - run: 'it''s [[[[' # [[[[",
      '      - run: "\\" [[[["',
      '      - run: |',
      '          if [ -f x ]; then echo "[[[[" {{{{; fi',
      '        with: {a: [1, [2, {b: c}]]}', // 10: 5 block levels, 4 flow levels
      '      - name: a plain scalar',
      '          [[[[ that goes on',
      '      - key: x',
      '        list:',
      '        - [a: b]', // a sequence at its key's column, a single-pair mapping
      '---',
      '"quoted key": {x: "y}}}}"}',
    ].join('\n');
    expect(scannedDepth(text)).toBe(parsedDepth(text));
    expect(scannedDepth(text)).toBe(9);
  });

  it('counts exactly on the shapes yaml writes', () => {
    const value = {
      a: [
        { b: { c: [1, [2, 3], { d: 'x: [y' }] } },
        "it's #1",
        'two\nlines ] }',
      ],
      e: { f: [[[{ g: null }]]] },
    };
    for (const options of [
      {},
      { collectionStyle: 'flow' as const },
      { indentSeq: false },
      { indent: 1 },
      { defaultStringType: 'QUOTE_SINGLE' as const },
      { blockQuote: 'literal' as const },
    ]) {
      const text = stringify(value, options);
      expect({ options, depth: scannedDepth(text) }).toEqual({
        options,
        depth: parsedDepth(text),
      });
    }
  });

  it('reads a large normal file in linear time and lets it through', () => {
    const item = stringify([
      {
        name: 'item',
        run: 'echo "a [b] {c}"\nif [ -n "$X" ]; then ls; fi\n',
        nested: { a: [1, 2, { b: 'c' }], d: '{{ .Values.x }}' },
      },
    ]).replace(/^/gm, '  ');
    const text = `items:\n${item.repeat(20_000)}`;
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(scannedDepth(text)).toBe(parsedDepth(item) + 1);
    const started = performance.now();
    expect(yamlDepthExceeded(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseYaml', () => {
  it('refuses a text nested too deeply before parsing it, naming the line', () => {
    expect(() => parseYaml(deep.blockMapping(1000))).toThrow(
      new YamlTooDeepError('YAML nested deeper than 256 levels', 257),
    );
    expect(() => parseYaml(deep.flowSequence(20_000))).toThrow(
      'YAML nested deeper than 256 levels at line 1',
    );
    expect(() => assertYamlDepth(deep.flowMapping(300), 'JSON')).toThrow(
      'JSON nested deeper than 256 levels at line 1',
    );
  });

  it('parses a text at the limit', () => {
    const { docs } = parseYaml(deep.blockMapping(256));
    expect(docs[0].errors).toEqual([]);
  });
});
