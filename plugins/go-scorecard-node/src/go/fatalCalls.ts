import { Node } from 'web-tree-sitter';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver, PKG } from './imports';
import {
  GoSource,
  qualifiedCall,
  selectorCall,
  textOf,
  unparen,
} from './syntax';

/** Methods that end the process or panic, on `log` or on any logger (zap, logrus, zerolog). */
const FATAL_METHODS = new Set([
  'Fatal',
  'Fatalf',
  'Fatalln',
  'Fatalw',
  'Panic',
  'Panicf',
  'Panicln',
  'Panicw',
]);

/** Methods that end the goroutine in tests (testing.T/B) or `runtime.Goexit`. */
const GOEXIT_METHODS = new Set([
  'FailNow',
  'SkipNow',
  'Skip',
  'Skipf',
  'Goexit',
]);

/** A word every call {@link isNoReturnStatement} accepts holds. */
const NO_RETURN_WORD = /panic|Exit|Fatal|Panic|FailNow|Skip|Goexit/;

/**
 * Whether a call ends the process or panics: `panic(...)`, `os.Exit(...)`, or a `Fatal*`/`Panic*`
 * call anywhere in a method chain (`log.Fatal(err)`, `logger.Fatal(...)`,
 * `log.Fatal().Err(err).Msg(...)`).
 */
export function isFatalCall(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier' && textOf(src, fn) === 'panic') return true;
  const q = qualifiedCall(src, call);
  if (q && q.name === 'Exit' && imports.is(q.qualifier, PKG.os)) return true;
  for (let c: Node | undefined = call; c; ) {
    const sel = selectorCall(src, c);
    if (!sel) return false;
    if (FATAL_METHODS.has(sel.name)) return true;
    c = sel.operand.type === 'call_expression' ? sel.operand : undefined;
  }
  return false;
}

/** Whether an expression statement never completes normally (fatal, or a test's FailNow/Skip). */
export function isNoReturnStatement(
  src: GoSource,
  imports: ImportResolver,
  stmt: Node,
): boolean {
  // Most statements name none of these: decided from the text, before any tree lookup.
  if (!NO_RETURN_WORD.test(src.source.slice(stmt.startIndex, stmt.endIndex)))
    return false;
  const expr = stmt.namedChild(0);
  const call = expr && unparen(expr);
  if (call?.type !== 'call_expression') return false;
  if (isFatalCall(src, imports, call)) return true;
  const sel = selectorCall(src, call);
  return !!sel && GOEXIT_METHODS.has(sel.name);
}

/** The functions of a file that never return, by name, per parsed source. */
const noReturnFuncsMemo = new WeakMap<GoSource, Set<string>>();

/**
 * The package-level functions (not methods) a file declares that never return to their caller:
 * every path of the body ends in a call that does not return (`os.Exit`, `log.Fatal`, `panic`,
 * or another such function of the file), as go/analysis' ctrlflow derives its noReturn facts.
 * `func fatalf(…) { fmt.Fprintf(os.Stderr, …); os.Exit(1) }` is one.
 */
export function noReturnFuncs(
  src: GoSource,
  imports: ImportResolver,
): Set<string> {
  const known = noReturnFuncsMemo.get(src);
  if (known) return known;
  const out = new Set<string>();
  noReturnFuncsMemo.set(src, out);
  const funcs = src.root.namedChildren.filter(
    (d): d is Node => d?.type === 'function_declaration',
  );
  // Helpers calling helpers: to a fixed point (a few rounds at most in practice).
  for (let round = 0, grew = true; grew && round < 4; round++) {
    grew = false;
    for (const fn of funcs) {
      const name = fn.childForFieldName('name');
      const body = fn.childForFieldName('body');
      if (!name || !body || out.has(textOf(src, name))) continue;
      const text = src.source.slice(body.startIndex, body.endIndex);
      if (!NO_RETURN_WORD.test(text) && ![...out].some(n => text.includes(n)))
        continue;
      const flow = new FlowGraph(
        body,
        n => textOf(src, n),
        stmt =>
          isNoReturnStatement(src, imports, stmt) || callsAny(src, stmt, out),
      );
      if (!returns(flow)) {
        out.add(textOf(src, name));
        grew = true;
      }
    }
  }
  return out;
}

/** The name an expression statement calls unqualified (`fatalf` of `fatalf("…")`). */
function calledName(src: GoSource, stmt: Node): string | undefined {
  const expr = stmt.namedChild(0);
  const call = expr && unparen(expr);
  const fn =
    call?.type === 'call_expression'
      ? call.childForFieldName('function')
      : null;
  return fn?.type === 'identifier' ? textOf(src, fn) : undefined;
}

/** Whether an expression statement calls one of `names` unqualified. */
function callsAny(src: GoSource, stmt: Node, names: Set<string>): boolean {
  if (names.size === 0) return false;
  const name = calledName(src, stmt);
  return name !== undefined && names.has(name);
}

/** Whether some path from the entry of a flow graph reaches a return (or the body's end). */
function returns(flow: FlowGraph): boolean {
  const seen = new Set<FlowBlock>([flow.entry]);
  const queue = [flow.entry];
  while (queue.length) {
    const block = queue.shift()!;
    if (block.returnLine !== undefined) return true;
    for (const next of block.succs) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * The no-return test of a file's flow graphs: {@link isNoReturnStatement}, or a call of a
 * function of the file that never returns ({@link noReturnFuncs}).
 */
export function noReturnTest(
  src: GoSource,
  imports: ImportResolver,
): (stmt: Node) => boolean {
  return stmt => {
    if (isNoReturnStatement(src, imports, stmt)) return true;
    const name = calledName(src, stmt);
    return name !== undefined && noReturnFuncs(src, imports).has(name);
  };
}
