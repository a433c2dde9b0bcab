import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';

/** The part of the store history pruning uses. */
export interface PrunableHistory {
  /** Deletes history rows older than `before` (epoch ms); returns how many. */
  pruneHistory(before: number): Promise<number>;
}

/**
 * History retention: once a day across replicas (`global` scope), history rows older
 * than `goScorecard.history.retention` are deleted.
 */
export class HistoryPruningTask {
  static readonly id = 'go-scorecard-history-pruning';

  constructor(
    private readonly options: {
      history: PrunableHistory;
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
