import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  Scalar,
  YAMLMap,
} from 'yaml';

/** Thrown when a document resolves more aliases than allowed. */
class AliasBudgetError extends Error {
  constructor(limit: number) {
    super(`more than ${limit} YAML alias resolutions (an alias bomb?)`);
    this.name = 'AliasBudgetError';
  }
}

/**
 * Alias-aware access to a YAML document's nodes, with a budget on alias resolutions so
 * that crafted documents (alias bombs) cannot make a walk explode.
 */
export class NodeReader {
  private resolutions = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly maxAliases = 10_000,
  ) {}

  /** The node itself, or the node an alias points to. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) {
      if (++this.resolutions > this.maxAliases) {
        throw new AliasBudgetError(this.maxAliases);
      }
      const target = node.resolve(this.doc);
      return isAlias(target) ? undefined : (target as Node | undefined);
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** The pair of `map` with the string key `key`. */
  pair(map: unknown, key: string): Pair<Scalar, unknown> | undefined {
    const m = this.resolve(map);
    if (!isMap(m)) return undefined;
    return (m as YAMLMap<unknown, unknown>).items.find(
      p => isScalar(p.key) && p.key.value === key,
    ) as Pair<Scalar, unknown> | undefined;
  }

  /** The value node at `path` of string keys below `node`. */
  get(node: unknown, ...path: string[]): Node | undefined {
    let current = this.resolve(node);
    for (const key of path) {
      current = this.resolve(this.pair(current, key)?.value);
      if (current === undefined) return undefined;
    }
    return current;
  }

  /** The items of a sequence node (aliases resolved), or none. */
  items(node: unknown): Node[] {
    const s = this.resolve(node);
    if (!isSeq(s)) return [];
    return s.items
      .map(i => this.resolve(i))
      .filter((i): i is Node => i !== undefined);
  }

  /** The scalar value at `path` when it is a string. */
  string(node: unknown, ...path: string[]): string | undefined {
    const v = this.get(node, ...path);
    return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  }
}
