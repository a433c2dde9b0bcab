import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { HistoryStore } from '../../database/HistoryStore';

/**
 * History retention: once a day across replicas (`global` scope), history rows older
 * than `goScorecard.history.retention` are deleted.
 */
export class HistoryPruningTask {
  static readonly id = 'go-scorecard-history-pruning';

  constructor(
    private readonly options: {
      history: Pick<HistoryStore, 'pruneHistory'>;
      historyRetentionMs: number;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** Schedules the task. */
  async start(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: HistoryPruningTask.id,
      scope: 'global',
      frequency: { days: 1 },
      timeout: { hours: 1 },
      fn: async () => {
        await this.run();
      },
    });
  }

  /** One pruning. Returns how many rows were deleted. */
  async run(): Promise<number> {
    const { history, historyRetentionMs, logger } = this.options;
    const now = (this.options.now ?? Date.now)();
    const pruned = await history.pruneHistory(now - historyRetentionMs);
    if (pruned) logger.info(`History pruning: ${pruned} rows deleted`);
    return pruned;
  }
}
