import { CheckSeverity } from '@internal/plugin-go-scorecard-common';

export type { FindingWaiver } from '@internal/plugin-go-scorecard-common';

export { POLICY_FILE } from '@internal/plugin-go-scorecard-common';

/** One well-formed waiver of `.go-scorecard.yaml`. */
export interface RepositoryWaiver {
  check: string;
  /** A file path or folder prefix relative to the scanned root; undefined = the whole repository. */
  path?: string;
  reason: string;
  /** `YYYY-MM-DD`. */
  expires: string;
  /** 1-based line of the entry. */
  line: number;
}

/** A check turned off (or explicitly on) in `.go-scorecard.yaml`. */
export interface CheckSetting {
  check: string;
  enabled: boolean;
  line: number;
}

/**
 * What `.go-scorecard.yaml` says, once read: its well-formed entries, and one problem per
 * entry or key that does not apply (each names its line).
 */
export interface RepositoryPolicy {
  waivers: RepositoryWaiver[];
  checks: CheckSetting[];
  problems: string[];
}

/**
 * The organisation's bounds on what a repository may do, from app-config
 * (`goScorecard.policy`) in the backend and `--policy FILE` in the CLI.
 */
export interface OrgPolicy {
  /** The longest a waiver may run, in days from the scan's day. Default 180. */
  maxWaiverDays: number;
  /** Check ids a repository may turn off, or `'all'`. Default `'all'`. */
  allowTurningOff: 'all' | readonly string[];
  /** A check's severity in place of the catalog's, by check id. */
  severityOverrides: Readonly<Record<string, CheckSeverity>>;
}

/** The policy when none is configured. */
export const defaultOrgPolicy: OrgPolicy = Object.freeze({
  maxWaiverDays: 180,
  allowTurningOff: 'all',
  severityOverrides: Object.freeze({}),
});
