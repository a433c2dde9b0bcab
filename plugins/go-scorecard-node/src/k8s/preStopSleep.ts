import { argvCommands } from '../shell/commands';

/** Seconds of a `sleep` argument: `5`, `5s`, `1.5`, `2m`; undefined when not a duration. */
function seconds(arg: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(arg ?? '');
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600 }[m[2]] ?? 1;
  return Number(m[1]) * unit;
}

/**
 * Total seconds slept by a preStop `exec.command` (`["sleep", "5"]`,
 * `["/bin/sh", "-c", "sleep 5 && nginx -s quit"]`), or undefined when it does not sleep.
 */
export function preStopSleepSeconds(command: string[]): number | undefined {
  let total: number | undefined;
  for (const c of argvCommands(command, 1, '')) {
    const name = c.argv[0]?.slice(c.argv[0].lastIndexOf('/') + 1);
    const s = name === 'sleep' ? seconds(c.argv[1]) : undefined;
    if (s !== undefined) total = (total ?? 0) + s;
  }
  return total;
}
