import { ServiceFacts, Workload } from '../facts';
import { Origin } from '../program/origins';
import { envValues, GivenValue } from './workloadEnv';
import { flagValues } from './workloadFlags';

/** A value read from outside the code that a workload's containers may give: an env variable or a flag. */
export type WorkloadRead = Extract<Origin, { k: 'env' | 'flag' }>;

/**
 * What workloads give the environment variables and flags some origins read (each read once per
 * kind, name, unit and template: a read's `template` puts the value in the value it is part of,
 * see `filled`): the values of their containers' env (`envValues`) and command lines
 * (`flagValues`), each with the read and how a message names it (`env USERS_ADDR`, `flag -users`).
 */
export function workloadValues(
  facts: ServiceFacts,
  origins: Iterable<Origin>,
  workloads: Workload[] = facts.workloads,
): (GivenValue & { read: WorkloadRead; what: string })[] {
  const out: (GivenValue & { read: WorkloadRead; what: string })[] = [];
  const seen = new Set<string>();
  for (const read of origins) {
    if (read.k !== 'env' && read.k !== 'flag') continue;
    const key = `${read.k} ${read.name} ${read.unit ?? ''} ${
      read.template ?? ''
    }`;
    if (seen.has(key)) continue;
    seen.add(key);
    const values =
      read.k === 'env'
        ? envValues(facts, read.name, workloads)
        : flagValues(facts, read.name, workloads);
    const what = read.k === 'env' ? `env ${read.name}` : `flag -${read.name}`;
    for (const v of values) out.push({ ...v, read, what });
  }
  return out;
}
