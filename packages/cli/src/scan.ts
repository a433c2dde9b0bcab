import { ScanReport, capFindings } from '@internal/plugin-go-scorecard-common';
import {
  Analyzer,
  DirectoryFactsCache,
  DirectoryTree,
} from '@internal/plugin-go-scorecard-node';
import { UsageError, parseArgs, helpText, usageHint } from './args';
import { exitCode } from './exitCode';
import { findingsCapFor } from './findingsCap';
import { folderProblem } from './folderProblem';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { interruptedRun } from './interrupt';
import { OrgPolicyFileError, readOrgPolicyFile } from './orgPolicyFile';
import { undecidedWarning } from './undecidedWarning';

/** What a CLI run printed and its exit code (130 / 143: interrupted by SIGINT / SIGTERM). */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: 0 | 1 | 2 | 130 | 143;
}

/**
 * Runs the CLI on argv (without node and script) and returns what to print. Relative paths
 * resolve against `env.INIT_CWD` (set by `yarn scan`), else the working folder. When
 * `signal` aborts (its reason `'SIGINT'` or `'SIGTERM'`), the scan stops, its worker
 * threads are ended, and the run reports nothing: exit code 130 or 143.
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  isTTY = false,
  signal?: AbortSignal,
): Promise<CliRun> {
  let options;
  try {
    options = parseArgs(argv, env, isTTY);
  } catch (e) {
    if (e instanceof UsageError) {
      return {
        stdout: '',
        stderr: `go-scorecard: ${e.message}\n${usageHint}\n`,
        code: 2,
      };
    }
    throw e;
  }
  if (options === 'help')
    return { stdout: `${helpText}\n`, stderr: '', code: 0 };

  let policy;
  try {
    policy = options.policyFile
      ? await readOrgPolicyFile(options.policyFile)
      : undefined;
  } catch (e) {
    if (e instanceof OrgPolicyFileError)
      return { stdout: '', stderr: `go-scorecard: ${e.message}\n`, code: 2 };
    throw e;
  }

  let tree;
  try {
    tree = await DirectoryTree.open(options.resolvedDir);
  } catch (e) {
    return {
      stdout: '',
      stderr: `go-scorecard: ${folderProblem(
        options.dir,
        options.resolvedDir,
        e,
      )}\n`,
      code: 2,
    };
  }
  if (signal?.aborted) return interruptedRun(signal);
  const cache = options.cacheDir
    ? new DirectoryFactsCache(options.cacheDir)
    : undefined;
  let cacheError: unknown;
  const analyzer = await Analyzer.create({
    maxFileBytes: options.maxFileBytes,
    workers: options.workers,
    factsCache: cache,
    onCacheError: e => {
      cacheError ??= e;
    },
    policy,
    now: options.asOf ? () => new Date(`${options.asOf}T00:00:00Z`) : undefined,
  });
  let report: ScanReport;
  try {
    signal?.throwIfAborted();
    report = await analyzer.analyze(tree, options.dir, signal);
  } catch (e) {
    if (signal?.aborted) return interruptedRun(signal);
    throw e;
  } finally {
    await analyzer.close();
  }
  // The cache only ever speeds a run up: a failure to use or trim it is a warning.
  await cache?.prune().catch(e => {
    cacheError ??= e;
  });
  // A signal handled only now (the last phase of a scan holds the thread) still stops the run.
  if (signal?.aborted) return interruptedRun(signal);
  const cacheWarning =
    cache && cacheError
      ? `go-scorecard: the facts cache in ${cache.dir} failed (${
          (cacheError as Error)?.message ?? cacheError
        }); files it could not give were parsed, and what was parsed may not be kept for the next run\n`
      : '';

  // Text and JSON show at most --max-findings per check (text 10, JSON 100 by default), with
  // each check's true total; SARIF carries every finding (code scanning tools page through them).
  const capped = () =>
    capFindings(report, findingsCapFor(options.format, options.maxFindings));
  let stdout: string;
  if (options.format === 'json')
    stdout = `${JSON.stringify(capped(), null, 2)}\n`;
  else if (options.format === 'sarif') {
    const version = require('../package.json').version;
    stdout = `${JSON.stringify(
      formatSarif(report, {
        docsUrl: options.docsUrl,
        version,
        rootDir: options.resolvedDir,
      }),
      null,
      2,
    )}\n`;
  } else stdout = formatText(capped(), options);
  return {
    stdout,
    stderr: cacheWarning + undecidedWarning(report),
    code: exitCode(report, options.failOn),
  };
}
