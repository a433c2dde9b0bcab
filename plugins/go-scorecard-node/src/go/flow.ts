import { Node } from 'web-tree-sitter';
import { lineOf } from './syntax';

/**
 * A basic block of a function's control flow. `nodes` are the statements and header
 * expressions (conditions, switch tags, case values, range clauses) run in order.
 */
export interface FlowBlock {
  nodes: Node[];
  succs: FlowBlock[];
  /** Line of the return that ends the block: a `return` statement or the body's closing brace. */
  returnLine?: number;
}

/** Where `break` and `continue` go inside a loop, switch or select. */
interface JumpTarget {
  label?: string;
  breakTo: FlowBlock;
  continueTo?: FlowBlock;
}

/** Decides whether an expression statement never returns (panic, os.Exit, log.Fatal...). */
export type NoReturnTest = (stmt: Node) => boolean;

/** Simple statements: they pass control on to the next one (a no-return call aside). */
export const SIMPLE_STATEMENTS: ReadonlySet<string> = new Set([
  'expression_statement',
  'send_statement',
  'inc_statement',
  'dec_statement',
  'assignment_statement',
  'short_var_declaration',
  'var_declaration',
  'const_declaration',
  'go_statement',
  'defer_statement',
]);

const CASES = new Set([
  'expression_case',
  'type_case',
  'default_case',
  'communication_case',
]);

/**
 * Builds the control flow of one function body over the statement tree (the shape of go/cfg):
 * if/else, for and range loops, switch, type switch and select (with fallthrough), labeled
 * break/continue, goto, return, and calls that never return. Function literals inside are
 * not entered: they are separate functions.
 */
export class FlowGraph {
  readonly entry: FlowBlock;
  private current: FlowBlock | undefined;
  private readonly targets: JumpTarget[] = [];
  private readonly labels = new Map<string, FlowBlock>();
  private pendingLabel: string | undefined;

  constructor(
    body: Node,
    private readonly labelText: (n: Node) => string,
    private readonly noReturn: NoReturnTest,
  ) {
    this.entry = this.block();
    this.current = this.entry;
    this.statement(body);
    if (this.current) this.current.returnLine = body.endPosition.row + 1;
  }

  private block(): FlowBlock {
    return { nodes: [], succs: [] };
  }

  private add(node: Node | null) {
    if (!node) return;
    this.current ??= this.block(); // unreachable code: a block no edge leads to
    this.current.nodes.push(node);
  }

  private jump(to: FlowBlock) {
    this.current?.succs.push(to);
    this.current = undefined;
  }

  private takeLabel(): string | undefined {
    const label = this.pendingLabel;
    this.pendingLabel = undefined;
    return label;
  }

  private statement(n: Node | null): void {
    if (!n) return;
    if (SIMPLE_STATEMENTS.has(n.type)) {
      this.add(n);
      if (n.type === 'expression_statement' && this.noReturn(n))
        this.current = undefined;
      return;
    }
    switch (n.type) {
      case 'block':
      case 'statement_list':
        for (const child of n.namedChildren) this.statement(child);
        return;
      case 'return_statement':
        this.add(n);
        this.current!.returnLine = lineOf(n);
        this.current = undefined;
        return;
      case 'if_statement':
        this.ifStatement(n);
        return;
      case 'for_statement':
        this.forStatement(n);
        return;
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'select_statement':
        this.switchStatement(n);
        return;
      case 'labeled_statement':
        this.labeled(n);
        return;
      case 'break_statement':
      case 'continue_statement':
        this.branch(n);
        return;
      case 'goto_statement':
        this.jump(this.labelBlock(this.labelText(n.namedChild(0)!)));
        return;
      default:
        // comments, empty statements, fallthrough (handled by the switch), type declarations
        return;
    }
  }

  private ifStatement(n: Node) {
    this.statement(n.childForFieldName('initializer'));
    this.add(n.childForFieldName('condition'));
    const cond = this.current!;
    const after = this.block();
    this.current = this.block();
    cond.succs.push(this.current);
    this.statement(n.childForFieldName('consequence'));
    this.jump(after);
    const alternative = n.childForFieldName('alternative');
    if (alternative) {
      this.current = this.block();
      cond.succs.push(this.current);
      this.statement(alternative);
      this.jump(after);
    } else {
      cond.succs.push(after);
    }
    this.current = after;
  }

