import {
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import { normalizeEntityRef } from './entityRefs';

/** What the hierarchy reads of a Group entity: its ref parts and relations. */
export interface GroupLike {
  kind: string;
  metadata: { namespace?: string; name: string };
  relations?: { type: string; targetRef: string }[];
}

/**
 * The nesting of the catalog's Group entities (departments above teams), from their
 * `parentOf` and `childOf` relations (either side is enough). Refs are normalized and
 * lowercased (`normalizeEntityRef`), as the report's owner keys. A cycle in the
 * relations is cut: a group is never its own descendant, and each is listed once.
 */
export class GroupHierarchy {
  private readonly childrenByParent = new Map<string, Set<string>>();

  /** The hierarchy of these groups (other kinds and unparsable refs are ignored). */
  static fromEntities(groups: Iterable<GroupLike>): GroupHierarchy {
    const edges: [string, string][] = [];
    for (const group of groups) {
      if (group.kind.toLocaleLowerCase('en-US') !== 'group') continue;
      const self = normalizeEntityRef(group);
      for (const relation of group.relations ?? []) {
        const other = refOrUndefined(relation.targetRef);
        if (!other || !other.startsWith('group:')) continue;
        if (relation.type === RELATION_PARENT_OF) edges.push([self, other]);
        if (relation.type === RELATION_CHILD_OF) edges.push([other, self]);
      }
    }
    return new GroupHierarchy(edges);
  }

  /** From parent → child pairs (refs normalized here). */
  constructor(edges: Iterable<readonly [string, string]>) {
    for (const [parent, child] of edges) {
      const p = refOrUndefined(parent);
      const c = refOrUndefined(child);
      if (!p || !c || p === c) continue;
      let children = this.childrenByParent.get(p);
      if (!children) this.childrenByParent.set(p, (children = new Set()));
      children.add(c);
    }
  }

  /** The groups with at least one child group (departments), sorted. */
  parents(): string[] {
    return [...this.childrenByParent.keys()].sort();
  }

  /** The direct child groups of `group`, sorted; none for a leaf team or an unknown ref. */
  children(group: string): string[] {
    const ref = refOrUndefined(group);
    return ref ? [...(this.childrenByParent.get(ref) ?? [])].sort() : [];
  }

  /**
   * Every group below `group` (children, their children…), each once, never `group`
   * itself even when the relations loop back to it; sorted.
   */
  descendants(group: string): string[] {
    const root = refOrUndefined(group);
    if (!root) return [];
    const seen = new Set<string>([root]);
    const queue = [root];
    while (queue.length) {
      for (const child of this.childrenByParent.get(queue.shift()!) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
      }
    }
    seen.delete(root);
    return [...seen].sort();
  }

  /** Every (ancestor, descendant) pair: what the owner filter's roll-up needs. */
  pairs(): [string, string][] {
    return this.parents().flatMap(parent =>
      this.descendants(parent).map((d): [string, string] => [parent, d]),
    );
  }
}

function refOrUndefined(ref: string): string | undefined {
  try {
    return normalizeEntityRef(ref);
  } catch {
    return undefined;
  }
}
