import {
  InterruptSignal,
  interruptExitCodes,
  interruptSignals,
} from './interrupt';
import { runCli } from './scan';

// The first SIGINT/SIGTERM stops the scan (its worker threads end, nothing is reported);
// a second one, or one while the report is being written, ends the process at once.
const controller = new AbortController();
let printing = false;

function onSignal(signal: InterruptSignal) {
  if (printing || controller.signal.aborted) {
    process.stderr.write(
      `go-scorecard: interrupted (${signal})${
        printing ? ' while printing the report' : ''
      }\n`,
    );
    process.exit(interruptExitCodes[signal]);
  }
  controller.abort(signal);
}

for (const signal of interruptSignals) process.on(signal, onSignal);

runCli(
  process.argv.slice(2),
  process.env,
  !!process.stdout.isTTY,
  controller.signal,
).then(
  ({ stdout, stderr, code }) => {
    printing = true;
    process.stderr.write(stderr);
    process.stdout.write(stdout, () => process.exit(code));
  },
  error => {
    process.stderr.write(`go-scorecard: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
