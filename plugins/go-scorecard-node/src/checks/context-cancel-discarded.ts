import { Check } from './types';
import { cancelSource, confirmedCancels } from './cancelFacts';
import { findingAt } from './findingAt';

/**
 * `context-cancel-discarded`: the cancel func of a context.With* call is assigned to `_` (go vet
 * lostcancel's first rule), or that of a function of the tree that returns one.
 */
export const contextCancelDiscardedCheck: Check = {
  id: 'context-cancel-discarded',
  reads: ['go'],
  run(facts, program) {
    if (facts.goFiles.length === 0) return { notApplicable: 'no Go files' };
    return {
      findings: facts.goFiles.flatMap(f =>
        confirmedCancels(f, program)
          .filter(c => c.kind === 'discarded')
          .map(c =>
            findingAt(
              c,
              `the cancel function returned by ${cancelSource(
                c,
              )} should be called, not discarded, to avoid a context leak`,
            ),
          ),
      ),
    };
  },
};
