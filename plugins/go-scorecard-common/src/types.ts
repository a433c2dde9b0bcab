/** How much a failed check matters. A failed `error` check reports `fail`; `warning` and `info` report `warn`. */
export type CheckSeverity = 'error' | 'warning' | 'info';

/** The outcome of one check on one service. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'not_applicable' | 'error';

/** The five lessons, by number. */
export type LessonId = 1 | 2 | 3 | 4 | 5;

/** One place in a service's files where a check found a problem. */
export interface Finding {
  /** Path relative to the scanned root, POSIX separators. */
  path: string;
  /** 1-based line. */
  line: number;
  message: string;
  /** The offending source line (or lines), trimmed and shortened. */
  snippet: string;
  /** Set when a waiver of `.go-scorecard.yaml` covers the finding: it does not count for the status. */
  waiver?: FindingWaiver;
  /**
   * The waiver that covered this finding until it expired (its `expires` is in the past):
   * the finding counts again; this keeps since when and why it had been waived.
   */
  expiredWaiver?: FindingWaiver;
}

/**
 * A waiver from the repository's `.go-scorecard.yaml` (design.md, "Policy as code"):
 * `expires` is the last day it holds, `YYYY-MM-DD` (UTC); `source` is `.go-scorecard.yaml:N`.
 */
export interface FindingWaiver {
  reason: string;
  expires: string;
  source: string;
}

/** One check's result on one service: the shape of the CLI's JSON and of the REST API (kept equal to the types generated from openapi.yaml by wireTypes.test.ts). */
export interface CheckResult {
  id: string;
  lesson: LessonId;
  severity: CheckSeverity;
  status: CheckStatus;
  /**
   * In file/line order. Where findings are capped (the REST API, the CLI's JSON and text),
   * at most the cap: the first ones; {@link CheckResult.totalFindings} is the true number.
   */
  findings: Finding[];
  /**
   * The true number of findings; `findings` holds at most the cap, in file/line order.
   * The status is decided on all of them, so a check whose list was capped still fails.
   * Set by `capFindings` (every REST API response and the CLI's JSON carry it); when
   * absent, `findings` is complete.
   */
  totalFindings?: number;
  /**
   * How many of the findings (all of them, also when `findings` is capped) a waiver of
   * `.go-scorecard.yaml` covers; they do not count for the status. Set by the analyzer;
   * absent when none is waived. Read it with `waivedTotal`.
   */
  waivedFindings?: number;
  /**
   * Why the check is `not_applicable` or `error`; for any status, what the check left out
   * and why (`k8s-prestop` leaves out containers that run third-party images).
   */
  message?: string;
}

/** A check's result as served (REST API, the CLI's JSON): capped, so `totalFindings` is always there. */
export type CappedCheckResult = CheckResult & { totalFindings: number };

/** A problem with one input file that did not stop the scan (skipped, too large, unparsable). */
export interface ScanNote {
  path: string;
  message: string;
}

/** The result of analyzing one source tree: every check of the catalog, once. */
export interface ScanReport {
  schemaVersion: 1;
  root: string;
  checks: CheckResult[];
  /** Files skipped or partly analyzed, with the reason. */
  notes?: ScanNote[];
}
