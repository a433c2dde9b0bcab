import { Check } from './types';
import { findingAt } from './findingAt';

const ADVICE: Record<string, string> = {
  Dial: 'use grpc.NewClient (its default resolver is dns, not passthrough)',
  DialContext:
    'use grpc.NewClient (it connects lazily; its default resolver is dns, not passthrough)',
  WithInsecure: 'use grpc.WithTransportCredentials(insecure.NewCredentials())',
};

/** `grpc-deprecated-dial`: every call of grpc.Dial, grpc.DialContext and grpc.WithInsecure. */
export const grpcDeprecatedDialCheck: Check = {
  id: 'grpc-deprecated-dial',
  reads: ['go'],
  run(facts) {
    if (
      !facts.goFiles.some(f =>
        f.imports.some(i => i.path === 'google.golang.org/grpc'),
      )
    ) {
      return { notApplicable: 'no Go file imports google.golang.org/grpc' };
    }
    return {
      findings: facts.goFiles.flatMap(f =>
        f.deprecatedDialCalls.map(call => {
          const name = call.callee.slice(call.callee.lastIndexOf('.') + 1);
          return findingAt(
            call,
            `${call.callee} is deprecated: ${
              ADVICE[name] ?? 'use grpc.NewClient'
            }`,
          );
        }),
      ),
    };
  },
};
