import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { describePackage, handlesSigterm, mainPackages } from './mainPackages';

/**
 * `shutdown-http-close`: an http.Server is stopped with Close(), or a main package that handles
 * SIGTERM never calls Shutdown on its HTTP server.
 */
export const shutdownHttpCloseCheck: Check = {
  id: 'shutdown-http-close',
  run(facts) {
    const packages = mainPackages(facts).filter(p =>
      p.files.some(
        f =>
          f.httpServerCloseCalls.length ||
          f.httpServerShutdownCalls.length ||
          f.serveCalls.some(s => s.kind === 'http-server' || s.kind === 'http-func'),
      ),
    );
    if (packages.length === 0) return { notApplicable: 'no HTTP server in a main package' };
    const findings: Finding[] = [];
    for (const pkg of packages) {
      const closes = pkg.files.flatMap(f => f.httpServerCloseCalls);
      for (const close of closes) {
        findings.push(
          findingAt(
            close,
            `${close.callee}() closes the http.Server at once, dropping in-flight requests: use Shutdown(ctx) with a timeout`,
          ),
        );
      }
      const shutdowns = pkg.files.flatMap(f => f.httpServerShutdownCalls);
      // A package that calls Close has its finding there; the serve call would repeat it.
      if (!handlesSigterm(pkg) || shutdowns.length || closes.length) continue;
      for (const serve of pkg.files.flatMap(f => f.serveCalls)) {
        if (serve.kind !== 'http-server' && serve.kind !== 'http-func') continue;
        const fix =
          serve.kind === 'http-func'
            ? `${serve.callee} offers no way to drain: use an http.Server and call its Shutdown(ctx)`
            : 'call Shutdown(ctx) on it';
        findings.push(
          findingAt(
            serve,
            `${describePackage(pkg)} handles SIGTERM but never shuts down the HTTP server served by ${serve.callee}: ${fix}`,
          ),
        );
      }
    }
    return { findings };
  },
};
