import { SchedulerService } from '@backstage/backend-plugin-api';
import { CatalogSync } from '../CatalogSync';

/**
 * The catalog sync on a schedule: once per interval across replicas (`global` scope),
 * the selected catalog entities are copied into the store. New entities are due at
 * once; `onAdded` starts on them without waiting for the next scan poll.
 */
export class CatalogSyncTask {
  static readonly id = 'go-scorecard-catalog-sync';

  constructor(
    private readonly options: {
      sync: Pick<CatalogSync, 'run'>;
      catalogSyncIntervalMs: number;
      onAdded: () => void;
    },
  ) {}

  /** Schedules the task. */
  async start(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: CatalogSyncTask.id,
      scope: 'global',
      frequency: { milliseconds: this.options.catalogSyncIntervalMs },
      timeout: { minutes: 10 },
      fn: () => this.run(),
    });
  }

  /** One sync. */
  async run(): Promise<void> {
    const { added } = await this.options.sync.run();
    if (added) this.options.onAdded();
  }
}
