import {
  capFindings,
  DEFAULT_MAX_FINDINGS_PER_CHECK,
} from '@internal/plugin-go-scorecard-common';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { ClaimedEntity, ScanOutcome } from '../database/types';
import { SourceFetcher } from '../source/SourceFetcher';

export type { ScanOutcome } from '../database/types';

/** Scans one claimed entity. Must stop when `signal` aborts. */
export interface EntityScanner {
  scan(entity: ClaimedEntity, signal: AbortSignal): Promise<ScanOutcome>;
}

/**
 * Fetches the entity's source (skipping analysis when its ETag is unchanged) and analyzes
 * it. The report's findings are capped per check (`goScorecard.limits.maxFindingsPerCheck`)
 * before anything stores or serves them; each check keeps its true `totalFindings`.
 */
export class SourceScanner implements EntityScanner {
  constructor(
    private readonly fetcher: SourceFetcher,
    private readonly analyzer: Pick<Analyzer, 'analyze'>,
    private readonly options: { maxFindingsPerCheck: number } = {
      maxFindingsPerCheck: DEFAULT_MAX_FINDINGS_PER_CHECK,
    },
  ) {}

  async scan(entity: ClaimedEntity, signal: AbortSignal): Promise<ScanOutcome> {
    const fetched = await this.fetcher.fetch(entity, signal);
    if (fetched.unchanged) return { unchanged: true };
    const report = await this.analyzer.analyze(
      fetched.tree,
      fetched.root,
      signal,
    );
    return {
      unchanged: false,
      report: capFindings(report, this.options.maxFindingsPerCheck),
      etag: fetched.etag,
    };
  }
}
