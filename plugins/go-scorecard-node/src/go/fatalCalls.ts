import { Node } from 'web-tree-sitter';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver, PKG } from './imports';
import { FATAL_METHODS } from './knownCalls';
import {
  calledName,
  GoSource,
  qualifiedCall,
  selectorCall,
  textOf,
  unparen,
} from './syntax';

/** Methods that end the goroutine in tests (testing.T/B) or `runtime.Goexit`. */
const GOEXIT_METHODS = new Set([
  'FailNow',
  'SkipNow',
  'Skip',
  'Skipf',
  'Goexit',
]);

/** The concrete types of package testing whose FailNow/Skip* end the goroutine. */
const TESTING_TYPES = new Set(['T', 'B', 'F']);

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
  if (!sel || !GOEXIT_METHODS.has(sel.name)) return false;
  // `runtime.Goexit()`, or a test's `t.FailNow()`/`t.Skip()` on a `*testing.T`/`B`/`F` (a
  // cursor's `Skip(n)` returns; so may a `testing.TB`'s, an interface, as go vet has it).
  if (
    sel.operand.type === 'identifier' &&
    imports.is(textOf(src, sel.operand), 'runtime')
  )
    return sel.name === 'Goexit';
  if (!src.operandType) return true;
  const type = src.operandType(sel.operand);
  return type?.pkg === 'testing' && TESTING_TYPES.has(type.name);
}

/**
 * What may keep a body from returning: a call that does not return (`Exit`, `Fatal`, `panic`…),
 * a `for` loop without a condition, or an empty `select`.
 */
const MAY_NOT_RETURN = new RegExp(
  `${NO_RETURN_WORD.source}|\\bfor\\s*\\{|\\bselect\\s*\\{\\s*\\}`,
);

/**
 * Whether each of a file's functions and methods never returns, by key (`name` for a function,
 * `.name` for the methods of that name), per parsed source (memo).
 */
const noReturnMemo = new WeakMap<
  GoSource,
  {
    decls: Map<string, Node[]>;
    /** Keys of declarations whose text holds something that may not return. */
    enders: string[];
    known: Map<string, boolean>;
  }
>();

/** The file's declarations by key, and what is known of them (built on first use). */
function noReturnMemoOf(src: GoSource) {
  let memo = noReturnMemo.get(src);
  if (memo) return memo;
  const decls = new Map<string, Node[]>();
  for (const d of src.root.namedChildren) {
    if (d?.type !== 'function_declaration' && d?.type !== 'method_declaration')
      continue;
    const id = d.childForFieldName('name');
    if (!id) continue;
    const k = `${d.type === 'method_declaration' ? '.' : ''}${textOf(src, id)}`;
    const all = decls.get(k);
    if (all) all.push(d);
    else decls.set(k, [d]);
  }
  const enders = [...decls]
    .filter(([, ds]) =>
      ds.some(d =>
        MAY_NOT_RETURN.test(src.source.slice(d.startIndex, d.endIndex)),
      ),
    )
    .map(([k]) => k);
  memo = { decls, enders, known: new Map() };
  noReturnMemo.set(src, memo);
  return memo;
}

/**
 * Whether the function `name` (or, for `.name`, every method of that name) that a file declares
 * never returns to its caller: no path of its body reaches a return or the body's end, because
 * each ends in a call that does not return (`os.Exit`, `log.Fatal`, `panic`, or another such
 * function or method of the file) or loops forever (`for { … }` without a `break` out of it,
 * `select {}`), as go/analysis' ctrlflow derives its noReturn facts. `func fatalf(…) {
 * fmt.Fprintf(os.Stderr, …); os.Exit(1) }` is one, and so is `func (s *Server) fatal(err error) {
 * s.log.Fatalf(…) }`. Decided on first ask, for that function and those it calls.
 */
