import {
  InterruptSignal,
  interruptExitCodes,
  interruptSignals,
  interruptedRun,
} from './interrupt';
import { CliRun, runCli } from './scan';

// The first SIGINT/SIGTERM stops the scan: its worker threads end, nothing is reported. A
// second one ends the process at once with the same line: a kill of the process group under
// `yarn scan` reaches the CLI twice (directly, and forwarded by yarn), and a second Ctrl-C
// should not wait.
const controller = new AbortController();
/** What the run returned, once it is being printed. */
let result: CliRun | undefined;

function onSignal(signal: InterruptSignal) {
  if (!result && !controller.signal.aborted) {
    controller.abort(signal);
    return;
  }
  if (!result) {
    const interrupted = interruptedRun(controller.signal);
    process.stderr.write(interrupted.stderr);
    process.exit(interrupted.code);
  }
  // Already printing: an interrupted run's line is out; a report is cut short.
  if (result.code < 128)
    process.stderr.write(
      `go-scorecard: interrupted (${signal}) while printing the report\n`,
    );
  process.exit(result.code < 128 ? interruptExitCodes[signal] : result.code);
}

for (const signal of interruptSignals) process.on(signal, onSignal);

runCli(
  process.argv.slice(2),
  process.env,
  !!process.stdout.isTTY,
  controller.signal,
).then(
  run => {
    result = run;
    process.stderr.write(run.stderr);
    process.stdout.write(run.stdout, () => process.exit(run.code));
  },
  error => {
    process.stderr.write(`go-scorecard: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
