import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { ClaimedEntity } from '../database/types';
import { SourceFetcher } from '../source/SourceFetcher';

/** The outcome of scanning one entity: unchanged since the stored ETag, or a new report. */
export type ScanOutcome =
  | { unchanged: true }
  | { unchanged: false; report: ScanReport; etag: string };

/** Scans one claimed entity. Must stop when `signal` aborts. */
export interface EntityScanner {
  scan(entity: ClaimedEntity, signal: AbortSignal): Promise<ScanOutcome>;
}

/** Fetches the entity's source (skipping analysis when its ETag is unchanged) and analyzes it. */
export class SourceScanner implements EntityScanner {
  constructor(
    private readonly fetcher: SourceFetcher,
    private readonly analyzer: Pick<Analyzer, 'analyze'>,
  ) {}

  async scan(entity: ClaimedEntity, signal: AbortSignal): Promise<ScanOutcome> {
    const fetched = await this.fetcher.fetch(entity, signal);
    if (fetched.unchanged) return { unchanged: true };
    const report = await this.analyzer.analyze(fetched.tree, fetched.root, signal);
    return { unchanged: false, report, etag: fetched.etag };
  }
}
