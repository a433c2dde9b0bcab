import { Node } from 'web-tree-sitter';
import { Callee, LocalFacts, TypeRef, ValueExpr, Where } from '../programFacts';
import { readTypeAt } from './declarations';
import { PREDECLARED_TYPES } from './declarationSyntax';
import { ImportResolver, PKG } from './imports';
import { Declaration, Scopes, writtenTypeNode } from './scopes';
import {
  calledName,
  callArguments,
  compositeElements,
  declarationPairs,
  enclosingFunction,
  GoSource,
  isFunctionNode,
  refOf,
  returnedExpressions,
  selectorCall,
  stringValue,
  textOf,
  unparen,
  isInstantiation,
} from './syntax';
import { TypeRefs } from './typeRefs';
import {
  BUILTINS,
  FLAG_VALUE_ARG,
  FLAG_VAR_VALUE_ARG,
  PFLAG,
  PARSE_PASS_THROUGH,
  TYPE_ARGUMENT_RESULTS,
  STRING_CASE,
  STRING_PASS_THROUGH,
  TIME_UNITS,
  VIPER,
  VIPER_GETTERS,
} from './knownCalls';
import { literalCalls, LocalTable } from './localValues';

/** Deepest expression nesting followed inside one file. */
const MAX_DEPTH = 12;
/** Most element values a slice, array or map literal keeps. */
const MAX_ELEMS = 32;
/** Syntax node types of a type written where an expression may be (`new(T)`, `make(T)`). */
const TYPE_NODES = new Set([
  'type_identifier',
  'qualified_type',
  'pointer_type',
  'slice_type',
  'array_type',
  'implicit_length_array_type',
  'map_type',
  'channel_type',
  'function_type',
  'struct_type',
  'interface_type',
  'generic_type',
  'parenthesized_type',
  // `new(pkg.T)` and `new(T)` read as expressions where the grammar cannot tell
  'identifier',
  'selector_expression',
]);

/** The literal types whose elements are values of one kind (a struct's are its fields). */
const CONTAINER_TYPES = new Set([
  'slice_type',
  'array_type',
  'implicit_length_array_type',
  'map_type',
]);

const UNKNOWN: ValueExpr = { k: 'unknown' };

/** Whether a value is read through fields, locals or parameters only (`cfg.Upstream.NetAddrs[0]`, `&c.Cache`). */
function isPath(v: ValueExpr): boolean {
  switch (v.k) {
    case 'field':
    case 'addr':
    case 'elem':
      return isPath(v.of);
    case 'local':
    case 'param':
    case 'global':
    case 'recv':
      return true;
    default:
      return false;
  }
}

/** What an expression is read for: its values, or only its type (a method's receiver). */
export type Mode = 'value' | 'type';

/** kingpin's import paths (`gopkg.in/alecthomas/kingpin.v2`, `github.com/alecthomas/kingpin/v2`). */
const KINGPIN =
  /^(?:gopkg\.in\/alecthomas\/kingpin\.v\d+|github\.com\/alecthomas\/kingpin(?:\/v\d+)?)$/;

/**
 * kingpin's flag clause methods that give a pointer to the flag's value (`String()`), and, with
 * `Var` after them, fill a variable (`StringVar(&v)`).
 */
const KINGPIN_GETTERS = new Set(['String', 'Duration', 'Int', 'URL']);

/**
 * Reads Go expressions of one file into {@link ValueExpr}s. Identifiers are resolved by scope:
 * a local variable becomes an entry of the file's local table holding every value assigned to it
 * (declaration, `=`, and `&v` handed to a setter), a parameter stays symbolic, anything else is
 * package-level.
 */
