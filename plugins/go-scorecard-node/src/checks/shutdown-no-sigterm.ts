import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { describePackage, handlesSigterm, mainPackages } from './mainPackages';

/** `shutdown-no-sigterm`: a main package serves but never handles SIGTERM. */
export const shutdownNoSigtermCheck: Check = {
  id: 'shutdown-no-sigterm',
  run(facts) {
    const serving = mainPackages(facts).filter(p => p.files.some(f => f.serveCalls.length));
    if (serving.length === 0) return { notApplicable: 'no main package serves traffic' };
    const findings: Finding[] = [];
    for (const pkg of serving) {
      if (handlesSigterm(pkg)) continue;
      const first = pkg.files.find(f => f.serveCalls.length)!.serveCalls[0];
      const notify = pkg.files.flatMap(f => f.signalHandling)[0];
      const why = notify
        ? `its signal.Notify/NotifyContext (line ${notify.line} of ${notify.path}) does not include syscall.SIGTERM`
        : 'it never calls signal.Notify or signal.NotifyContext with syscall.SIGTERM';
      findings.push(
        findingAt(
          first,
          `${describePackage(pkg)} serves with ${first.callee} but ${why}: Kubernetes stops pods with SIGTERM, so in-flight requests are cut off`,
        ),
      );
    }
    return { findings };
  },
};
