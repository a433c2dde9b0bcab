import { Finding } from '@internal/plugin-go-scorecard-common';
import { SourceRef } from '../facts';
import { findingAt } from './findingAt';

/**
 * ` (in deploy/overlays/staging, deploy/overlays/dev)`: the root kustomizations (see
 * `Workload.overlay`) a finding holds in, each once, in the order given; `./` for the one at
 * the scanned root. Empty for none.
 */
export function inOverlays(overlays: readonly string[]): string {
  const names = [...new Set(overlays)].map(o => (o === '.' ? './' : o));
  return names.length ? ` (in ${names.join(', ')})` : '';
}

interface Place {
  ref: SourceRef;
  /** Each message, with the overlays it holds in. */
  messages: Map<string, string[]>;
}

/**
 * The findings of a check on workloads, one per place. A workload of a file kustomizations
 * include is judged once per root kustomization (`Workload.overlay`), so its copies find the
 * same line: their findings at one path and line become one, whose message names the overlays
 * (`… (in deploy/overlays/staging, deploy/overlays/dev)`); different messages at that line
 * (a grace period short by different amounts) are joined with `; `, each naming its own.
 * Findings of workloads no kustomization includes are kept as they come. (The shutdown checks'
 * `FindingsByPlace` in `mainPackages.ts` keeps one finding per place across binaries instead.)
 */
export class OverlayFindings {
  private readonly entries: (Finding | Place)[] = [];
  private readonly places = new Map<string, Place>();

  add(ref: SourceRef, message: string, overlay?: string): void {
    if (overlay === undefined) {
      this.entries.push(findingAt(ref, message));
      return;
    }
    const key = `${ref.path}:${ref.line}`;
    let place = this.places.get(key);
    if (!place) {
      place = { ref, messages: new Map() };
      this.places.set(key, place);
      this.entries.push(place);
    }
    place.messages.set(message, [
      ...(place.messages.get(message) ?? []),
      overlay,
    ]);
  }

  findings(): Finding[] {
    return this.entries.map(e =>
      'messages' in e
        ? findingAt(
            e.ref,
            [...e.messages]
              .map(([message, overlays]) => message + inOverlays(overlays))
              .join('; '),
          )
        : e,
    );
  }
}
