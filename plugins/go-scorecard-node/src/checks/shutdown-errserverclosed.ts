import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { mainPackages } from './mainPackages';

/**
 * `shutdown-errserverclosed`: the error of an http.Server's ListenAndServe/Serve is fatal
 * without a comparison with http.ErrServerClosed.
 */
export const shutdownErrserverclosedCheck: Check = {
  id: 'shutdown-errserverclosed',
  run(facts) {
    const serves = mainPackages(facts)
      .flatMap(p => p.files)
      .flatMap(f => f.serveCalls)
      .filter(s => s.kind === 'http-server');
    if (serves.length === 0) {
      return { notApplicable: 'no http.Server serve call in a main package' };
    }
    const findings: Finding[] = serves
      .filter(s => s.fatalWithoutErrServerClosed)
      .map(s =>
        findingAt(
          s,
          `the error of ${s.callee}() ends the process without a comparison with http.ErrServerClosed, which Shutdown makes it return: a graceful shutdown then exits as a failure before draining`,
        ),
      );
    return { findings };
  },
};
