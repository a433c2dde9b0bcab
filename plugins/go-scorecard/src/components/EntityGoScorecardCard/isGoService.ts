import { EntityResult } from '../../api/types';

/**
 * False when the scanned source has no Go module and no Go files: every check of the Go
 * code lessons (2 and 4) is not applicable for that reason.
 */
export function isGoService(result: EntityResult): boolean {
  const goChecks = result.checks.filter(c => c.lesson === 2 || c.lesson === 4);
  if (result.state !== 'scanned' || !goChecks.length) return true;
  return !goChecks.every(
    c =>
      c.status === 'not_applicable' &&
      /no go\.mod|no Go files/i.test(c.message ?? ''),
  );
}
