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
 * `shutdown-http-close`: an http.Server is stopped with Close() on a path that did not try
 * Shutdown(ctx) first, or a binary that handles SIGTERM never calls Shutdown on its HTTP server.
 * Close() as the fallback after a bounded Shutdown(ctx) failed is the net/http documentation's
 * pattern, not a finding.
 */
export const shutdownHttpCloseCheck: Check = {
  id: 'shutdown-http-close',
  reads: ['go'],
  run(facts, program) {
    const binaries = mainPackages(facts, program).filter(
      p =>
        p.httpServerCloseCalls.length ||
        p.httpServerShutdownCalls.length ||
        p.serveCalls.some(
          s => s.kind === 'http-server' || s.kind === 'http-func',
        ),
    );
    if (binaries.length === 0)
      return { notApplicable: 'no binary runs an HTTP server' };
    const findings = new FindingsByPlace<Finding>();
    for (const pkg of binaries) {
      const closes = pkg.httpServerCloseCalls.filter(c => !c.afterShutdown);
      for (const close of closes) {
        const what = close.via
          ? `${close.callee} closes the http.Server it is given (${close.via.callee}() at ${close.via.path}:${close.via.line}) at once`
          : `${close.callee}() closes the http.Server at once`;
        findings.add(close, () =>
          findingAt(
            close,
            `${what}, dropping in-flight requests: use Shutdown(ctx) with a timeout (and Close() only if that fails)`,
          ),
        );
      }
      // A binary that closes its server has its finding there; the serve call would repeat it.
      if (
        !handlesSigterm(pkg) ||
        pkg.httpServerShutdownCalls.length ||
        closes.length
      )
        continue;
      for (const serve of pkg.serveCalls) {
        if (serve.kind !== 'http-server' && serve.kind !== 'http-func')
          continue;
        const fix =
          serve.kind === 'http-func'
            ? `${serve.callee} offers no way to drain (closing its listener cuts in-flight requests): use an http.Server and call its Shutdown(ctx)`
            : 'call Shutdown(ctx) on it';
        findings.add(serve, () =>
          findingAt(
            serve,
            `${describePackage(
              pkg,
            )} handles SIGTERM but never shuts down the HTTP server served by ${
              serve.callee
            }: ${fix}`,
          ),
        );
      }
    }
    return { findings: findings.values() };
  },
};
