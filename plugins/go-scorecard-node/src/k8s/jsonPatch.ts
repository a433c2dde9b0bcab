import { ScanNote } from '@internal/plugin-go-scorecard-common';
import { Container, ContainerEnv, Workload } from '../facts';
import { JsonPatchOp } from './kustomizePatch';
import {
  POD_SPEC,
  formatPointer,
  isIndexToken,
  startsWith,
  touchesWorkloadFacts,
} from './readJsonPatch';

type Note = (op: JsonPatchOp, message: string) => void;

/**
 * Applies RFC 6902 operations to a workload's facts, in order: `add`, `replace` and `remove`
 * of the pod spec, its terminationGracePeriodSeconds and dnsConfig (ndots), the container list
 * (an index, or `-` to append) and a container's lifecycle/preStop, env (list, item, an
 * item's `value`), envFrom, ports, probes and name. Container and env indices count in the
 * workload as patched so far (the base's order). `test` is ignored; `move` and `copy` are not
 * applied (a note when they touch a read field); what cannot be told from the facts (which
 * dnsConfig option an index names, a deeper edit of a preStop command) keeps the fact with a
 * note. A `remove` that drops a serving container's preStop hook moves the container's ref to
 * the op, so that `k8s-prestop` points at it. Returns a new workload; the input is not changed.
 */
export function applyJsonPatch(
  workload: Workload,
  ops: JsonPatchOp[],
): { workload: Workload; notes: ScanNote[] } {
  const notes: ScanNote[] = [];
  const note: Note = (op, message) =>
    notes.push({
      path: op.ref.path,
      message: `line ${op.ref.line}: JSON6902 ${op.op} ${formatPointer(
        op.path,
      )} on ${workload.kind} ${workload.name}: ${message}`,
    });
  let w = workload;
  for (const op of ops) w = applyOp(w, op, note);
  return { workload: w, notes };
}

function applyOp(w: Workload, op: JsonPatchOp, note: Note): Workload {
  if (op.op === 'test') return w;
  if (op.op === 'move' || op.op === 'copy') {
    if (
      touchesWorkloadFacts(op.path) ||
      (op.from && touchesWorkloadFacts(op.from))
    )
      note(op, 'not applied (only add, replace and remove are read)');
    return w;
  }
  const { path } = op;
  if (path.length === 0) return w;
  if (startsWith(POD_SPEC, path)) {
    // The pod spec, or a field holding it, replaced or removed whole.
    const f = op.op === 'remove' ? undefined : op.fragment;
    return {
      ...w,
      terminationGracePeriodSeconds: f?.terminationGracePeriodSeconds,
      ndots: f?.ndots,
      containers: f?.containers ?? [],
    };
  }
  if (!startsWith(path, POD_SPEC)) return w;
  const rest = path.slice(POD_SPEC.length);
  switch (rest[0]) {
    case 'terminationGracePeriodSeconds':
      if (rest.length > 1) return w;
      return {
        ...w,
        terminationGracePeriodSeconds:
          op.op === 'remove'
            ? undefined
            : op.fragment?.terminationGracePeriodSeconds,
      };
    case 'dnsConfig':
      return { ...w, ndots: ndotsAfter(w.ndots, rest, op, note) };
    case 'containers':
      return containersOp(w, rest.slice(1), op, note);
    default:
      return w;
  }
}

/** ndots after an op on `dnsConfig` (`rest` starts there). */
function ndotsAfter(
  ndots: number | undefined,
  rest: string[],
  op: JsonPatchOp,
  note: Note,
): number | undefined {
  const set = op.fragment?.ndots;
  if (rest.length === 1 || (rest.length === 2 && rest[1] === 'options'))
    return op.op === 'remove' ? undefined : set;
  if (rest[1] !== 'options') return ndots;
  if (rest.length === 3 && op.op !== 'remove' && set !== undefined) return set;
  // An option by index, or a field of one: which option it is, the facts do not say.
  if (ndots !== undefined || rest.length > 3)
    note(op, 'which dnsConfig option it changes is not read; ndots kept');
  return ndots;
}

/** An index token's position in a list of `length`, or undefined (with a note) when out of range. */
function indexOf(
  token: string,
  length: number,
  append: boolean,
  op: JsonPatchOp,
  note: Note,
): number | undefined {
  if (token === '-' && append) return length;
  const i = token === '-' ? length : Number(token);
  if (!isIndexToken(token) || i > (append ? length : length - 1)) {
    note(op, `index ${token} is out of range (${length} items); not applied`);
    return undefined;
  }
  return i;
}

/** An op on `containers` (`rest` is what follows it). */
function containersOp(
  w: Workload,
  rest: string[],
  op: JsonPatchOp,
  note: Note,
): Workload {
  const patched = op.fragment?.containers ?? [];
  if (rest.length === 0)
    return { ...w, containers: op.op === 'remove' ? [] : patched };
  const containers = [...w.containers];
  const whole = rest.length === 1;
  const i = indexOf(
    rest[0],
    containers.length,
    whole && op.op === 'add',
    op,
    note,
  );
  if (i === undefined) return w;
  const value = patched[0];
  if (whole) {
    if (op.op === 'remove') containers.splice(i, 1);
    else if (!value) return w;
    else if (op.op === 'add') containers.splice(i, 0, value);
    else containers[i] = value;
    return { ...w, containers };
  }
  containers[i] = containerOp(containers[i], rest.slice(1), op, value, note);
  return { ...w, containers };
}

