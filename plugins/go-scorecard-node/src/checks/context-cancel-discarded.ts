import { Check } from './types';
import { findingAt } from './findingAt';

/**
 * `context-cancel-discarded`: the cancel func of a context.With* call is assigned to `_` (go vet
 * lostcancel's first rule).
 */
export const contextCancelDiscardedCheck: Check = {
  id: 'context-cancel-discarded',
  reads: ['go'],
  run(facts) {
    if (facts.goFiles.length === 0) return { notApplicable: 'no Go files' };
    return {
      findings: facts.goFiles.flatMap(f =>
        f.cancels
          .filter(c => c.kind === 'discarded')
          .map(c =>
            findingAt(
              c,
              `the cancel function returned by context.${c.func} should be called, not discarded, to avoid a context leak`,
            ),
          ),
      ),
    };
  },
};
