import { posix } from 'node:path';
import { Node } from 'web-tree-sitter';
import { CancelFact } from '../facts';
import { noReturnTest } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import { PackageRef } from './packageRefs';
import { Declaration, Scopes } from './scopes';
import {
  calledAs,
  enclosingFunction,
  GoSource,
  lineOf,
  nextStatement,
  refOf,
  statementAfter,
  textOf,
} from './syntax';
import { ValueReader } from './values';
import { Vocabulary } from './vocabulary';
import { wordSites } from './wordSites';

/** The context functions that return a cancel func as their second result. */
export const WITH_CANCEL = new Set([
  'WithCancel',
  'WithTimeout',
  'WithDeadline',
  'WithCancelCause',
  'WithTimeoutCause',
  'WithDeadlineCause',
]);

/** A cancel variable assigned from a context.With* call (or a helper's, `via`). */
interface CancelVar {
  decl: Declaration;
  /** The assignment (`:=`, `=`) or var spec. */
  stmt: Node;
  via?: CancelFact['via'];
  /** See `CancelCall.fallible`. */
  fallible?: boolean;
}

/**
 * The left-hand side at `index` (the cancel func's result; 1 for `context.With*`) in
 * `a, b := call()` / `var a, b = call()`.
 */
export function cancelTarget(
  call: Node,
  index: number,
): { lhs: Node; stmt: Node } | undefined {
  const list = call.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1)
    return undefined;
  const stmt = list.parent;
  if (!stmt) return undefined;
  let lhs: Node | null | undefined;
  if (
    stmt.type === 'short_var_declaration' ||
    stmt.type === 'assignment_statement'
  ) {
    if (stmt.childForFieldName('right')?.id !== list.id) return undefined;
    lhs = stmt.childForFieldName('left')?.namedChild(index);
  } else if (stmt.type === 'var_spec') {
    lhs = stmt.childrenForFieldName('name')[index];
  }
  if (!lhs) return undefined;
  return { lhs, stmt };
}

/** How a reference to the cancel variable acts on it. */
type Event = 'use' | 'assign';

/** `x` on the left of `=` or a redeclaring `:=`, in the function itself (not a closure). */
function isAssignedName(site: Node): boolean {
  const parent = site.parent;
  if (parent?.type !== 'expression_list') return false;
  const stmt = parent.parent;
  return (
    (stmt?.type === 'short_var_declaration' ||
      stmt?.type === 'assignment_statement') &&
    stmt.childForFieldName('left')?.id === parent.id
  );
}

/**
 * `cancel` in `&job{cancel: nil}`: a key of a composite literal, which names a struct field (a
 * func value cannot be a map key), not the variable.
 */
function isLiteralKey(site: Node): boolean {
  const element = site.parent;
  return (
    element?.type === 'literal_element' &&
    element.parent?.type === 'keyed_element' &&
    element.parent.childForFieldName('key')?.id === element.id
  );
}

/**
 * Whether the statement right after the assignment, in the same block, is `defer name()`:
 * then the variable is used in the rest of its defining block and go vet looks no further.
 * (The common shape, decided without building the flow graph.)
 */
function deferredRightAway(src: GoSource, stmt: Node, name: string): boolean {
  if (stmt.type === 'var_spec' || stmt.parent?.type !== 'statement_list')
    return false;
  const next = nextStatement(stmt);
  if (next?.type !== 'defer_statement') return false;
  // `defer name()`, spaced any way.
  const text = src.source.slice(next.startIndex, next.endIndex);
  const call = text.slice(5).replace(/\s+/g, '');
  return /^defer\s/.test(text) && call === `${name}()`;
}

/** `ctx, cancel := ` (or `=`) alone before the call on its line: the two names. */
const TWO_NAMES_BEFORE =
  /^[ \t]*([A-Za-z_]\w*)[ \t]*,[ \t]*([A-Za-z_]\w*)[ \t]*:?=[ \t]*$/;
const REST_OF_LINE_EMPTY = /^[ \t\r]*(\/\/.*)?$/;
const SKIPPED_LINE = /^[ \t\r]*(\/\/.*)?$/;

/**
 * The two most common shapes, read from the text before any tree lookup: a statement that
 * is `a, _ := context.WithCancel(…)` alone on its line(s) discards the cancel func; one that is
 * `a, cancel := context.WithCancel(…)` followed (past blank and comment lines) by
 * `defer cancel()` uses it at once. Undefined for anything else: the tree decides.
 */
