import { runCli } from './scan';

runCli(process.argv.slice(2), process.env, !!process.stdout.isTTY).then(
  ({ stdout, stderr, code }) => {
    process.stderr.write(stderr);
    process.stdout.write(stdout, () => process.exit(code));
  },
  error => {
    process.stderr.write(`go-scorecard: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
