import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_FINDINGS_PER_CHECK } from '@internal/plugin-go-scorecard-common';

/** The output formats of the CLI. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** The lowest severity whose failure makes the exit code 1; `never` always exits 0. */
export type FailOn = 'error' | 'warning' | 'never';

/** What the command line asked for. */
export interface CliOptions {
  dir: string;
  format: OutputFormat;
  failOn: FailOn;
  maxFileBytes?: number;
  /** Findings shown per check in text and JSON (SARIF carries all); 0 = no cap. Default 100. */
  maxFindings: number;
  /** Base URL of the portal, for fix links (`<base>/go-scorecard/lessons/...`). */
  docsUrl?: string;
  color: boolean;
  /** Worker threads that parse Go files; 0 = the main thread only. Default: the cores available. */
  workers: number;
  /**
   * Folder that keeps the facts of Go files between runs, or undefined for none. Default
   * `$GO_SCORECARD_CACHE_DIR`, else `$XDG_CACHE_HOME/go-scorecard/facts`, else
   * `$HOME/.cache/go-scorecard/facts`; `--no-cache` turns it off.
   */
  cacheDir?: string;
}

/** A usage error: exit code 2, with the message and the help text. */
export class UsageError extends Error {}

/** The `--help` text. */
export const helpText = `Usage: go-scorecard DIR [options]

Scans a Go service's repository folder for the five production lessons of Go Service
Scorecard (tooling, protobuf, gRPC DNS, context leaks, graceful shutdown).

Options:
  --format text|json|sarif   output format (default: text; json and sarif go to stdout only)
  --fail-on error|warning|never
                             exit 1 when a check of this severity or above fails (default: error)
  --max-file-bytes N         skip files larger than N bytes (default: 2097152)
  --max-findings N           show at most N findings per check in text and json, with the
                             true total (default: 100; 0 = all); sarif always has all
  --docs-url URL             your portal's base URL, for fix links (env GO_SCORECARD_DOCS_URL)
  --no-color                 no colour in text output (also NO_COLOR; colour only on a TTY)
  --workers N                worker threads that parse Go files (default: the cores
                             available; 0 = none, all on the main thread)
  --cache-dir DIR            keep the facts of Go files here between runs, so unchanged files
                             are not parsed again (default: $GO_SCORECARD_CACHE_DIR, else
                             $XDG_CACHE_HOME/go-scorecard/facts, else
                             ~/.cache/go-scorecard/facts)
  --no-cache                 neither read nor write the cache
  -h, --help                 this help

Exit codes: 0 no failing check at or above --fail-on; 1 there is one; 2 bad usage or unreadable DIR.
A check that could not analyze its input (status error) does not set the exit code; stderr names it.`;

const formats: readonly string[] = ['text', 'json', 'sarif'];
const failOns: readonly string[] = ['error', 'warning', 'never'];
const valueOptions: readonly string[] = [
  '--format',
  '--fail-on',
  '--max-file-bytes',
  '--max-findings',
  '--docs-url',
  '--workers',
  '--cache-dir',
];

/**
 * Parses argv (without node and the script). Returns `'help'` for --help.
 * Accepts `--opt value` and `--opt=value`.
 */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): CliOptions | 'help' {
  const positional: string[] = [];
  let cacheDir: string | undefined;
  let noCache = false;
  const options: CliOptions = {
    dir: '',
    format: 'text',
    failOn: 'error',
    maxFindings: DEFAULT_MAX_FINDINGS_PER_CHECK,
    docsUrl: env.GO_SCORECARD_DOCS_URL || undefined,
    color: isTTY && !env.NO_COLOR,
    workers: availableParallelism(),
    cacheDir: defaultCacheDir(env),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === '--no-color') {
      options.color = false;
      continue;
    }
    if (name === '--no-cache') {
      options.cacheDir = undefined;
      noCache = true;
      continue;
    }
    if (!valueOptions.includes(name))
      throw new UsageError(`unknown option ${name}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    switch (name) {
      case '--format':
        if (!formats.includes(value))
          throw new UsageError(
            `--format must be one of ${formats.join(', ')}, not "${value}"`,
          );
        options.format = value as OutputFormat;
        break;
      case '--fail-on':
        if (!failOns.includes(value))
          throw new UsageError(
            `--fail-on must be one of ${failOns.join(', ')}, not "${value}"`,
          );
        options.failOn = value as FailOn;
        break;
      case '--max-file-bytes': {
        const n = Number(value);
        if (!Number.isInteger(n) || n <= 0)
          throw new UsageError(
            `--max-file-bytes must be a positive whole number, not "${value}"`,
          );
        options.maxFileBytes = n;
        break;
      }
      case '--max-findings': {
        const n = Number(value);
        if (value.trim() === '' || !Number.isInteger(n) || n < 0)
          throw new UsageError(
            `--max-findings must be a whole number (0 = all), not "${value}"`,
          );
        options.maxFindings = n;
        break;
      }
      case '--workers': {
        const n = Number(value);
        if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 256)
          throw new UsageError(
            `--workers must be a whole number from 0 to 256, not "${value}"`,
          );
        options.workers = n;
        break;
      }
      case '--cache-dir':
        if (!value) throw new UsageError('--cache-dir needs a folder');
        cacheDir = value;
        break;
      default:
        options.docsUrl = value;
    }
  }
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length
        ? `one DIR expected, got ${positional.length}`
        : 'DIR is missing',
    );
  }
  options.dir = positional[0];
  if (cacheDir !== undefined && !noCache) options.cacheDir = cacheDir;
  return options;
}

/** Where the cache lives when no option says: `go-scorecard/facts` in the XDG cache folder. */
function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GO_SCORECARD_CACHE_DIR) return env.GO_SCORECARD_CACHE_DIR;
  if (env.XDG_CACHE_HOME)
    return join(env.XDG_CACHE_HOME, 'go-scorecard', 'facts');
  if (env.HOME) return join(env.HOME, '.cache', 'go-scorecard', 'facts');
  return undefined;
}
