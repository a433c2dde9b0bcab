import type { CliRun } from './scan';

/** The signals that interrupt a run. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** The signals that interrupt a run, in the order the CLI listens for them. */
export const interruptSignals: readonly InterruptSignal[] = [
  'SIGINT',
  'SIGTERM',
];

/** The shell's exit code for a process ended by a signal: 128 + its number. */
export const interruptExitCodes: Record<InterruptSignal, 130 | 143> = {
  SIGINT: 130,
  SIGTERM: 143,
};

/** The signal an aborted run was stopped by: the abort reason when it names one, else SIGINT. */
export function interruptSignalOf(signal: AbortSignal): InterruptSignal {
  return signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}

/**
 * What an interrupted run prints: nothing on stdout (a half report would read as a whole
 * one), one line on stderr, and 130 for SIGINT or 143 for SIGTERM.
 */
export function interruptedRun(signal: AbortSignal): CliRun {
  const name = interruptSignalOf(signal);
  return {
    stdout: '',
    stderr: `go-scorecard: interrupted (${name}); nothing was reported\n`,
    code: interruptExitCodes[name],
  };
}
