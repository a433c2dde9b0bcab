import { CancelFact } from '../facts';
import { Check } from './types';
import { confirmedCancels } from './cancelFacts';
import { findingAt } from './findingAt';

/** The message of a cancel func that is not used on every path, in go vet's words. */
function message(c: CancelFact): string {
  const name = c.name ?? 'cancel';
  switch (c.kind) {
    case 'unused':
      return `the ${name} function is never used (context leak): call it, usually with defer ${name}()`;
    case 'reassigned':
      return `the ${name} function is not used on all paths (possible context leak); line ${c.atLine} assigns ${name} again before it is used`;
    default:
      return `the ${name} function is not used on all paths (possible context leak); this return statement (line ${c.atLine}) is reached without using it`;
  }
}

/**
 * `context-cancel-not-called`: a named cancel func is not used on some path (go vet lostcancel),
 * also one returned by a function of the tree.
 */
export const contextCancelNotCalledCheck: Check = {
  id: 'context-cancel-not-called',
  reads: ['go'],
  run(facts, program) {
    if (facts.goFiles.length === 0) return { notApplicable: 'no Go files' };
    return {
      findings: facts.goFiles.flatMap(f =>
        confirmedCancels(f, program)
          .filter(c => c.kind !== 'discarded')
          .map(c => findingAt(c, message(c))),
      ),
    };
  },
};
