import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { FindingsByPlace, mainPackages } from './mainPackages';

/**
 * `shutdown-errserverclosed`: the error of an http.Server's ListenAndServe/Serve, in code a binary
 * runs, is fatal without a comparison with http.ErrServerClosed.
 */
export const shutdownErrserverclosedCheck: Check = {
  id: 'shutdown-errserverclosed',
  reads: ['go'],
  run(facts, program) {
    const serves = mainPackages(facts, program)
      .flatMap(p => p.serveCalls)
      .filter(s => s.kind === 'http-server');
    if (serves.length === 0) {
      return { notApplicable: 'no binary serves with an http.Server' };
    }
    const findings = new FindingsByPlace<Finding>();
    for (const s of serves) {
      if (!s.fatalWithoutErrServerClosed) continue;
      findings.add(s, () =>
        findingAt(
          s,
          `the error of ${s.callee}() ends the process without a comparison with http.ErrServerClosed, which Shutdown makes it return: a graceful shutdown then exits as a failure before draining`,
        ),
      );
    }
    return { findings: findings.values() };
  },
};
