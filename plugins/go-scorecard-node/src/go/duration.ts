import { Node } from 'web-tree-sitter';
import { assignedValues } from './definitions';
import { ImportResolver, PKG } from './imports';
import { callArguments, GoSource, qualifiedCall, textOf, unparen } from './syntax';

const UNIT_SECONDS: Record<string, number> = {
  Nanosecond: 1e-9,
  Microsecond: 1e-6,
  Millisecond: 1e-3,
  Second: 1,
  Minute: 60,
  Hour: 3600,
};

/** A constant value; `timed` once a time unit took part (a bare number is nanoseconds). */
interface Quantity {
  value: number;
  timed: boolean;
}

const MAX_DEPTH = 6;

function evaluate(
  src: GoSource,
  imports: ImportResolver,
  node: Node,
  depth: number,
): Quantity | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unparen(node);
  switch (n.type) {
    case 'int_literal':
    case 'float_literal': {
      const value = Number(textOf(src, n).replace(/_/g, ''));
      return Number.isFinite(value) ? { value, timed: false } : undefined;
    }
    case 'selector_expression': {
      const operand = n.childForFieldName('operand');
      const field = n.childForFieldName('field');
      if (operand?.type !== 'identifier' || !field) return undefined;
      if (!imports.is(textOf(src, operand), PKG.time)) return undefined;
      const unit = UNIT_SECONDS[textOf(src, field)];
      return unit === undefined ? undefined : { value: unit, timed: true };
    }
    case 'binary_expression': {
      const left = evaluate(src, imports, n.childForFieldName('left')!, depth + 1);
      const right = evaluate(src, imports, n.childForFieldName('right')!, depth + 1);
      if (!left || !right) return undefined;
      const timed = left.timed || right.timed;
      switch (textOf(src, n.childForFieldName('operator')!)) {
        case '*':
          return { value: left.value * right.value, timed };
        case '/':
          return right.value ? { value: left.value / right.value, timed: left.timed } : undefined;
        case '+':
          return { value: left.value + right.value, timed };
        case '-':
          return { value: left.value - right.value, timed };
        default:
          return undefined;
      }
    }
    case 'call_expression': {
      // time.Duration(n) and flag.Duration(name, default, usage)
      const q = qualifiedCall(src, n);
      const args = callArguments(n);
      if (q?.name === 'Duration' && imports.is(q.qualifier, PKG.time) && args.length === 1) {
        return evaluate(src, imports, args[0], depth + 1);
      }
      if (q?.name === 'Duration' && imports.is(q.qualifier, PKG.flag) && args[1]) {
        return evaluate(src, imports, args[1], depth + 1);
      }
      return undefined;
    }
    case 'unary_expression': // *flagValue
      return textOf(src, n.childForFieldName('operator')!) === '*'
        ? evaluate(src, imports, n.childForFieldName('operand')!, depth + 1)
        : undefined;
    case 'identifier': {
      const values = assignedValues(src, imports, textOf(src, n));
      return values.length === 1 ? evaluate(src, imports, values[0], depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The seconds of a constant `time.Duration` expression (`30*time.Second`, `time.Minute`,
 * a const of the file, `time.Duration(n)*time.Second`, a `flag.Duration` default), or undefined.
 */
export function durationSeconds(
  src: GoSource,
  imports: ImportResolver,
  node: Node,
): number | undefined {
  const q = evaluate(src, imports, node, 0);
  if (!q) return undefined;
  return q.timed ? q.value : q.value * 1e-9;
}
