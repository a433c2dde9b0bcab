import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { invokingFolder } from './invokingFolder';

/** The output formats of the CLI. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** The lowest severity whose failure makes the exit code 1; `never` always exits 0. */
export type FailOn = 'error' | 'warning' | 'never';

/** What the command line asked for. */
export interface CliOptions {
  /** The folder to scan as typed: the report's `root` and the text output's heading. */
  dir: string;
  /** The folder to scan, absolute: `dir` resolved against the shell's folder ({@link invokingFolder}). */
  resolvedDir: string;
  format: OutputFormat;
  failOn: FailOn;
  maxFileBytes?: number;
  /**
   * `--max-findings`: findings shown per check in text and JSON (SARIF carries all); 0 = no
   * cap; undefined = the format's default (10 in text, 100 in JSON; see `findingsCapFor`).
   */
  maxFindings?: number;
  /** Base URL of the portal, for fix links (`<base>/go-scorecard/lessons/...`). */
  docsUrl?: string;
  color: boolean;
  /** Worker threads that parse Go files; 0 = the main thread only. Default: the cores available. */
  workers: number;
  /**
   * Absolute folder that keeps the facts of Go files between runs, or undefined for none.
   * Default `$GO_SCORECARD_CACHE_DIR`, else `$XDG_CACHE_HOME/go-scorecard/facts`, else
   * `$HOME/.cache/go-scorecard/facts`; `--no-cache` turns it off.
   */
  cacheDir?: string;
  /** `--policy FILE`: the org policy file as typed, and resolved like DIR; undefined = the default policy. */
  policyFile?: { typed: string; resolved: string };
  /** `--as-of YYYY-MM-DD`: the day (UTC) waivers are judged on; undefined = today. */
  asOf?: string;
}

/** A usage error: exit code 2, with one line saying what is wrong and where help is. */
export class UsageError extends Error {}

/** The line after a usage error's message: where the full help is. */
export const usageHint = "Run 'yarn scan --help' for usage.";

/** The `--help` text. */
export const helpText = `Usage: go-scorecard DIR [options]     (in this repository: yarn scan DIR [options])

Scans a Go service's repository folder for the five production lessons of Go Service
Scorecard (tooling, protobuf, gRPC DNS, context leaks, graceful shutdown). DIR, --policy
and --cache-dir are relative to the folder you run the command in, with yarn scan too.
Waivers and check settings come from DIR/.go-scorecard.yaml (docs/policy.md).

Options:
  --format text|json|sarif   output format (default: text; json and sarif go to stdout only)
  --fail-on error|warning|never
                             exit 1 when a check of this severity or above fails (default: error)
  --max-file-bytes N         skip files larger than N bytes (default: 2097152)
  --max-findings N           show at most N findings per check, with the true total
                             (default: 10 in text, 100 in json; 0 = all); sarif always has all
  --policy FILE              the org policy, YAML or JSON with the keys of app-config's
                             goScorecard.policy: maxWaiverDays, allowTurningOff,
                             severityOverrides (default: waivers up to 180 days, any
                             check may be turned off, the catalog's severities)
  --as-of YYYY-MM-DD         judge waivers as of this day, UTC (default: today)
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

Exit codes: 0 no failing check at or above --fail-on; 1 there is one; 2 bad usage, unreadable
DIR or a bad --policy file; 130 / 143 interrupted (SIGINT / SIGTERM), nothing reported. A check that could not analyze
its input (status error) does not set the exit code; stderr names it.`;

const formats: readonly string[] = ['text', 'json', 'sarif'];
const failOns: readonly string[] = ['error', 'warning', 'never'];

/** The options `node:util` parseArgs knows; every check of their values is done below. */
const optionSpec = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'max-file-bytes': { type: 'string' },
  'max-findings': { type: 'string' },
  'docs-url': { type: 'string' },
  workers: { type: 'string' },
  'cache-dir': { type: 'string' },
  policy: { type: 'string' },
  'as-of': { type: 'string' },
  'no-color': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof optionSpec;

const isOptionName = (name: string): name is OptionName =>
  Object.prototype.hasOwnProperty.call(optionSpec, name);

/** A whole number from the command line: digits only (no "", "1e3", "0x10" or " 5"). */
function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A calendar day `YYYY-MM-DD` that exists (not 2026-02-30). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value
  );
}

