import { CheckResult } from './types';

/** The lessons whose checks read Go code (2: context, 4: goroutine leaks). */
const GO_CODE_LESSONS: readonly number[] = [2, 4];

/** The reasons a Go code check gives when the tree holds no Go at all. */
const NO_GO = /no go\.mod|no Go files/i;

/**
 * Whether a scanned service is a Go service: false when the scanned source has no Go
 * module and no Go files, which every check of the Go code lessons (2 and 4) reports as
 * not applicable for that reason. A result without such checks counts as Go (nothing says
 * otherwise). The one rule the card, the backend (which stores it with each result and
 * leaves non-Go services out of every score and aggregate) and the CLI apply.
 *
 * @param checks - the checks of one scan
 */
export function isGoService(
  checks: readonly Pick<CheckResult, 'lesson' | 'status' | 'message'>[],
): boolean {
  const goChecks = checks.filter(c => GO_CODE_LESSONS.includes(c.lesson));
  if (!goChecks.length) return true;
  return !goChecks.every(
    c => c.status === 'not_applicable' && NO_GO.test(c.message ?? ''),
  );
}
