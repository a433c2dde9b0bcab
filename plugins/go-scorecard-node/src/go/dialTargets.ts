import { Node } from 'web-tree-sitter';
import { DialTarget, LocatedValue, PackageValue } from '../facts';
import { assignedValues } from './definitions';
import { ImportResolver, PKG } from './imports';
import { PackageRef } from './packageRefs';
import {
  callArguments,
  GoSource,
  qualifiedCall,
  refOf,
  stringValue,
  textOf,
  unparen,
} from './syntax';

/** What may end up as a gRPC target. */
interface Resolved {
  values: LocatedValue[];
  envVars: string[];
  /** Names the file never assigns: package-level names declared in another file. */
  names: string[];
}

const MAX_DEPTH = 6;
/** At most this many combined values from `+` and `fmt.Sprintf`. */
const MAX_COMBINATIONS = 16;
/** Looks like an environment variable name (checked on a string value, not on code). */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const FORMAT_VERB = /%[-+# 0-9.*]*[a-zA-Z%]/g;

const EMPTY: Resolved = { values: [], envVars: [], names: [] };

function merge(all: Resolved[]): Resolved {
  return {
    values: all.flatMap(r => r.values),
    envVars: [...new Set(all.flatMap(r => r.envVars))],
    names: [...new Set(all.flatMap(r => r.names))],
  };
}

/** Every combination of one value per part, joined by `join`, located at the first part. */
function combine(
  parts: LocatedValue[][],
  join: (values: string[]) => string,
): LocatedValue[] {
  let combos: LocatedValue[][] = [[]];
  for (const part of parts) {
    combos = combos.flatMap(c => part.map(v => [...c, v])).slice(0, MAX_COMBINATIONS);
  }
  return combos.map(c => ({ ...c[0], value: join(c.map(v => v.value)) }));
}

class TargetResolver {
  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
  ) {}

  private literal(node: Node): LocatedValue | undefined {
    const value =
      node.type === 'int_literal' ? textOf(this.src, node) : stringValue(this.src, node);
    return value === undefined ? undefined : { value, ...refOf(this.src, node) };
  }

  resolve(expr: Node, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return EMPTY;
    const n = unparen(expr);
    const literal = this.literal(n);
    if (literal) return { ...EMPTY, values: [literal] };
    switch (n.type) {
      case 'identifier': {
        const name = textOf(this.src, n);
        const assigned = assignedValues(this.src, this.imports, name);
        if (!assigned.length) return { ...EMPTY, names: [name] };
        return merge(assigned.map(v => this.resolve(v, depth + 1)));
      }
      case 'unary_expression': // *addr, from flag.String
        return textOf(this.src, n.childForFieldName('operator')!) === '*'
          ? this.resolve(n.childForFieldName('operand')!, depth + 1)
          : EMPTY;
      case 'binary_expression': {
        if (textOf(this.src, n.childForFieldName('operator')!) !== '+') return EMPTY;
        const parts = [n.childForFieldName('left')!, n.childForFieldName('right')!].map(p =>
          this.resolve(p, depth + 1),
        );
        const { envVars, names } = merge(parts);
        if (parts.some(p => p.values.length === 0)) return { values: [], envVars, names };
        return { values: combine(parts.map(p => p.values), v => v.join('')), envVars, names };
      }
      case 'call_expression':
        return this.call(n, depth);
      default:
        return EMPTY;
    }
  }

  private call(call: Node, depth: number): Resolved {
    const q = qualifiedCall(this.src, call);
    const args = callArguments(call);
    const name = (i: number) => (args[i] ? this.literal(args[i]) : undefined);
    if (q && this.imports.is(q.qualifier, PKG.os) && ['Getenv', 'LookupEnv'].includes(q.name)) {
      const env = name(0);
      return env ? { ...EMPTY, envVars: [env.value] } : EMPTY;
    }
    if (q && this.imports.is(q.qualifier, PKG.flag) && q.name === 'String' && args[1]) {
      return this.resolve(args[1], depth + 1);
    }
    if (q && this.imports.is(q.qualifier, PKG.fmt) && q.name === 'Sprintf' && args[0]) {
      return this.sprintf(args[0], args.slice(1), depth);
    }
    // A helper such as getenv("USER_ADDR", "user-service:8080").
    const env = name(0);
    const fallback = name(1);
    if (env && ENV_NAME.test(env.value) && fallback && args[1].type !== 'int_literal') {
      return { values: [fallback], envVars: [env.value], names: [] };
    }
    return EMPTY;
  }

  /** `fmt.Sprintf("%s:%d", host, port)`: the formatted values when every argument resolves. */
  private sprintf(formatNode: Node, args: Node[], depth: number): Resolved {
    const format = stringValue(this.src, formatNode);
    if (format === undefined) return EMPTY;
    const parts = args.map(a => this.resolve(a, depth + 1));
    const { envVars, names } = merge(parts);
    const verbs = format.match(FORMAT_VERB)?.filter(v => v !== '%%') ?? [];
    if (verbs.length !== args.length || parts.some(p => p.values.length === 0)) {
      return { values: [], envVars, names };
    }
    const values = combine(
      parts.map(p => p.values),
      vs => {
        let i = 0;
        return format.replace(FORMAT_VERB, v => (v === '%%' ? '%' : vs[i++]));
      },
    );
    return { values, envVars, names };
  }
}

/** The target argument's position in each dial function. */
const TARGET_ARG = new Map([
  ['Dial', 0],
  ['NewClient', 0],
  ['DialContext', 1],
]);

/** The gRPC client targets of a file, from its references to the grpc package. */
export function dialTargets(
  src: GoSource,
  imports: ImportResolver,
  grpcRefs: PackageRef[],
): DialTarget[] {
  const resolver = new TargetResolver(src, imports);
  const targets: DialTarget[] = [];
  for (const ref of grpcRefs) {
    const index = TARGET_ARG.get(ref.name);
    if (!ref.call || index === undefined) continue;
    const arg = callArguments(ref.call)[index];
    const { values, envVars, names } = arg ? resolver.resolve(arg) : EMPTY;
    targets.push({ func: ref.name, values, envVars, packageNames: names, ...refOf(src, ref.call) });
  }
  return targets;
}

/**
 * What the file's package-level `const` and `var` declarations may hold (a literal, an env
 * var, a flag default), by name: another file of the package may dial with them.
 */
export function packageValues(
  src: GoSource,
  imports: ImportResolver,
): Record<string, PackageValue> {
  const resolver = new TargetResolver(src, imports);
  const out: Record<string, PackageValue> = {};
  for (const decl of src.root.namedChildren) {
    if (decl?.type !== 'const_declaration' && decl?.type !== 'var_declaration') continue;
    const specs = decl.descendantsOfType(['const_spec', 'var_spec']);
    for (const spec of specs) {
      const values = spec?.childForFieldName('value')?.namedChildren ?? [];
      spec?.childrenForFieldName('name').forEach((nameNode, i) => {
        const value = values[i];
        if (!nameNode || !value) return;
        const { values: vs, envVars } = resolver.resolve(value);
        if (vs.length || envVars.length) out[textOf(src, nameNode)] = { values: vs, envVars };
      });
    }
  }
  return out;
}