function statementShape(
  src: GoSource,
  call: Node,
): 'discarded' | 'deferred' | undefined {
  const s = src.source;
  const lineStart = s.lastIndexOf('\n', call.startIndex - 1) + 1;
  const names = TWO_NAMES_BEFORE.exec(s.slice(lineStart, call.startIndex));
  if (!names) return undefined;
  let lineEnd = s.indexOf('\n', call.endIndex);
  if (lineEnd < 0) lineEnd = s.length;
  if (!REST_OF_LINE_EMPTY.test(s.slice(call.endIndex, lineEnd)))
    return undefined;
  const cancel = names[2];
  if (cancel === '_') return 'discarded';
  for (let at = lineEnd + 1; at < s.length; ) {
    let end = s.indexOf('\n', at);
    if (end < 0) end = s.length;
    const line = s.slice(at, end);
    if (!SKIPPED_LINE.test(line)) {
      const defer =
        /^[ \t]*defer[ \t]+([A-Za-z_]\w*)[ \t]*\([ \t]*\)[ \t\r]*(\/\/.*)?$/.exec(
          line,
        );
      return defer?.[1] === cancel ? 'deferred' : undefined;
    }
    at = end + 1;
  }
  return undefined;
}

/** The go vet `lostcancel` analysis of one function. */
class FunctionAnalysis {
  private flow: FlowGraph | undefined;
  private readonly eventsByDecl = new Map<
    Declaration,
    { at: number; event: Event }[]
  >();

  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
    private readonly scopes: Scopes,
    private readonly fn: Node,
    private readonly body: Node,
    private readonly isMainMain: boolean,
  ) {}

  /** References of the variable in the body, in source order; closures' references are uses. */
  private events(decl: Declaration) {
    let events = this.eventsByDecl.get(decl);
    if (!events) {
      events = [];
      for (const site of this.scopes.uses(decl)) {
        if (
          site.startIndex < this.body.startIndex ||
          site.endIndex > this.body.endIndex
        )
          continue;
        if (isLiteralKey(site)) continue;
        const own = enclosingFunction(site)?.id === this.fn.id;
        events.push({
          at: site.startIndex,
          event: own && isAssignedName(site) ? 'assign' : 'use',
        });
      }
      this.eventsByDecl.set(decl, events);
    }
    return events;
  }

  /** The first effect a flow node has on the variable. */
  private eventIn(node: Node, decl: Declaration): Event | undefined {
    let assigned = false;
    for (const e of this.events(decl)) {
      if (e.at < node.startIndex || e.at >= node.endIndex) continue;
      if (e.event === 'use') return 'use';
      assigned = true;
    }
    return assigned ? 'assign' : undefined;
  }

  facts(vars: CancelVar[]): CancelFact[] {
    const out: CancelFact[] = [];
    for (const v of vars) {
      let lost: Pick<CancelFact, 'kind' | 'atLine'> | undefined;
      if (this.isMainMain) lost = this.neverUsed(v);
      else if (!v.fallible) lost = this.lostPath(v);
      else {
        // A fallible helper gives a cancel func only when it succeeds: the paths through
        // its failure check (`if err != nil { return err }`) hold none to call.
        const guard = this.failureGuard(v);
        lost = this.neverUsed(v) ?? (guard && this.lostPath(v, guard));
      }
      if (lost)
        out.push({
          ...lost,
          name: v.decl.name,
          ...(v.via ? { via: v.via } : {}),
          ...refOf(this.src, v.stmt),
        });
    }
    return out;
  }

  private neverUsed(v: CancelVar): Pick<CancelFact, 'kind'> | undefined {
    if (this.events(v.decl).some(e => e.event === 'use')) return undefined;
    return { kind: 'unused' };
  }

  /**
   * The check of a fallible helper's failure right after it: `if err != nil` / `if !ok` (the
   * failure is the branch taken) or `if err == nil` / `if ok` (the failure is the other one),
   * on another variable the same assignment declares. Undefined for any other shape.
   */
  private failureGuard(v: CancelVar): Guard | undefined {
    const names = new Set(
      (v.stmt.childForFieldName('left')?.namedChildren ?? [])
        .filter((c): c is Node => c?.type === 'identifier')
        .map(c => textOf(this.src, c))
        .filter(n => n !== '_' && n !== v.decl.name),
    );
    const ifStmt = statementAfter(v.stmt);
    const cond =
      ifStmt?.type === 'if_statement'
        ? ifStmt.childForFieldName('condition')
        : null;
    if (!cond) return undefined;
    const text = textOf(this.src, cond).replace(/\s+/g, ' ').trim();
    const m = /^(!?)\s*([A-Za-z_]\w*)(?: (!=|==) nil)?$/.exec(text);
    if (!m || !names.has(m[2])) return undefined;
    const [, not, , op] = m;
    // The branch taken (succs[0]) is the failure for `err != nil` and `!ok`.
    const takenIsFailure = op ? op === '!=' : not === '!';
    return { cond, failure: takenIsFailure ? 0 : 1 };
  }

  /**
   * A path from the assignment to a return (or a reassignment) that never uses the variable;
   * with a `guard`, not through its failure branch.
   */
  private lostPath(
    v: CancelVar,
    guard?: Guard,
  ): Pick<CancelFact, 'kind' | 'atLine'> | undefined {
    this.flow ??= new FlowGraph(
      this.body,
      n => textOf(this.src, n),
      noReturnTest(this.src, this.imports),
    );
    const home = this.locate(v.stmt);
    if (!home) return undefined;
    const seen = new Set<FlowBlock>();
    const stack: { block: FlowBlock; from: number }[] = [
      { block: home.block, from: home.index + 1 },
    ];
    while (stack.length) {
      const { block, from } = stack.pop()!;
      let lost: Pick<CancelFact, 'kind' | 'atLine'> | undefined;
      let stop = false;
      for (let i = from; i < block.nodes.length && !stop; i++) {
        const event = this.eventIn(block.nodes[i], v.decl);
        if (event === 'use') stop = true;
        else if (event === 'assign') {
          stop = true;
          // Back at its own `=` (a loop): go vet reads the name there as a use, and a loop
          // that runs it again mostly calls the old cancel on the way (`if cancel != nil`)
          // or cannot come back without leaving; a `:=` declares it anew and is no use.
          const node = block.nodes[i];
          const again =
            v.stmt.type === 'assignment_statement' &&
            node.startIndex <= v.stmt.startIndex &&
            v.stmt.endIndex <= node.endIndex;
          if (!again)
            lost = { kind: 'reassigned', atLine: lineOf(block.nodes[i]) };
        }
      }
      if (!stop && block.returnLine !== undefined) {
        lost = { kind: 'lost', atLine: block.returnLine };
      }
      if (lost) return lost;
      if (stop) continue;
      const last = block.nodes[block.nodes.length - 1];
      const failure =
        guard && last?.id === guard.cond.id
          ? block.succs[guard.failure]
          : undefined;
      for (const next of block.succs) {
        if (next === failure) continue;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push({ block: next, from: 0 });
        }
      }
    }
    return undefined;
  }

  /** The flow block and position of the node holding the assignment. */
  private locate(stmt: Node) {
    const stack = [this.flow!.entry];
    const seen = new Set(stack);
    let found: { block: FlowBlock; index: number } | undefined;
    while (stack.length && !found) {
      const block = stack.pop()!;
      const index = block.nodes.findIndex(
        n => n.startIndex <= stmt.startIndex && stmt.endIndex <= n.endIndex,
      );
      if (index >= 0) found = { block, index };
      for (const next of block.succs) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return found;
  }
}

