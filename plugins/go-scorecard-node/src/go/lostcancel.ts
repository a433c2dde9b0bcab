import { Node } from 'web-tree-sitter';
import { LocalFinding } from '../facts';
import { isNoReturnStatement } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import { PackageRef } from './packageRefs';
import {
  enclosingFunction,
  GoSource,
  lineOf,
  refOf,
  textOf,
} from './syntax';
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

export const DISCARDED = 'context-cancel-discarded';
export const NOT_CALLED = 'context-cancel-not-called';

/** A named cancel variable assigned from a context.With* call. */
interface CancelVar {
  name: string;
  /** The assignment (`:=`, `=`) or var spec. */
  stmt: Node;
  /** `=` assigns a variable declared elsewhere. */
  plainAssign: boolean;
}

/** The left-hand side matching the call's position in `a, b := call()` / `var a, b = call()`. */
function cancelTarget(call: Node): { lhs: Node; stmt: Node; plainAssign: boolean } | undefined {
  const list = call.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1) return undefined;
  const stmt = list.parent;
  if (!stmt) return undefined;
  let lhs: Node | null | undefined;
  if (stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement') {
    if (stmt.childForFieldName('right')?.id !== list.id) return undefined;
    lhs = stmt.childForFieldName('left')?.namedChild(1);
  } else if (stmt.type === 'var_spec') {
    lhs = stmt.childrenForFieldName('name')[1];
  }
  if (!lhs) return undefined;
  return { lhs, stmt, plainAssign: stmt.type === 'assignment_statement' };
}

/** How a reference to the cancel variable acts on it. */
type Event = 'use' | 'assign';

