import { Check } from './types';
import { findingAt } from './findingAt';

/** `context-cancel-not-called`: a named cancel func is not used on some path (go vet lostcancel). */
export const contextCancelNotCalledCheck: Check = {
  id: 'context-cancel-not-called',
  run(facts) {
    if (facts.goFiles.length === 0) return { notApplicable: 'no Go files' };
    return {
      findings: facts.goFiles.flatMap(f =>
        f.contextFindings
          .filter(c => c.checkId === 'context-cancel-not-called')
          .map(c => findingAt(c, c.message)),
      ),
    };
  },
};