export class ValueReader {
  readonly locals: LocalFacts[];
  private readonly table: LocalTable;

  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
    private readonly scopesOf: (node: Node) => Scopes,
    readonly types: TypeRefs,
  ) {
    this.table = new LocalTable(src, scopesOf, types, this);
    this.locals = this.table.locals;
  }

  where(node: Node): Where {
    return refOf(this.src, node);
  }

  /**
   * The value of an expression. `result` picks one result of a multi-value call. In `type` mode
   * only what decides the value's type is read (a receiver's): a call's arguments and a variable's
   * later assignments are skipped.
   */
  value(
    node: Node | null | undefined,
    result = 0,
    depth = 0,
    mode: Mode = 'value',
  ): ValueExpr {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    const n = unparen(node);
    switch (n.type) {
      case 'interpreted_string_literal':
      case 'raw_string_literal': {
        const value = stringValue(this.src, n);
        return value === undefined
          ? UNKNOWN
          : { k: 'lit', value, at: this.where(n) };
      }
      case 'int_literal':
      case 'float_literal': {
        const value = Number(textOf(this.src, n).replace(/_/g, ''));
        return Number.isFinite(value)
          ? { k: 'num', value, at: this.where(n) }
          : UNKNOWN;
      }
      case 'identifier':
        return this.identifier(n, mode);
      case 'selector_expression':
        return this.selector(n, depth, mode);
      case 'call_expression':
        return this.call(n, result, depth, mode);
      case 'unary_expression': {
        const op = textOf(this.src, n.childForFieldName('operator')!);
        const operand = n.childForFieldName('operand');
        if (op === '&')
          return { k: 'addr', of: this.value(operand, 0, depth + 1, mode) };
        if (op === '*') return this.value(operand, 0, depth + 1, mode);
        return UNKNOWN;
      }
      case 'binary_expression': {
        if (mode === 'type') return UNKNOWN;
        const op = textOf(this.src, n.childForFieldName('operator')!);
        if (!['+', '-', '*', '/'].includes(op)) return UNKNOWN;
        return {
          k: 'binary',
          op,
          left: this.value(n.childForFieldName('left'), 0, depth + 1),
          right: this.value(n.childForFieldName('right'), 0, depth + 1),
        };
      }
      case 'index_expression':
        return {
          k: 'elem',
          of: this.value(n.childForFieldName('operand'), 0, depth + 1, mode),
        };
      case 'composite_literal': {
        const type = n.childForFieldName('type');
        if (!type) return UNKNOWN;
        const elems =
          mode === 'value' && CONTAINER_TYPES.has(type.type)
            ? this.elements(n, depth)
            : [];
        const fields =
          mode === 'value' && type.type === 'struct_type'
            ? this.structFields(n, depth)
            : undefined;
        return {
          k: 'new',
          type: this.types.ofNode(type),
          ...(elems.length ? { elems } : {}),
          ...(fields ? { fields } : {}),
        };
      }
      case 'type_assertion_expression': {
        const type = n.childForFieldName('type');
        return {
          k: 'typed',
          type: type ? this.types.ofNode(type) : { k: 'unknown' },
          ...(mode === 'value'
            ? { of: this.value(n.childForFieldName('operand'), 0, depth + 1) }
            : {}),
        };
      }
      case 'type_conversion_expression': {
        const type = n.childForFieldName('type');
        const operand = this.value(
          n.childForFieldName('operand'),
          0,
          depth + 1,
          mode,
        );
        return type
          ? { k: 'typed', type: this.types.ofNode(type), of: operand }
          : operand;
      }
      default:
        return UNKNOWN;
    }
  }

  /** The keyed fields of an anonymous struct literal that carry a value, or undefined for none. */
  private structFields(
    literal: Node,
    depth: number,
  ): Record<string, ValueExpr> | undefined {
    let out: Record<string, ValueExpr> | undefined;
    for (const { key, value } of compositeElements(literal)) {
      if (key?.type !== 'identifier' || value.type === 'literal_value')
        continue;
      const v = this.value(value, 0, depth + 1);
      if (v.k !== 'unknown') (out ??= {})[textOf(this.src, key)] = v;
    }
    return out;
  }

  /**
   * The values of a slice, array or map literal's elements (a map's values; `{…}` elements
   * whose type the literal implies are left out, as are numbers), at most {@link MAX_ELEMS}.
   */
  private elements(literal: Node, depth: number): ValueExpr[] {
    const out: ValueExpr[] = [];
    for (const { value: e } of compositeElements(literal)) {
      if (out.length >= MAX_ELEMS) break;
      if (e.type === 'literal_value') continue;
      const value = this.value(e, 0, depth + 1);
      if (value.k !== 'unknown' && value.k !== 'num') out.push(value);
    }
    return out;
  }

  private identifier(id: Node, mode: Mode): ValueExpr {
    const name = textOf(this.src, id);
    if (
      name === '_' ||
      name === 'nil' ||
      name === 'true' ||
      name === 'false' ||
      name === 'iota'
    ) {
      return UNKNOWN;
    }
    const decl = this.scopesOf(id).resolve(id);
    if (!decl) return { k: 'global', pkg: '', name };
    if (decl.kind === 'receiver') return { k: 'recv' };
    if (
      decl.kind === 'param' &&
      decl.fn.type !== 'func_literal' &&
      decl.index !== undefined &&
      !this.table.paramAssigned(decl)
    ) {
      return { k: 'param', index: decl.index };
    }
    return { k: 'local', id: this.local(decl, mode) };
  }

  private selector(n: Node, depth: number, mode: Mode): ValueExpr {
    const operand = unparen(n.childForFieldName('operand')!);
    const field = textOf(this.src, n.childForFieldName('field')!);
    if (operand.type === 'identifier') {
      const pkg = this.importAt(operand);
      if (pkg !== undefined) {
        if (pkg === PKG.time && TIME_UNITS[field] !== undefined) {
          return {
            k: 'num',
            value: TIME_UNITS[field],
            seconds: true,
            at: this.where(n),
          };
        }
        return { k: 'global', pkg, name: field };
      }
    }
    return {
      k: 'field',
      of: this.value(operand, 0, depth + 1, mode),
      name: field,
    };
  }

  /**
   * The type an identifier's declaration writes (`c *client`, `var srv *http.Server`, a
   * method's receiver; `[]T` for a variadic `cs ...T`, Go spec "Function types"), or undefined
   * when it writes none or the name is not local.
   */
  declaredTypeOf(id: Node): TypeRef | undefined {
    const decl = this.scopesOf(id).resolve(id);
    const type = decl && writtenTypeNode(decl);
    if (!type) return undefined;
    const written = this.types.ofNode(type);
    return decl.stmt.type === 'variadic_parameter_declaration'
      ? { k: 'slice', elem: written }
      : written;
  }

  /** For the value variable of a range clause (`c` of `for _, c := range cs`): what it ranges over. */
  rangedOver(id: Node): Node | undefined {
    const decl = this.scopesOf(id).resolve(id);
    if (decl?.stmt.type !== 'range_clause') return undefined;
    const names = (
      decl.stmt.childForFieldName('left')?.namedChildren ?? []
    ).filter(c => c?.type !== 'comment');
    return names.length === 2 && names[1]?.id === decl.id.id
      ? decl.stmt.childForFieldName('right') ?? undefined
      : undefined;
  }

  /**
   * The calls of a function value through the local it initializes (`f := c.Open`, then
   * `f("users:8080")`): calls of the function it names, with their arguments.
   */
  callsThroughLocal(value: Node): Node[] {
    return literalCalls(this.src, value, this.scopesOf).filter(
      c => c.childForFieldName('function')?.id !== value.id,
    );
  }

  /** Whether an identifier names a local declaration (parameter, variable, constant). */
  isLocal(id: Node): boolean {
    return !!this.scopesOf(id).resolve(id);
  }

  /** The import path an identifier names, unless a local declaration shadows the import. */
  importAt(id: Node): string | undefined {
    const path = this.imports.pathOf(textOf(this.src, id));
    if (path === undefined) return undefined;
    return this.scopesOf(id).resolve(id) ? undefined : path;
  }

  /**
   * What a call calls, when it is a function or method by name; an explicitly instantiated
   * generic function (`env.ParseAs[Config]()`, `clients.Connect[T](ctx, addr)`) calls that
   * function.
   */
  /**
   * `{ fresh: true }` when a context argument is `context.Background()` or `context.TODO()`: they
   * have no deadline (context package), so a timeout derived from one is its own.
   */
  private fromRoot(node: Node | undefined): { fresh?: true } {
    const n = node && unparen(node);
    if (n?.type !== 'call_expression' || callArguments(n).length) return {};
    const c = this.callee(n);
    return c?.k === 'func' &&
      c.pkg === PKG.context &&
      (c.name === 'Background' || c.name === 'TODO')
      ? { fresh: true }
      : {};
  }

  callee(call: Node, depth = 0): Callee | undefined {
    let fn = unparen(call.childForFieldName('function')!);
    if (fn.type === 'index_expression' && isInstantiation(fn))
      fn = unparen(fn.childForFieldName('operand')!);
    if (fn.type === 'identifier') {
      const name = textOf(this.src, fn);
      if (this.scopesOf(fn).resolve(fn)) return undefined; // a func value in a variable
      return { k: 'func', pkg: '', name };
    }
    if (fn.type === 'selector_expression') {
      const operand = unparen(fn.childForFieldName('operand')!);
      const name = textOf(this.src, fn.childForFieldName('field')!);
      if (operand.type === 'identifier') {
        const pkg = this.importAt(operand);
        if (pkg !== undefined) return { k: 'func', pkg, name };
      }
      // A receiver is read for its type, but one that names a configuration key keeps its
      // argument: Kratos' `c.Value("data.user.addr").String()`.
      const keyed =
        operand.type === 'call_expression' &&
        calledName(this.src, operand) === 'Value' &&
        callArguments(operand).length === 1;
      return {
        k: 'method',
        recv: this.value(operand, 0, depth + 1, keyed ? 'value' : 'type'),
        name,
      };
    }
    return undefined;
  }

  /**
   * Parameter `index` of a function handed on as a value (a function literal, a method value
   * `srv.Shutdown`) when `fn` is an argument of a call of a named function or method
   * (`lifecycle.WaitAndShutdown(func(ctx context.Context) error {…})`): what that callee's calls
   * of the parameter it lands in pass there, found by the link step. Undefined otherwise.
   */
  handed(fn: Node, index: number): ValueExpr | undefined {
    let outer = fn;
    while (outer.parent?.type === 'parenthesized_expression')
      outer = outer.parent;
    const list = outer.parent;
    const call = list?.parent;
    if (list?.type !== 'argument_list' || call?.type !== 'call_expression')
      return undefined;
    const callee = this.callee(call);
    if (!callee) return undefined;
    const arg = callArguments(call).findIndex(a => a.id === outer.id);
    if (arg < 0) return undefined;
    return { k: 'handed', callee, args: this.args(call), arg, index };
  }

  /**
   * The values of a call's arguments; with `carries`, only at the positions it accepts, the
   * others unknown (an argument no declaration of the callee takes as a value-carrying type).
   */
  args(
    call: Node,
    depth = 0,
    carries?: (index: number) => boolean,
  ): ValueExpr[] {
    return callArguments(call).map((a, i) => {
      if (carries && !carries(i)) return UNKNOWN;
      // `xs...` hands the slice itself to the variadic parameter.
      return this.value(
        a.type === 'variadic_argument' ? a.namedChild(0) : a,
        0,
        depth + 1,
      );
    });
  }

  /**
   * The arguments `carries` refuses that are read through fields, locals or parameters
   * (`cfg.Upstream.NetAddrs`, `&c.Cache`, `ups`), by position; undefined for none. A struct is no
   * value, but the fields it is read through tell which loaded keys a callee reads of it.
   */
  fieldArgs(
    call: Node,
    carries: (index: number) => boolean,
  ): Record<number, ValueExpr> | undefined {
    let out: Record<number, ValueExpr> | undefined;
    callArguments(call).forEach((a, i) => {
      if (carries(i)) return;
      const v = this.value(a, 0, 1, 'type');
      if (isPath(v)) (out ??= {})[i] = v;
    });
    return out;
  }

  private call(
    call: Node,
    result: number,
    depth: number,
    mode: Mode,
  ): ValueExpr {
    const callee = this.callee(call, depth);
    const args = callArguments(call);
    const at = this.where(call);
    const arg = (i: number) => this.value(args[i], 0, depth + 1);
    if (!callee)
      return this.funcValueResult(call, result, depth, mode) ?? UNKNOWN;
    // A generic loader that returns a new value of its type argument (`env.ParseAs[Config]()`).
    const fnNode = unparen(call.childForFieldName('function')!);
    if (
      result === 0 &&
      callee.k === 'func' &&
      fnNode.type === 'index_expression' &&
      TYPE_ARGUMENT_RESULTS.some(
        r => r.path.test(callee.pkg) && r.names.has(callee.name),
      )
    ) {
      const type = fnNode.childForFieldName('index');
      if (type) return { k: 'new', type: this.types.ofNode(type) };
    }
    if (callee.k === 'func' && callee.pkg === '') {
      if (PREDECLARED_TYPES.has(callee.name))
        return result === 0 ? arg(0) : UNKNOWN;
      // new(T); Go 1.26's new(expr) points at a copy of the value.
      if (callee.name === 'new' && args[0])
        return TYPE_NODES.has(args[0].type)
          ? { k: 'new', type: this.types.ofNode(args[0]) }
          : { k: 'addr', of: this.value(args[0], 0, depth + 1, mode) };
      // append(xs, a, b), append(xs, ys...): the elements of xs and what it adds.
      if (callee.name === 'append' && mode === 'value' && args.length)
        return {
          k: 'any',
          of: args.map(a =>
            this.value(
              a.type === 'variadic_argument' ? a.namedChild(0) : a,
              0,
              depth + 1,
            ),
          ),
        };
      if (BUILTINS.has(callee.name)) return UNKNOWN;
    }
    if (mode === 'type') return { k: 'call', callee, args: [], result, at };
    if (callee.k === 'func') {
      const { pkg, name } = callee;
      if (pkg === PKG.os && (name === 'Getenv' || name === 'LookupEnv')) {
        return result === 0 ? { k: 'env', name: arg(0), at } : UNKNOWN;
      }
      if (
        (pkg === PKG.flag || pkg === PFLAG) &&
        FLAG_VALUE_ARG[name] !== undefined
      ) {
        return flagValue(arg(0), arg(FLAG_VALUE_ARG[name]), at);
      }
      if (pkg === 'strings' && STRING_PASS_THROUGH.has(name)) return arg(0);
      if (pkg === 'strings' && STRING_CASE[name] !== undefined)
        return { k: 'case', upper: STRING_CASE[name], of: arg(0) };
      if (PARSE_PASS_THROUGH[pkg]?.has(name))
        return result === 0 ? arg(0) : UNKNOWN;
      if (pkg === PKG.fmt && name === 'Sprint' && args.length === 1)
        return arg(0);
      if (pkg === PKG.fmt && name === 'Sprintf' && args[0]) {
        // A format held in a const or variable (`const addressTemp = "%s:%s"`) is followed.
        const format = stringValue(this.src, unparen(args[0]));
        return {
          k: 'format',
          ...(format === undefined ? { formatOf: arg(0) } : { format }),
          args: args.slice(1).map(a => this.value(a, 0, depth + 1)),
          at,
        };
      }
      if (pkg === 'net' && name === 'JoinHostPort') {
        const colon: ValueExpr = { k: 'lit', value: ':', at };
        return {
          k: 'binary',
          op: '+',
          left: { k: 'binary', op: '+', left: arg(0), right: colon },
          right: arg(1),
        };
      }
      if (
        pkg === PKG.context &&
        (name === 'WithTimeout' || name === 'WithTimeoutCause')
      ) {
        return result === 0
          ? { k: 'timeout', duration: arg(1), at, ...this.fromRoot(args[0]) }
          : UNKNOWN;
      }
      if (
        pkg === PKG.context &&
        (name === 'WithDeadline' || name === 'WithDeadlineCause')
      ) {
        return result === 0
          ? {
              k: 'timeout',
              duration: this.deadlineOffset(args[1], depth),
              at,
              ...this.fromRoot(args[0]),
            }
          : UNKNOWN;
      }
      if (pkg === PKG.time && name === 'Duration') return arg(0);
      // cmp.Or (Go 1.22) returns its first argument that is not the zero value: any of them.
      if (pkg === 'cmp' && name === 'Or' && result === 0)
        return { k: 'any', of: args.map((_, i) => arg(i)) };
      if (pkg === VIPER && VIPER_GETTERS.has(name))
        return { k: 'config', key: arg(0), at };
    }
    // A flag set's constructor method (`fs.String(name, value, usage)` of a `flag.FlagSet`,
    // `cmd.Flags().StringP(name, short, value, usage)` of cobra's pflag set): the default,
    // told by its shape (a literal flag name and exactly the flag functions' arguments).
    if (callee.k === 'method' && FLAG_VALUE_ARG[callee.name] !== undefined) {
      const valueAt = FLAG_VALUE_ARG[callee.name];
      if (
        args.length === valueAt + 2 &&
        args[0] &&
        stringValue(this.src, unparen(args[0])) !== undefined
      )
        return flagValue(arg(0), arg(valueAt), at);
    }
    // A kingpin flag: what its chain gives (`app.Flag("catalog-addr", "…").Default("catalog:9000")
    // .String()`).
    const flag = args.length === 0 ? this.kingpinFlagOf(call) : undefined;
    if (flag) return flag;
    // A `*viper.Viper` or koanf method (`v.GetString("db.host")`) is typed at link time.
    return { k: 'call', callee, args: this.args(call, depth), result, at };
  }

  /**
   * The result of calling a function value, typed by what the file says of the function: a
   * local's or parameter's declared func type (`newServer func([]grpc.ServerOption)
   * *grpc.Server`), or the function literal called or given to the local (`mk := func()
   * *http.Server {…}`). Undefined when neither tells.
   */
  private funcValueResult(
    call: Node,
    result: number,
    depth: number,
    mode: Mode,
  ): ValueExpr | undefined {
    const fn = unparen(call.childForFieldName('function')!);
    let type: TypeRef | undefined;
    let literal: Node | undefined;
    if (fn.type === 'func_literal') literal = fn;
    else if (fn.type === 'identifier') {
      const decl = this.scopesOf(fn).resolve(fn);
      const declared = decl && writtenTypeNode(decl);
      if (declared) type = this.types.ofNode(declared);
      const init = decl && initializerOf(decl);
      if (init?.type === 'func_literal') literal = init;
    }
    // A named func type (`var mk factory = func…`) is read from the literal.
    if (literal && type?.k !== 'func') type = this.literalType(literal);
    const r = type?.k === 'func' ? type.results[result] : undefined;
    if (!r || r.k === 'unknown') return undefined;
    // What the literal returns (`addr := func() string { …; return "users:9090" }()`).
    const returned =
      literal && mode === 'value'
        ? this.literalReturns(literal, result, depth)
        : [];
    return returned.length
      ? {
          k: 'typed',
          type: r,
          of: returned.length === 1 ? returned[0] : { k: 'any', of: returned },
        }
      : { k: 'typed', type: r };
  }

  /** The values a function literal's own `return` statements give its result `result`. */
  private literalReturns(
    literal: Node,
    result: number,
    depth: number,
  ): ValueExpr[] {
    const body = literal.childForFieldName('body');
    if (!body || depth > MAX_DEPTH) return [];
    const out: ValueExpr[] = [];
    for (const ret of body.descendantsOfType('return_statement')) {
      // The literal's own returns, not those of a literal inside it.
      if (!ret || enclosingFunction(ret)?.id !== literal.id) continue;
      const items = returnedExpressions(ret);
      const v =
        items.length === 1 && result > 0
          ? this.value(items[0], result, depth + 1)
          : items[result] && this.value(items[result], 0, depth + 1);
      if (v && v.k !== 'unknown') out.push(v);
    }
    return out;
  }

  /** The func type of a function literal, as written before its body. */
  private literalType(literal: Node): TypeRef {
    const body = literal.childForFieldName('body');
    return this.types.of(
      readTypeAt(
        this.src.source,
        literal.startIndex,
        body?.startIndex ?? literal.endIndex,
      ),
    );
  }

  /**
   * The value of a kingpin flag whose chain a getter (`.String()`) or a filler (`.StringVar(&v)`)
   * ends: its default, what the command line sets the flag to, its `.Envar(…)` variable's.
   */
  private kingpinFlagOf(call: Node): ValueExpr | undefined {
    const getter = selectorCall(this.src, call)?.name;
    if (
      !getter ||
      !KINGPIN_GETTERS.has(getter.replace(/Var$/, '')) ||
      !this.imports.paths().some(p => KINGPIN.test(p))
    )
      return undefined;
    const flag = kingpinFlag(this.src, call);
    if (!flag) return undefined;
    const at = this.where(call);
    return kingpinValue(
      this.value(flag.name),
      flag.fallback ? this.value(flag.fallback) : UNKNOWN,
      flag.envar && this.value(flag.envar),
      at,
    );
  }

  /** `time.Now().Add(d)`: the offset `d` of a deadline. */
  private deadlineOffset(node: Node | undefined, depth: number): ValueExpr {
    const n = node && unparen(node);
    if (n?.type !== 'call_expression') return UNKNOWN;
    const fn = n.childForFieldName('function');
    if (
      fn?.type !== 'selector_expression' ||
      textOf(this.src, fn.childForFieldName('field')!) !== 'Add'
    ) {
      return UNKNOWN;
    }
    return this.value(callArguments(n)[0], 0, depth + 1);
  }

  /**
   * The local table entry of a declaration, filled on first use: in `type` mode with what its
   * declaration says (marked `typeOnly`), completed when a value needs it.
   */
  local(decl: Declaration, mode: Mode = 'value'): number {
    return this.table.local(decl, mode);
  }

  /** `&v` as an argument: the value the call stores through it. */
  storedThrough(amp: Node): ValueExpr | undefined {
    const list = amp.parent;
    const call = list?.type === 'argument_list' ? list.parent : undefined;
    if (!call || call.type !== 'call_expression') return undefined;
    const args = callArguments(call);
    const index = args.findIndex(a => a.id === amp.id);
    if (index < 0) return undefined;
    const callee = this.callee(call);
    if (!callee) return undefined;
    // A kingpin flag filling a variable: `app.Flag("addr", "…").Default("svc:80").StringVar(&v)`.
    const flag =
      index === 0 && args.length === 1 ? this.kingpinFlagOf(call) : undefined;
    if (flag) return flag;
    if (index === 0 && FLAG_VAR_VALUE_ARG[callee.name] !== undefined) {
      const isFlag =
        callee.k === 'method' ||
        callee.pkg === PKG.flag ||
        callee.pkg === PFLAG;
      if (isFlag)
        return flagValue(
          this.value(args[1]),
          this.value(args[FLAG_VAR_VALUE_ARG[callee.name]]),
          this.where(call),
        );
    }
    return {
      k: 'stored',
      callee,
      args: this.args(call),
      index,
      at: this.where(call),
    };
  }
}