/** `x` on the left of `=`/`:=` or named in a var spec, in the function itself (not a closure). */
function isAssignedName(site: Node): boolean {
  const parent = site.parent;
  if (parent?.type === 'var_spec') return true;
  if (parent?.type !== 'expression_list') return false;
  const stmt = parent.parent;
  return (
    (stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement') &&
    stmt.childForFieldName('left')?.id === parent.id
  );
}

function parameterNames(src: GoSource, fn: Node, field: string): string[] {
  const list = fn.childForFieldName(field);
  if (list?.type !== 'parameter_list') return [];
  const names: string[] = [];
  for (const decl of list.namedChildren) {
    for (const name of decl?.childrenForFieldName('name') ?? []) {
      if (name) names.push(textOf(src, name));
    }
  }
  return names;
}

/** The go vet `lostcancel` analysis of one function. */
class FunctionAnalysis {
  private flow: FlowGraph | undefined;
  private readonly eventsByName = new Map<string, { at: number; event: Event }[]>();

  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
    private readonly fn: Node,
    private readonly body: Node,
    private readonly isMainMain: boolean,
  ) {}

  /** References of `name` in the body, in source order; closures' references are uses. */
  private events(name: string) {
    let events = this.eventsByName.get(name);
    if (!events) {
      events = [];
      for (const site of wordSites(this.src, name, this.body.startIndex, this.body.endIndex)) {
        if (site.type !== 'identifier') continue;
        const own = enclosingFunction(site)?.id === this.fn.id;
        events.push({
          at: site.startIndex,
          event: own && isAssignedName(site) ? 'assign' : 'use',
        });
      }
      this.eventsByName.set(name, events);
    }
    return events;
  }

  /** Whether `name` is a parameter, result or local of this function (go vet skips others). */
  private declaresLocally(name: string, events: { at: number }[]): boolean {
    if (
      ['receiver', 'parameters', 'result'].some(f =>
        parameterNames(this.src, this.fn, f).includes(name),
      )
    ) {
      return true;
    }
    return events.some(e => {
      const site = this.body.descendantForIndex(e.at);
      const parent = site?.parent;
      return (
        enclosingFunction(site!)?.id === this.fn.id &&
        (parent?.type === 'var_spec' || parent?.parent?.type === 'short_var_declaration')
      );
    });
  }

  /** The first effect a flow node has on the variable. */
  private eventIn(node: Node, name: string, namedResult: boolean): Event | undefined {
    if (namedResult && node.type === 'return_statement' && node.namedChildCount === 0) {
      return 'use'; // a naked return reads the named results
    }
    let assigned = false;
    for (const e of this.events(name)) {
      if (e.at < node.startIndex || e.at >= node.endIndex) continue;
      if (e.event === 'use') return 'use';
      assigned = true;
    }
    return assigned ? 'assign' : undefined;
  }

  findings(vars: CancelVar[]): LocalFinding[] {
    const out: LocalFinding[] = [];
    for (const v of vars) {
      const events = this.events(v.name);
      if (v.plainAssign && !this.declaresLocally(v.name, events)) continue;
      const message = this.isMainMain
        ? this.neverUsed(v, events)
        : this.lostPath(v);
      if (message) {
        out.push({ checkId: NOT_CALLED, message, ...refOf(this.src, v.stmt) });
      }
    }
    return out;
  }

  private neverUsed(v: CancelVar, events: { event: Event }[]): string | undefined {
    if (events.some(e => e.event === 'use')) return undefined;
    return `the ${v.name} function is never used (context leak): call it, usually with defer ${v.name}()`;
  }

  /** A path from the assignment to a return (or a reassignment) that never uses the variable. */
  private lostPath(v: CancelVar): string | undefined {
    this.flow ??= new FlowGraph(
      this.body,
      n => textOf(this.src, n),
      stmt => isNoReturnStatement(this.src, this.imports, stmt),
    );
    const namedResult = parameterNames(this.src, this.fn, 'result').includes(v.name);
    const home = this.locate(v.stmt);
    if (!home) return undefined;
    const seen = new Set<FlowBlock>();
    const stack: { block: FlowBlock; from: number }[] = [{ block: home.block, from: home.index + 1 }];
    while (stack.length) {
      const { block, from } = stack.pop()!;
      let lost: string | undefined;
      let stop = false;
      for (let i = from; i < block.nodes.length && !stop; i++) {
        const event = this.eventIn(block.nodes[i], v.name, namedResult);
        if (event === 'use') stop = true;
        else if (event === 'assign') {
          stop = true;
          lost = `line ${lineOf(block.nodes[i])} assigns ${v.name} again before it is used`;
        }
      }
      if (!stop && block.returnLine !== undefined) {
        lost = `this return statement (line ${block.returnLine}) is reached without using it`;
      }
      if (lost) {
        return `the ${v.name} function is not used on all paths (possible context leak); ${lost}`;
      }
      if (stop) continue;
      for (const next of block.succs) {
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

/**
 * The `context-cancel-discarded` and `context-cancel-not-called` findings of a file, from its
 * references to the context package. Each function declaration, method and function literal
 * is analyzed on its own, as go vet's lostcancel does.
 */
export function lostCancelFindings(
  src: GoSource,
  imports: ImportResolver,
  contextRefs: PackageRef[],
  packageName: string,
): LocalFinding[] {
  const findings: LocalFinding[] = [];
  const byFunction = new Map<number, { fn: Node; vars: CancelVar[] }>();
  for (const ref of contextRefs) {
    if (!ref.call || !WITH_CANCEL.has(ref.name)) continue;
    const target = cancelTarget(ref.call);
    if (target?.lhs.type !== 'identifier') continue;
    const name = textOf(src, target.lhs);
    if (name === '_') {
      findings.push({
        checkId: DISCARDED,
        message: `the cancel function returned by context.${ref.name} should be called, not discarded, to avoid a context leak`,
        ...refOf(src, ref.call),
      });
      continue;
    }
    const fn = enclosingFunction(ref.call);
    if (!fn) continue;
    const entry = byFunction.get(fn.id) ?? { fn, vars: [] };
    entry.vars.push({ name, stmt: target.stmt, plainAssign: target.plainAssign });
    byFunction.set(fn.id, entry);
  }
  for (const { fn, vars } of byFunction.values()) {
    const body = fn.childForFieldName('body');
    if (!body) continue;
    const isMainMain =
      packageName === 'main' &&
      fn.type === 'function_declaration' &&
      textOf(src, fn.childForFieldName('name')!) === 'main';
    findings.push(...new FunctionAnalysis(src, imports, fn, body, isMainMain).findings(vars));
  }
  return findings;
}
