import { Node } from 'web-tree-sitter';
import { GoProgramFacts, StoreTarget, ValueExpr } from '../programFacts';
import { callArguments, GoSource, textOf, unparen } from './syntax';
import { TopDecls } from './topDecls';
import { FLAG_VAR_VALUE_ARG } from './knownCalls';
import { holding } from './localValues';
import { ValueReader } from './values';
import { Vocabulary } from './vocabulary';
import { wordSites } from './wordSites';

const ASSIGN = /(?<![=!<>:+\-*/%&|^])=(?!=)/g;

/**
 * Reads the assignments of a file's function bodies that store values: `x.f = v`, `*p = v`,
 * and flag defaults stored into fields.
 */
export class StoreReader {
  constructor(
    private readonly src: GoSource,
    private readonly values: ValueReader,
    private readonly vocabulary: Vocabulary,
    private readonly facts: GoProgramFacts,
    private readonly tops: TopDecls,
  ) {}

  /** Whether a node is a left-hand side of `=` (a store). */
  storeTarget(node: Node): boolean {
    const list = node.parent;
    const stmt = list?.parent;
    return (
      list?.type === 'expression_list' &&
      stmt?.type === 'assignment_statement' &&
      stmt.childForFieldName('left')?.id === list.id &&
      this.operator(stmt) === '='
    );
  }

  private operator(stmt: Node): string {
    const left = stmt.childForFieldName('left')!;
    const right = stmt.childForFieldName('right')!;
    return this.src.source.slice(left.endIndex, right.startIndex).trim();
  }

  /** The value `=` assigns to one of its left-hand sides. */
  assignedValue(lhs: Node): ValueExpr | undefined {
    const list = lhs.parent!;
    const stmt = list.parent!;
    const left = list.namedChildren.filter(c => c?.type !== 'comment');
    const index = left.findIndex(c => c?.id === lhs.id);
    const right = stmt.childForFieldName('right');
    const items = right?.namedChildren.filter(c => c?.type !== 'comment') ?? [];
    if (items.length === 1 && left.length > 1)
      return this.values.value(items[0], index);
    return items[index] ? this.values.value(items[index]) : undefined;
  }

  /**
   * `x.f = v`, `*p = v` and `x.f[k] = v` (or `pkgVar[k] = v`) in function bodies: stores into
   * fields, through pointers, and into the elements of maps and slices fields and package
   * variables hold.
   */
  readAssignments() {
    const source = this.src.source;
    for (const m of source.matchAll(ASSIGN)) {
      const at = m.index!;
      const lineStart = source.lastIndexOf('\n', at) + 1;
      const lhs = source.slice(lineStart, at);
      if (
        !lhs.includes('.') &&
        !lhs.includes('[') &&
        !/^\s*\*/.test(lhs) &&
        !lhs.includes(', *')
      )
        continue;
      const owner = this.tops.ownerAt(at);
      if (owner === undefined || owner < 0) continue;
      const token = this.src.root.descendantForIndex(at);
      const stmt = token?.parent;
      if (
        !token ||
        stmt?.type !== 'assignment_statement' ||
        token.startIndex !== at
      )
        continue;
      for (const item of stmt.childForFieldName('left')?.namedChildren ?? []) {
        if (!item || item.type === 'comment') continue;
        let n = unparen(item);
        let target: StoreTarget | undefined;
        // `c.Endpoints["users"] = v`, `endpoints["users"] = v`: an element stored into the map
        // (or slice) a field or package variable holds, read back as one of its elements.
        let element = false;
        if (n.type === 'index_expression') {
          const operand = n.childForFieldName('operand');
          if (!operand) continue;
          n = unparen(operand);
          element = true;
          if (n.type === 'identifier') {
            const v = this.values.value(n, 0, 0, 'type');
            if (v.k === 'global')
              target = { k: 'global', pkg: v.pkg, name: v.name };
          }
        }
        if (n.type === 'selector_expression') {
          const field = n.childForFieldName('field');
          if (field && !this.vocabulary.valueField(textOf(this.src, field)))
            continue;
          const v = this.values.value(n, 0, 0, 'type');
          if (v.k === 'field') target = { k: 'field', of: v.of, name: v.name };
        } else if (
          n.type === 'unary_expression' &&
          textOf(this.src, n.childForFieldName('operator')!) === '*'
        ) {
          target = {
            k: 'deref',
            of: this.values.value(n.childForFieldName('operand'), 0, 0, 'type'),
          };
        }
        if (!target) continue;
        const value = this.assignedValue(item);
        if (value)
          this.facts.stores.push({
            owner,
            target,
            value: element ? holding(value) : value,
          });
      }
    }
  }

  /** `flag.StringVar(&cfg.Addr, "addr", "svc:80", ...)` and its pflag/cobra twins: the default is stored into the field. */
  readFlagFields() {
    for (const name of Object.keys(FLAG_VAR_VALUE_ARG)) {
      for (const site of wordSites(this.src, name)) {
        const call = site.parent?.parent;
        if (
          site.type !== 'field_identifier' ||
          call?.type !== 'call_expression'
        )
          continue;
        const owner = this.tops.ownerAt(call.startIndex);
        if (owner === undefined) continue;
        const first = callArguments(call)[0];
        const operand =
          first?.type === 'unary_expression'
            ? first.childForFieldName('operand')
            : undefined;
        if (!operand || unparen(operand).type !== 'selector_expression')
          continue;
        const target = this.values.value(unparen(operand));
        const value = this.values.storedThrough(first!);
        if (target.k === 'field' && value) {
          this.facts.stores.push({
            owner,
            target: { k: 'field', of: target.of, name: target.name },
            value,
          });
        }
      }
    }
  }
}
