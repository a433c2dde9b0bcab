import { isGoService as hasGo } from '@internal/plugin-go-scorecard-common';
import { EntityResult } from '../../api/types';

/**
 * False when a scanned source has no Go module and no Go files (the common package's rule,
 * which the backend and CLI apply too); true for a result not scanned yet.
 */
export function isGoService(result: EntityResult): boolean {
  return result.state !== 'scanned' || hasGo(result.checks);
}
