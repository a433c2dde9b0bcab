import { defaultScorecardConfig } from '../config/ScorecardConfig';
import { ClaimedEntity, ScanTarget } from '../database/types';
import { EntityScanner, ScanOutcome } from '../scanning/EntityScanner';
import { fakeReport } from './reports';

/** Worker settings for tests: short timeouts, a long interval, four slots. */
export const workerTestConfig = {
  ...defaultScorecardConfig,
  batchSize: 10,
  concurrency: 4,
  timeoutMs: 200,
  leaseMs: 60_000,
  retryBackoffMs: 1000,
  scanIntervalMs: 3600_000,
  shutdownTimeoutMs: 300,
  scanNowTimeoutMs: 2000,
};

/** `n` selected components with URL sources, refs in sort order. */
export function scanTargets(n: number): ScanTarget[] {
  return Array.from({ length: n }, (_, i) => ({
    entityRef: `component:default/svc-${String(i).padStart(4, '0')}`,
    kind: 'Component',
    namespace: 'default',
    name: `svc-${i}`,
    source: `url:https://git.example.com/svc-${i}`,
  }));
}

/** A scanner that records every completed scan, by entity and by replica. */
export class CountingScanner implements EntityScanner {
  readonly scans = new Map<string, string[]>();
  constructor(private readonly replica: string, private readonly delayMs = 2) {}
  async scan(entity: ClaimedEntity): Promise<ScanOutcome> {
    await new Promise(r => setTimeout(r, Math.random() * this.delayMs));
    this.scans.set(entity.entityRef, [
      ...(this.scans.get(entity.entityRef) ?? []),
      this.replica,
    ]);
    return { unchanged: false, report: fakeReport(), etag: 'e' };
  }
}

export function sleep(ms: number) {
  return new Promise(r => setTimeout(r, ms));
}