/** A container without its preStop hook, pointing at the op that dropped it. */
function withoutPreStop(c: Container, op: JsonPatchOp): Container {
  if (!c.preStop) return c;
  const { preStop: _dropped, ...rest } = c;
  return { ...rest, ref: op.ref };
}

/** An op on a field of a container (`rest` starts at the field); `value` is the op's container. */
function containerOp(
  c: Container,
  rest: string[],
  op: JsonPatchOp,
  value: Container | undefined,
  note: Note,
): Container {
  const remove = op.op === 'remove';
  switch (rest[0]) {
    case 'lifecycle': {
      if (rest.length > 1 && rest[1] !== 'preStop') return c;
      if (rest.length <= 2) {
        return remove || !value?.preStop
          ? withoutPreStop(c, op)
          : { ...c, preStop: value.preStop };
      }
      return preStopFieldOp(c, rest.slice(2), op, value, note);
    }
    case 'env':
      return { ...c, env: envOp(c.env, rest.slice(1), op, value, note) };
    case 'envFrom': {
      if (rest.length === 1) {
        const { envFrom: _dropped, ...without } = c;
        return remove || !value?.envFrom
          ? without
          : { ...c, envFrom: value.envFrom };
      }
      const envFrom = [...(c.envFrom ?? [])];
      const i = indexOf(
        rest[1],
        envFrom.length,
        op.op === 'add' && rest.length === 2,
        op,
        note,
      );
      if (i === undefined || rest.length > 2) return c;
      const item = value?.envFrom?.[0];
      if (remove) envFrom.splice(i, 1);
      else if (op.op === 'add') envFrom.splice(i, 0, ...(item ? [item] : []));
      else if (item) envFrom[i] = item;
      else envFrom.splice(i, 1);
      return { ...c, envFrom };
    }
    case 'ports':
    case 'readinessProbe':
    case 'livenessProbe':
      // A removal may leave the container serving through the rest; it is kept serving.
      return !remove && value?.servesTraffic
        ? { ...c, servesTraffic: true }
        : c;
    case 'name':
      return rest.length === 1 && !remove && op.scalar
        ? { ...c, name: op.scalar.value }
        : c;
    default:
      return c;
  }
}

/** An op below `lifecycle/preStop` (`rest` is what follows it). */
function preStopFieldOp(
  c: Container,
  rest: string[],
  op: JsonPatchOp,
  value: Container | undefined,
  note: Note,
): Container {
  const remove = op.op === 'remove';
  const sleepField =
    startsWith(['sleep', 'seconds'], rest) ||
    startsWith(['exec', 'command'], rest);
  if (sleepField) {
    if (remove)
      return c.preStop ? { ...c, preStop: { ref: c.preStop.ref } } : c;
    return {
      ...c,
      preStop: {
        sleepSeconds: value?.preStop?.sleepSeconds,
        ref: c.preStop?.ref ?? op.ref,
      },
    };
  }
  if (rest[0] === 'sleep' || rest[0] === 'exec')
    note(op, 'an edit inside the preStop command is not read; its sleep kept');
  return remove ? c : { ...c, preStop: c.preStop ?? { ref: op.ref } };
}

/** Env entries after an op on `env` (`rest` is what follows it); a later entry of a name wins. */
function envOp(
  env: ContainerEnv[],
  rest: string[],
  op: JsonPatchOp,
  value: Container | undefined,
  note: Note,
): ContainerEnv[] {
  const remove = op.op === 'remove';
  if (rest.length === 0) return remove ? [] : value?.env ?? [];
  const out = [...env];
  const i = indexOf(
    rest[0],
    out.length,
    op.op === 'add' && rest.length === 1,
    op,
    note,
  );
  if (i === undefined) return env;
  if (rest.length === 1) {
    const item = value?.env[0];
    if (remove) out.splice(i, 1);
    else if (!item) return env;
    else if (op.op === 'add') out.splice(i, 0, item);
    else out[i] = item;
    return lastOfEachName(out);
  }
  const { name } = out[i];
  if (rest.length === 2 && rest[1] === 'value') {
    out[i] =
      remove || !op.scalar ? { name } : { name, value: { ...op.scalar } };
  } else if (rest.length >= 2 && rest[1] === 'valueFrom') {
    out[i] = { name };
  } else if (rest.length === 2 && rest[1] === 'name' && op.scalar && !remove) {
    out[i] = { ...out[i], name: op.scalar.value };
  }
  return lastOfEachName(out);
}

/** Env entries without those a later entry of the same name overrides (the kubelet's rule). */
function lastOfEachName(env: ContainerEnv[]): ContainerEnv[] {
  return env.filter((e, i) => !env.slice(i + 1).some(l => l.name === e.name));
}
