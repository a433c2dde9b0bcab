import { Check } from './types';
import { findingAt } from './findingAt';

/** `context-cancel-discarded`: the cancel func of a context.With* call is assigned to `_`. */
export const contextCancelDiscardedCheck: Check = {
  id: 'context-cancel-discarded',
  run(facts) {
    if (facts.goFiles.length === 0) return { notApplicable: 'no Go files' };
    return {
      findings: facts.goFiles.flatMap(f =>
        f.contextFindings
          .filter(c => c.checkId === 'context-cancel-discarded')
          .map(c => findingAt(c, c.message)),
      ),
    };
  },
};
