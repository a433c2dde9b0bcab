import { Node } from 'web-tree-sitter';
import { Owner } from '../programFacts';

/** A top-level declaration's range and what it is. */
export interface TopDecl {
  start: number;
  end: number;
  /** The function's index in `funcs`, or -1 for var/const declarations, undefined otherwise. */
  owner?: Owner;
  node: Node;
}

/**
 * The top-level declarations of a file, in order, and which function or initializer holds a
 * position or a line.
 */
export class TopDecls {
  readonly tops: TopDecl[] = [];
  readonly funcTops = new Map<Owner, TopDecl>();

  add(top: TopDecl): void {
    this.tops.push(top);
    if (top.owner !== undefined && top.owner >= 0)
      this.funcTops.set(top.owner, top);
  }

  /** The owner of a position: the function holding it, -1 in a var/const initializer. */
  ownerAt(pos: number): Owner | undefined {
    const i = this.indexAt(pos);
    return i < 0 ? undefined : this.tops[i].owner;
  }

  /** The index in `tops` of the declaration holding a position, -1 when none does. */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.tops.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.tops[mid];
      if (pos < t.start) hi = mid - 1;
      else if (pos >= t.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The owner of a 1-based line, from the top-level declarations' start lines. */
  ownerAtLineFn(): (line: number) => Owner | undefined {
    const starts = this.tops.map(t => t.node.startPosition.row + 1);
    const ends = this.tops.map((_, i) =>
      i + 1 < this.tops.length ? starts[i + 1] : Infinity,
    );
    return line => {
      let lo = 0;
      let hi = this.tops.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (line < starts[mid]) hi = mid - 1;
        else if (line >= ends[mid]) lo = mid + 1;
        else return this.tops[mid].owner;
      }
      return undefined;
    };
  }
}
