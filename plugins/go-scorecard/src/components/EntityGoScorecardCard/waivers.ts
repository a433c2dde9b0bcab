import {
  CheckResult,
  Finding,
  findingTotal,
  waivedTotal,
} from '@internal/plugin-go-scorecard-common';

/** Waivers that end within this many days are called out ("expires in 12 days"). */
export const EXPIRING_SOON_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A check's findings split by waiver: the counted ones (they decide the status) and the waived. */
export interface WaiverSplit {
  /** The true number of findings that count: all of them less the waived. */
  counted: number;
  /** The true number of waived findings. */
  waived: number;
  /** The counted findings the result lists (the list may be capped). */
  countedShown: Finding[];
  /** The waived findings the result lists. */
  waivedShown: Finding[];
}

/**
 * Splits a check's findings into counted and waived. The totals are the analyzer's
 * (`waivedTotal`: it counts every waived finding, also when the list is capped).
 */
export function splitWaived(check: CheckResult): WaiverSplit {
  const countedShown = check.findings.filter(f => !f.waiver);
  const waivedShown = check.findings.filter(f => f.waiver);
  const total = findingTotal(check);
  const waived = Math.min(total, waivedTotal(check));
  return { counted: total - waived, waived, countedShown, waivedShown };
}

/**
 * Whole days from today (UTC) to a `YYYY-MM-DD` day: 0 on that day, negative after it.
 * Undefined for a date that does not parse.
 */
export function daysUntil(
  day: string,
  now: number = Date.now(),
): number | undefined {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at)) return undefined;
  const today = new Date(now);
  const todayMs = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate(),
  );
  return Math.round((at - todayMs) / DAY_MS);
}

/**
 * How soon a waiver ends, when worth saying: "expires in 12 days" within
 * {@link EXPIRING_SOON_DAYS}, "expires at the end of today" on its last day, "expired on
 * 2026-11-01; counts again from the next scan" once past (the scan was made while it held).
 * Undefined when it ends later.
 *
 * @param expires - the last day the waiver holds, `YYYY-MM-DD` (UTC)
 */
export function expiryNotice(
  expires: string,
  now: number = Date.now(),
): string | undefined {
  const days = daysUntil(expires, now);
  if (days === undefined || days > EXPIRING_SOON_DAYS) return undefined;
  if (days < 0) return `expired on ${expires}; counts again from the next scan`;
  if (days === 0) return 'expires at the end of today';
  return `expires in ${days} ${days === 1 ? 'day' : 'days'}`;
}
