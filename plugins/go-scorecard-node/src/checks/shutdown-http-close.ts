import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import {
  describePackage,
  FindingsByPlace,
  handlesSigterm,
  mainPackages,
} from './mainPackages';
import { receiverName } from '../go/shutdownFallbacks';

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
      if (!handlesSigterm(pkg) || pkg.httpServerShutdownCalls.length) continue;
      // A server that is closed has its finding there; its serve call would repeat it. With
      // several servers, the Close must be on a receiver of the serve's name (`api.Close()`
      // closes `api`, not a debug server); with one, any Close is its. `http.Serve(l, h)` and
      // `http.ListenAndServe` give no server to close.
      const closed = new Set(closes.map(c => c.server ?? receiverName(c)));
      const servers = new Set(
        pkg.serveCalls.filter(s => s.kind === 'http-server').map(receiverName),
      ).size;
      for (const serve of pkg.serveCalls) {
        if (serve.kind !== 'http-server' && serve.kind !== 'http-func')
          continue;
        if (
          serve.kind === 'http-server' &&
          closes.length &&
          (servers <= 1 || closed.has(receiverName(serve)))
        )
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