  private forStatement(n: Node) {
    const label = this.takeLabel();
    const body = n.childForFieldName('body')!;
    const header = n.namedChildren.find(
      c => c && c.id !== body.id && c.type !== 'comment',
    );
    let exits = !!header;
    let update: Node | null = null;
    if (header?.type === 'for_clause') {
      this.statement(header.childForFieldName('initializer'));
      update = header.childForFieldName('update');
      exits = !!header.childForFieldName('condition');
    }
    const head = this.block();
    this.jump(head);
    this.current = head;
    if (header?.type === 'for_clause')
      this.add(header.childForFieldName('condition'));
    else this.add(header ?? null);
    const loop = this.block();
    const post = this.block();
    const after = this.block();
    head.succs.push(loop);
    if (exits) head.succs.push(after);
    this.targets.push({ label, breakTo: after, continueTo: post });
    this.current = loop;
    this.statement(body);
    this.jump(post);
    this.current = post;
    this.statement(update);
    this.jump(head);
    this.targets.pop();
    this.current = after;
  }

  private switchStatement(n: Node) {
    const label = this.takeLabel();
    this.statement(n.childForFieldName('initializer'));
    this.add(n.childForFieldName('alias'));
    this.add(n.childForFieldName('value'));
    this.current ??= this.block();
    const after = this.block();
    const cases = n.namedChildren.filter(c => c && CASES.has(c.type)) as Node[];
    const bodies = cases.map(() => this.block());
    const defaultIndex = cases.findIndex(c => c.type === 'default_case');
    const isSelect = n.type === 'select_statement';
    const isExpressionSwitch = n.type === 'expression_switch_statement';
    if (isExpressionSwitch) {
      // Each case's expressions are tested one after another in source order, each on the
      // path where the ones before did not match, and the default comes past the last
      // (go/cfg's switchStmt): a later case passes through every earlier case's expressions.
      cases.forEach((c, i) => {
        for (const value of c.childForFieldName('value')?.namedChildren ?? []) {
          if (!value || value.type === 'comment') continue;
          this.add(value);
          const next = this.block();
          this.current!.succs.push(bodies[i], next);
          this.current = next;
        }
      });
      this.jump(defaultIndex >= 0 ? bodies[defaultIndex] : after);
    } else {
      // A type switch's cases are types, a select's communications all wait at once: each
      // case is entered from the head.
      this.current.succs.push(...bodies);
      if (!isSelect && defaultIndex < 0) this.current.succs.push(after);
    }
    this.targets.push({ label, breakTo: after });
    cases.forEach((c, i) => {
      this.current = bodies[i];
      if (!isExpressionSwitch)
        this.add(c.childForFieldName(isSelect ? 'communication' : 'value'));
      const list =
        c.namedChildren.find(s => s?.type === 'statement_list') ?? null;
      this.statement(list);
      const last = list?.lastNamedChild;
      this.jump(
        last?.type === 'fallthrough_statement' && bodies[i + 1]
          ? bodies[i + 1]
          : after,
      );
    });
    this.targets.pop();
    this.current = after;
  }

  private labeled(n: Node) {
    const name = this.labelText(n.childForFieldName('label')!);
    const target = this.labelBlock(name);
    this.jump(target);
    this.current = target;
    this.pendingLabel = name;
    const inner = n.namedChildren.find(
      c => c && c.type !== 'label_name' && c.type !== 'comment',
    );
    this.statement(inner ?? null);
    this.pendingLabel = undefined;
  }

  private labelBlock(name: string): FlowBlock {
    let b = this.labels.get(name);
    if (!b) {
      b = this.block();
      this.labels.set(name, b);
    }
    return b;
  }

  private branch(n: Node) {
    const labelNode = n.namedChild(0);
    const label = labelNode ? this.labelText(labelNode) : undefined;
    const isBreak = n.type === 'break_statement';
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (label !== undefined && t.label !== label) continue;
      if (isBreak) {
        this.jump(t.breakTo);
        return;
      }
      if (t.continueTo) {
        this.jump(t.continueTo);
        return;
      }
    }
    this.current = undefined; // a branch out of nowhere (code that does not compile)
  }
}
