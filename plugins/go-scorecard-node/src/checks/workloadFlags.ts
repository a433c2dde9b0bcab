import { Container, LocatedValue, ServiceFacts, Workload } from '../facts';
import { expandReferences, GivenValue, goContainers } from './workloadEnv';

/** `-name=value`, `--name=value`, or `-name`/`--name` with the value in the next word. */
const FLAG_WORD = /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/;
/**
 * The words of a container's command line: each `command`/`args` item, and the words of an item
 * with blanks in it (`sh -c "/app --users=users:8080"`), each at its item's line.
 */
function commandWords(c: Container): LocatedValue[] {
  return (c.args ?? []).flatMap(a =>
    /\s/.test(a.value.trim())
      ? a.value
          .trim()
          .split(/\s+/)
          .map(w => ({ ...a, value: w.replace(/^(["'])(.*)\1$/, '$2') }))
      : [a],
  );
}

/**
 * The values the service's workloads give a command-line flag in their containers' `command`
 * and `args` (`--users-addr=users:8080`, `-users-addr users:8080`, as Go's `flag` and pflag read
 * them; `$(VAR)` references expanded from the container's env). A container of the repository's
 * programs in another language is left out (see `otherLanguageImages`). `where` says which
 * container, for messages; `workloads`: those to look in (all of the service's by default).
 */
export function flagValues(
  facts: ServiceFacts,
  name: string,
  workloads: Workload[] = facts.workloads,
): GivenValue[] {
  const out: GivenValue[] = [];
  for (const { workload, container: c, where } of goContainers(
    facts,
    workloads,
  )) {
    if (!c.args) continue;
    const words = commandWords(c);
    words.forEach((word, i) => {
      const m = FLAG_WORD.exec(word.value);
      if (!m || m[1] !== name) return;
      const given = m[2] !== undefined ? word : words[i + 1];
      const raw = m[2] ?? given?.value;
      if (
        !given ||
        raw === undefined ||
        (m[2] === undefined && raw.startsWith('-'))
      )
        return;
      const value = expandReferences(raw, c);
      if (value === undefined) return;
      out.push({ value: { ...given, value }, where, workload, container: c });
    });
  }
  return out;
}