export function neverReturns(
  src: GoSource,
  imports: ImportResolver,
  key: string,
): boolean {
  const memo = noReturnMemoOf(src);
  const known = memo.known.get(key);
  if (known !== undefined) return known;
  // A function that calls nothing that could end the process returns (a recursive call is
  // taken to return while its own answer is being decided).
  memo.known.set(key, false);
  const decls = memo.decls.get(key);
  if (!decls) return false;
  const { enders } = memo;
  const result = decls.every(decl => {
    const body = decl.childForFieldName('body');
    if (!body) return false;
    // Only a body that holds something that may not return can end every path in it.
    const text = src.source.slice(body.startIndex, body.endIndex);
    if (
      !MAY_NOT_RETURN.test(text) &&
      !enders.some(e => e !== key && text.includes(`${e.replace(/^\./, '')}(`))
    )
      return false;
    const flow = new FlowGraph(
      body,
      n => textOf(src, n),
      noReturnTest(src, imports),
    );
    return !returns(flow);
  });
  memo.known.set(key, result);
  return result;
}

/**
 * The callee of an expression statement's call: its name and how it is reached, `''` for an
 * unqualified name (`fatalf("…")`), `'.'` for a method call (`s.fatal(err)`: the operand is no
 * import), or the import path of `pkg.Name(…)`. A local declaration hides the package's name
 * and an import of that name (`GoSource.isLocal`): `die(err)` after `die := func(err error)
 * {…}` calls a function value (none), `log.Fatal()` on a local `log` is a method call.
 */
function calleeOf(
  src: GoSource,
  imports: ImportResolver,
  stmt: Node,
): { name: string; via: string } | undefined {
  const expr = stmt.namedChild(0);
  if (!expr) return undefined;
  const call = unparen(expr);
  const name = calledName(src, call);
  if (name === undefined) return undefined;
  const sel = selectorCall(src, call);
  if (!sel) {
    const fn = call.childForFieldName('function');
    return fn && src.isLocal?.(fn) ? undefined : { name, via: '' };
  }
  const path =
    sel.operand.type === 'identifier' && !src.isLocal?.(sel.operand)
      ? imports.pathOf(textOf(src, sel.operand))
      : undefined;
  return { name, via: path ?? '.' };
}

/**
 * Whether the operand of an expression statement's method call is written with a type of the
 * tree (`GoSource.operandType`): the file's own package's, or one the tree declares.
 */
function operandOfTreeType(src: GoSource, stmt: Node): boolean {
  if (!src.operandType) return true;
  const expr = stmt.namedChild(0);
  const sel = expr && selectorCall(src, unparen(expr));
  const type = sel && src.operandType(sel.operand);
  // An interface's method may return whatever its implementations do (go vet's ctrlflow
  // resolves only static calls).
  return (
    !!type &&
    (type.pkg === '' || !!src.isTreePackage?.(type.pkg)) &&
    !src.isTreeInterface?.(type.name)
  );
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
 * The no-return test of a file's flow graphs: {@link isNoReturnStatement}, a call of a function
 * or method of the file that never returns ({@link neverReturns}), or of one that another file
 * of the tree declares and that never returns (`GoSource.treeNeverReturns`).
 */
export function noReturnTest(
  src: GoSource,
  imports: ImportResolver,
): (stmt: Node) => boolean {
  return stmt => {
    if (isNoReturnStatement(src, imports, stmt)) return true;
    const callee = calleeOf(src, imports, stmt);
    if (!callee) return false;
    const { name, via } = callee;
    // A method call ends a path only on a value of a type of the tree, as the file writes it
    // (`s.fatal(err)` on a receiver, `a.Stop()` with `a *App`): a library's `ticker.Stop()`
    // or `cmd.Run()` returns whatever the tree's methods of that name do.
    if (via === '.' && !operandOfTreeType(src, stmt)) return false;
    if (via === '' || via === '.') {
      const key = via === '' ? name : `.${name}`;
      if (noReturnMemoOf(src).decls.has(key) && neverReturns(src, imports, key))
        return true;
    }
    return !!src.treeNeverReturns?.(name, via);
  };
}
