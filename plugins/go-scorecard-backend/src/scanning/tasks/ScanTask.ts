import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScanWorker } from '../ScanWorker';

/**
 * The scan loop on a schedule: every poll interval, on every replica (`local` scope:
 * replicas share the work through leases), a {@link ScanWorker} run scans what is due.
 */
export class ScanTask {
  static readonly id = 'go-scorecard-scan';

  constructor(
    private readonly options: {
      worker: Pick<ScanWorker, 'runOnce'>;
      logger: LoggerService;
      pollIntervalMs: number;
    },
  ) {}

  /** Schedules the task. */
  async start(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: ScanTask.id,
      scope: 'local',
      frequency: { milliseconds: this.options.pollIntervalMs },
      timeout: { hours: 6 },
      fn: () => this.run(),
    });
  }

  /** One run: scans every due entity (joining a run already going). */
  async run(): Promise<void> {
    const scanned = await this.options.worker.runOnce();
    if (scanned) this.options.logger.debug(`Scanned ${scanned} entities`);
  }

  /** Starts a run now, in the background, without waiting for the next poll; a failure is logged. */
  runSoon(): void {
    void this.options.worker.runOnce().catch(error => {
      this.options.logger.error('Scan run failed', toError(error));
    });
  }
}
