import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import {
  describePackage,
  FindingsByPlace,
  handlesSigterm,
  mainPackages,
} from './mainPackages';

/**
 * `shutdown-no-sigterm`: a binary serves but nothing it runs handles SIGTERM. The finding is at the
 * first serve call its `main` reaches, wherever that call lives.
 */
export const shutdownNoSigtermCheck: Check = {
  id: 'shutdown-no-sigterm',
  reads: ['go'],
  run(facts, program) {
    const serving = mainPackages(facts, program).filter(
      p => p.serveCalls.length,
    );
    if (serving.length === 0)
      return { notApplicable: 'no binary (package main) serves traffic' };
    const findings = new FindingsByPlace<Finding>();
    for (const pkg of serving) {
      if (handlesSigterm(pkg)) continue;
      const first = pkg.serveCalls[0];
      const notify = pkg.signalHandling[0];
      const late = pkg.lateSignalHandling.find(l => l.handling.handlesSigterm);
      let why: string;
      if (late)
        why = `its SIGTERM handler (line ${late.handling.line} of ${late.handling.path}) is installed only after ${late.after.call.callee} (line ${late.after.call.line} of ${late.after.call.path}) returns, and that call blocks while it serves: until then SIGTERM ends the process (Go's default)`;
      else if (notify)
        why = `its signal.Notify/NotifyContext (line ${notify.line} of ${notify.path}) does not include syscall.SIGTERM`;
      else
        why =
          'nothing it runs calls signal.Notify or signal.NotifyContext with syscall.SIGTERM';
      findings.add(first, () =>
        findingAt(
          first,
          `${describePackage(pkg)} serves with ${
            first.callee
          } but ${why}: Kubernetes stops pods with SIGTERM, so in-flight requests are cut off`,
        ),
      );
    }
    return { findings: findings.values() };
  },
};