/** A fallible helper's failure check: its condition, and which successor is the failure. */
interface Guard {
  cond: Node;
  failure: 0 | 1;
}

/**
 * A call whose result at `index` is a cancel func: `context.With*` (index 1), or a function or
 * method of the tree that returns one (`ctx, cancel := util.WithDeadline(parent)`), with the
 * callee as the file reads it, for the link step to confirm.
 */
export interface CancelCall {
  call: Node;
  /** The callee for messages: `WithTimeout` (of `context`), or `util.WithDeadline`. */
  func: string;
  index: number;
  via?: CancelFact['via'];
  /**
   * The callee also returns an error or a bool: a path that returns without the cancel func
   * may be the failure's (`if err != nil { return err }`). With that check right after the
   * call, the paths past it are followed as for `context.With*`; without it, only a cancel
   * func never used at all is lost.
   */
  fallible?: boolean;
}

/**
 * The calls of the tree's functions and methods that return a cancel func (the vocabulary's
 * `cancelReturners`), found by name, with their callee as the file reads it
 * (`ValueReader.callee`: a local function value is none). A function through an import of a
 * package outside the tree, or unqualified but not declared by the file's own package, is
 * passed over; the link step confirms the rest (see `CancelFact.via`).
 */
export function cancelHelperCalls(
  src: GoSource,
  values: ValueReader,
  vocabulary: Vocabulary,
): CancelCall[] {
  const out: CancelCall[] = [];
  if (!src.words) return out;
  const own = vocabulary.packageNamesIn(posix.dirname(src.path));
  for (const [name, indexes] of vocabulary.cancelReturners) {
    for (const site of wordSites(src, name)) {
      const fn = site.type === 'field_identifier' ? site.parent : site;
      if (
        !fn ||
        (site.type !== 'identifier' && fn.type !== 'selector_expression')
      )
        continue;
      // Called, also through explicit type arguments (`ctxutil.WithTag[string](parent, "x")`).
      const call = calledAs(fn);
      if (!call) continue;
      const callee = values.callee(call);
      if (!callee) continue;
      if (callee.k === 'func') {
        if (
          callee.pkg === ''
            ? !own.has(name)
            : !vocabulary.mayNameTreePackage(callee.pkg)
        )
          continue;
      }
      const func = textOf(src, fn);
      const fallible = vocabulary.cancelIsFallible(name);
      for (const index of indexes)
        out.push({
          call,
          func,
          index,
          via: { callee, index },
          ...(fallible ? { fallible } : {}),
        });
    }
  }
  return out;
}

