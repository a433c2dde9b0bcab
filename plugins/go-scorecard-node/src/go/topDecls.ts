import { Node } from 'web-tree-sitter';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
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
    const i = lastAtOrBefore(this.tops, t => t.start, pos);
    return i >= 0 && pos < this.tops[i].end ? i : -1;
  }

  /** The owner of a 1-based line, from the top-level declarations' start lines. */
  ownerAtLineFn(): (line: number) => Owner | undefined {
    const starts = this.tops.map(t => t.node.startPosition.row + 1);
    // A declaration holds the lines from its start to the next one's.
    return line => {
      const i = lastAtOrBefore(starts, s => s, line);
      return i < 0 ? undefined : this.tops[i].owner;
    };
  }
}
