import {
  CheckSeverity,
  checks,
  getCheck,
} from '@internal/plugin-go-scorecard-common';
import { defaultOrgPolicy, OrgPolicy } from './policyTypes';

const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

/** Thrown for an org policy that is not well-formed; the message names the key. */
export class InvalidOrgPolicyError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'InvalidOrgPolicyError';
  }
}

/**
 * An org policy from plain data: app-config's `goScorecard.policy` (as an object) or the
 * CLI's `--policy FILE` (YAML or JSON), with the same keys:
 *
 * ```yaml
 * maxWaiverDays: 90                      # default 180
 * allowTurningOff: [grpc-deprecated-dial] # or "all" (the default), or [] for none
 * severityOverrides:
 *   k8s-prestop: error
 * ```
 *
 * Missing keys take {@link defaultOrgPolicy}'s values.
 *
 * @param where - names the source in errors, e.g. `goScorecard.policy` or the file's path
 * @throws InvalidOrgPolicyError for an unknown key, a check id not in the catalog, a
 * severity other than error/warning/info, or a `maxWaiverDays` that is not a whole number
 * of days from 1
 */
export function orgPolicyFrom(value: unknown, where: string): OrgPolicy {
  if (value === undefined || value === null) return defaultOrgPolicy;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOrgPolicyError(where, 'expected a mapping');
  }
  const data = value as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!(key in defaultOrgPolicy)) {
      throw new InvalidOrgPolicyError(
        where,
        `unknown key "${key}" (expected ${Object.keys(defaultOrgPolicy).join(
          ', ',
        )})`,
      );
    }
  }
  const maxWaiverDays = data.maxWaiverDays ?? defaultOrgPolicy.maxWaiverDays;
  if (
    typeof maxWaiverDays !== 'number' ||
    !Number.isInteger(maxWaiverDays) ||
    maxWaiverDays < 1
  ) {
    throw new InvalidOrgPolicyError(
      `${where}.maxWaiverDays`,
      `expected a whole number of days from 1, got ${JSON.stringify(
        maxWaiverDays,
      )}`,
    );
  }
  return {
    maxWaiverDays,
    allowTurningOff: allowTurningOff(data.allowTurningOff, where),
    severityOverrides: severityOverrides(data.severityOverrides, where),
  };
}

function allowTurningOff(
  value: unknown,
  where: string,
): OrgPolicy['allowTurningOff'] {
  if (value === undefined || value === 'all') return 'all';
  if (!Array.isArray(value)) {
    throw new InvalidOrgPolicyError(
      `${where}.allowTurningOff`,
      'expected "all" or a list of check ids',
    );
  }
  return value.map((id, i) => knownCheck(id, `${where}.allowTurningOff[${i}]`));
}

function severityOverrides(
  value: unknown,
  where: string,
): OrgPolicy['severityOverrides'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOrgPolicyError(
      `${where}.severityOverrides`,
      'expected a mapping of check ids to error, warning or info',
    );
  }
  const overrides: Record<string, CheckSeverity> = {};
  for (const [id, severity] of Object.entries(value)) {
    const at = `${where}.severityOverrides.${id}`;
    knownCheck(id, at);
    if (!SEVERITIES.includes(severity as CheckSeverity)) {
      throw new InvalidOrgPolicyError(
        at,
        `expected error, warning or info, got ${JSON.stringify(severity)}`,
      );
    }
    overrides[id] = severity as CheckSeverity;
  }
  return overrides;
}

function knownCheck(id: unknown, at: string): string {
  if (typeof id !== 'string' || !getCheck(id)) {
    throw new InvalidOrgPolicyError(
      at,
      `unknown check ${JSON.stringify(id)} (known: ${checks
        .map(c => c.id)
        .join(', ')})`,
    );
  }
  return id;
}