/**
 * Parses argv (without node and the script) with `node:util` parseArgs. Returns `'help'`
 * for -h/--help. Accepts `--opt value` and `--opt=value`, and `--` before a DIR that starts
 * with a dash. DIR, --policy and --cache-dir (and a relative `GO_SCORECARD_CACHE_DIR`) resolve against
 * {@link invokingFolder}. Throws {@link UsageError} with a one-line message.
 */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): CliOptions | 'help' {
  // Not strict: an unknown option or a missing value arrives as a token, so the messages are ours.
  const { tokens } = parseNodeArgs({
    args: argv,
    options: optionSpec,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (
    tokens.some(
      t => t.kind === 'option' && t.name === 'help' && t.value === undefined,
    )
  )
    return 'help';

  const base = invokingFolder(env);
  const positional: string[] = [];
  let cacheDir: string | undefined;
  let noCache = false;
  const options: CliOptions = {
    dir: '',
    resolvedDir: '',
    format: 'text',
    failOn: 'error',
    docsUrl: env.GO_SCORECARD_DOCS_URL || undefined,
    color: isTTY && !env.NO_COLOR,
    workers: availableParallelism(),
    cacheDir: defaultCacheDir(env),
  };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    if (!isOptionName(name)) throw new UsageError(`unknown option ${rawName}`);
    if (optionSpec[name].type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`${rawName} takes no value`);
      if (name === 'no-color') options.color = false;
      else if (name === 'no-cache') noCache = true;
      continue;
    }
    const value = token.value;
    // `--cache-dir --no-cache` is a missing value, not a folder named "--no-cache".
    if (value === undefined || (!token.inlineValue && value.startsWith('--')))
      throw new UsageError(`${rawName} needs a value`);
    switch (name) {
      case 'format':
        if (!formats.includes(value))
          throw new UsageError(
            `--format must be one of ${formats.join(', ')}, not "${value}"`,
          );
        options.format = value as OutputFormat;
        break;
      case 'fail-on':
        if (!failOns.includes(value))
          throw new UsageError(
            `--fail-on must be one of ${failOns.join(', ')}, not "${value}"`,
          );
        options.failOn = value as FailOn;
        break;
      case 'max-file-bytes': {
        const n = wholeNumber(value);
        if (!n)
          throw new UsageError(
            `--max-file-bytes must be a positive whole number, not "${value}"`,
          );
        options.maxFileBytes = n;
        break;
      }
      case 'max-findings': {
        const n = wholeNumber(value);
        if (n === undefined || !Number.isSafeInteger(n))
          throw new UsageError(
            `--max-findings must be a whole number (0 = all), not "${value}"`,
          );
        options.maxFindings = n;
        break;
      }
      case 'workers': {
        const n = wholeNumber(value);
        if (n === undefined || n > 256)
          throw new UsageError(
            `--workers must be a whole number from 0 to 256, not "${value}"`,
          );
        options.workers = n;
        break;
      }
      case 'cache-dir':
        if (!value) throw new UsageError('--cache-dir needs a folder');
        cacheDir = resolve(base, value);
        break;
      case 'policy':
        if (!value) throw new UsageError('--policy needs a file');
        options.policyFile = { typed: value, resolved: resolve(base, value) };
        break;
      case 'as-of':
        if (!isDay(value))
          throw new UsageError(
            `--as-of must be a day as YYYY-MM-DD, not "${value}"`,
          );
        options.asOf = value;
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
  options.resolvedDir = resolve(base, positional[0]);
  if (cacheDir !== undefined) options.cacheDir = cacheDir;
  if (noCache) options.cacheDir = undefined;
  else if (options.cacheDir) options.cacheDir = resolve(base, options.cacheDir);
  return options;
}

/**
 * Where the cache lives when no option says: `go-scorecard/facts` in the XDG cache folder. A
 * relative `XDG_CACHE_HOME` is ignored, as the XDG Base Directory Specification says.
 */
function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GO_SCORECARD_CACHE_DIR) return env.GO_SCORECARD_CACHE_DIR;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME))
    return join(env.XDG_CACHE_HOME, 'go-scorecard', 'facts');
  if (env.HOME) return join(env.HOME, '.cache', 'go-scorecard', 'facts');
  return undefined;
}
