import { Node } from 'web-tree-sitter';
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
