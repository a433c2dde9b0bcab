import { SourceRef } from '../facts';

/**
 * Where a template hides what a check needs: `line 23 of chart/templates/api.yaml`,
 * `lines 23, 31 of …`. For the `undecided` places of the k8s checks.
 */
export function hiddenByTemplate(ref: SourceRef, lines: number[]): string {
  const sorted = [...lines].sort((a, b) => a - b);
  const which =
    sorted.length === 1
      ? `line ${sorted[0]}`
      : `lines ${sorted.slice(0, 5).join(', ')}${
          sorted.length > 5 ? ', …' : ''
        }`;
  return `template output the analyzer cannot see at ${which} of ${ref.path} (a named template or file the repository does not hold)`;
}
