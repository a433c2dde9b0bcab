import { Finding } from '@internal/plugin-go-scorecard-common';
import { CallRef } from '../facts';
import { Check } from './types';
import { findingAt } from './findingAt';
import { FindingsByPlace, mainPackages } from './mainPackages';
import { receiverName } from '../go/shutdownFallbacks';
import { serverNames } from './callerRules';

/**
 * `shutdown-grpc-stop`: a binary stops a gRPC server with Stop() and never calls GracefulStop()
 * on it (grpc-go: Stop cancels in-flight RPCs; GracefulStop waits for them).
 */
export const shutdownGrpcStopCheck: Check = {
  id: 'shutdown-grpc-stop',
  reads: ['go'],
  run(facts, program) {
    // A server made by a library (`configgrpc.ServerConfig.ToServer`) is known by its
    // declared type where it is served or stopped.
    const binaries = mainPackages(facts, program).filter(
      p =>
        p.grpcServers.length ||
        p.grpcStopCalls.length ||
        p.serveCalls.some(s => s.kind === 'grpc'),
    );
    if (binaries.length === 0)
      return { notApplicable: 'no binary creates or serves a grpc.Server' };
    const findings = new FindingsByPlace<Finding>();
    for (const pkg of binaries) {
      // A helper's parameter names the servers its calls hand it (`drain(a)`, `kill(b)`).
      const names = (call: CallRef) => serverNames(program, pkg.binary, call);
      const drained = new Set(pkg.grpcGracefulStopCalls.flatMap(names));
      const servers = Math.max(
        pkg.grpcServers.length,
        new Set(pkg.serveCalls.filter(s => s.kind === 'grpc').map(receiverName))
          .size,
      );
      for (const stop of pkg.grpcStopCalls) {
        // A GracefulStop of a server of the same name excuses the Stop (the fallback after a
        // timeout). With one server in the binary, any GracefulStop is that server's (a shared
        // lifecycle helper names it otherwise); with several, each needs its own.
        if (
          names(stop).every(n => drained.has(n)) ||
          (drained.size > 0 && servers <= 1)
        )
          continue;
        findings.add(stop, () =>
          findingAt(
            stop,
            `${stop.callee}() cancels in-flight RPCs and nothing the binary runs calls GracefulStop() on that server: call GracefulStop(), with Stop() only as a fallback after a timeout`,
          ),
        );
      }
    }
    return { findings: findings.values() };
  },
};
