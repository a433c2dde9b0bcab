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

/** Whether each of a file's functions never returns, by name, per parsed source (memo). */
const noReturnMemo = new WeakMap<
  GoSource,
  {
    decls: Map<string, Node>;
    /** Functions whose text names a call that may not return (`Exit`, `Fatal`, `panic`…). */
    enders: string[];
    known: Map<string, boolean>;
  }
>();

/**
 * Whether the package-level function (not a method) `name` that a file declares never returns
 * to its caller: every path of its body ends in a call that does not return (`os.Exit`,
 * `log.Fatal`, `panic`, or another such function of the file), as go/analysis' ctrlflow derives
 * its noReturn facts. `func fatalf(…) { fmt.Fprintf(os.Stderr, …); os.Exit(1) }` is one. Decided
 * on first ask, for that function and those it calls.
 */
export function neverReturns(
  src: GoSource,
  imports: ImportResolver,
  name: string,
): boolean {
  let memo = noReturnMemo.get(src);
  if (!memo) {
    const decls = new Map<string, Node>();
    const enders: string[] = [];
    for (const d of src.root.namedChildren) {
      const id =
        d?.type === 'function_declaration' && d.childForFieldName('name');
      if (!id) continue;
      decls.set(textOf(src, id), d!);
      if (NO_RETURN_WORD.test(src.source.slice(d!.startIndex, d!.endIndex)))
        enders.push(textOf(src, id));
    }
    memo = { decls, enders, known: new Map() };
    noReturnMemo.set(src, memo);
  }
  const known = memo.known.get(name);
  if (known !== undefined) return known;
  const body = memo.decls.get(name)?.childForFieldName('body');
  // A function that calls nothing that could end the process returns (a recursive call is
  // taken to return while its own answer is being decided).
  memo.known.set(name, false);
  if (!body) return false;
  // Only a body that names a call that may not return can end every path in one.
  const text = src.source.slice(body.startIndex, body.endIndex);
  if (
    !NO_RETURN_WORD.test(text) &&
    !memo.enders.some(e => e !== name && text.includes(`${e}(`))
  )
    return false;
  const flow = new FlowGraph(
    body,
    n => textOf(src, n),
    noReturnTest(src, imports),
  );
  const result = !returns(flow);
  memo.known.set(name, result);
  return result;
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
 * function of the file that never returns ({@link neverReturns}).
 */
export function noReturnTest(
  src: GoSource,
  imports: ImportResolver,
): (stmt: Node) => boolean {
  return stmt => {
    if (isNoReturnStatement(src, imports, stmt)) return true;
    const name = calledName(src, stmt);
    return name !== undefined && neverReturns(src, imports, name);
  };
}