/**
 * A flag's value: its default, or what the command line gives the flag of that name (a
 * workload's container `args`).
 */
export function flagValue(
  name: ValueExpr,
  fallback: ValueExpr,
  at: Where,
): ValueExpr {
  return { k: 'any', of: [fallback, { k: 'flag', name, at }] };
}

/**
 * The clauses of a kingpin flag chain ending at a getter (`app.Flag(name, help)` or
 * `kingpin.Flag(…)`, then `.Short('c')`, `.Envar("CATALOG_ADDR")`, `.Default("catalog:9000")`,
 * `.Required()`… in any order): the flag's name, its default and its environment variable.
 */
function kingpinFlag(
  src: GoSource,
  getter: Node,
): { name: Node; fallback?: Node; envar?: Node } | undefined {
  let fallback: Node | undefined;
  let envar: Node | undefined;
  for (
    let c = selectorCall(src, getter)?.operand;
    c?.type === 'call_expression';
    c = selectorCall(src, c)?.operand
  ) {
    const clause = calledName(src, c);
    const [first] = callArguments(c);
    if (clause === 'Default') fallback ??= first;
    else if (clause === 'Envar') envar ??= first;
    else if (clause === 'Flag')
      return first && stringValue(src, unparen(first)) !== undefined
        ? { name: first, fallback, envar }
        : undefined;
  }
  return undefined;
}

/** A kingpin flag's value: its default, what the command line sets it to, its env variable's. */
function kingpinValue(
  name: ValueExpr,
  fallback: ValueExpr,
  envar: ValueExpr | undefined,
  at: Where,
): ValueExpr {
  const flag = flagValue(name, fallback, at);
  return envar && flag.k === 'any'
    ? { k: 'any', of: [...flag.of, { k: 'env', name: envar, at }] }
    : flag;
}

/** Whether a node is inside a function body (not a package-level initializer). */
export function inFunction(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return true;
  return false;
}

/**
 * The expression a `:=` or `var` declaration gives a variable (`f := func…`, `var f = func…`),
 * when the names and values pair up one to one.
 */
export function initializerOf(decl: Declaration): Node | undefined {
  const pairs = declarationPairs(decl.stmt);
  if (!pairs || pairs.names.length !== pairs.values.length) return undefined;
  const index = pairs.names.findIndex(c => c.id === decl.id.id);
  const value = index < 0 ? undefined : pairs.values[index];
  return value ? unparen(value) : undefined;
}