/**
 * The cancel funcs of a file that are discarded or may be lost (go vet's lostcancel), from its
 * calls of `context.With*` and of the tree's functions that return a cancel func
 * (`helperCalls`, see {@link cancelHelperCalls}). Each function declaration, method and
 * function literal is analyzed on its own, as go vet's lostcancel does.
 */
export function cancelFacts(
  src: GoSource,
  imports: ImportResolver,
  contextRefs: PackageRef[],
  packageName: string,
  scopesOf: (node: Node) => Scopes,
  helperCalls: readonly CancelCall[] = [],
): CancelFact[] {
  const facts: CancelFact[] = [];
  const byFunction = new Map<number, { fn: Node; vars: CancelVar[] }>();
  const calls: CancelCall[] = [
    ...contextRefs.flatMap(ref =>
      ref.call && WITH_CANCEL.has(ref.name)
        ? [{ call: ref.call, func: ref.name, index: 1 }]
        : [],
    ),
    ...helperCalls,
  ];
  for (const { call, func, index, via, fallible } of calls) {
    const discarded = (): CancelFact => ({
      kind: 'discarded',
      func,
      ...(via ? { via } : {}),
      ...refOf(src, call),
    });
    const shape = index === 1 ? statementShape(src, call) : undefined;
    if (shape === 'discarded') {
      facts.push(discarded());
      continue;
    }
    if (shape === 'deferred') continue;
    const target = cancelTarget(call, index);
    if (target?.lhs.type !== 'identifier') continue;
    if (textOf(src, target.lhs) === '_') {
      facts.push(discarded());
      continue;
    }
    // The next statement defers it: used in the rest of its defining block, whichever
    // declaration the name resolves to (the common shape, decided without scopes or flow).
    if (deferredRightAway(src, target.stmt, textOf(src, target.lhs))) continue;
    const fn = enclosingFunction(call);
    if (!fn) continue;
    // go vet analyzes a variable declared in this function (a parameter, a result or a local),
    // not one of an enclosing function or of the package.
    const decl = scopesOf(call).resolve(target.lhs);
    if (!decl || decl.fn.id !== fn.id) continue;
    // Nor a parameter or named result: go/types scopes them to the body, which go vet takes as
    // the function's scope, so a cancel func assigned to one (`ctx, cancel = …` for `(ctx
    // context.Context, cancel context.CancelFunc, err error)`) is handed to the caller.
    if (decl.kind !== 'var') continue;
    const entry = byFunction.get(fn.id) ?? { fn, vars: [] };
    entry.vars.push({ decl, stmt: target.stmt, via, fallible });
    byFunction.set(fn.id, entry);
  }
  for (const { fn, vars } of byFunction.values()) {
    const body = fn.childForFieldName('body');
    if (!body) continue;
    const isMainMain =
      packageName === 'main' &&
      fn.type === 'function_declaration' &&
      textOf(src, fn.childForFieldName('name')!) === 'main';
    const analysis = new FunctionAnalysis(
      src,
      imports,
      scopesOf(fn),
      fn,
      body,
      isMainMain,
    );
    facts.push(...analysis.facts(vars));
  }
  return facts;
}
