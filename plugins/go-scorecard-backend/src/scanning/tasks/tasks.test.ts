import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogSyncTask } from './CatalogSyncTask';
import { HistoryPruningTask } from './HistoryPruningTask';
import { ScanTask } from './ScanTask';

/** A scheduler that records the tasks scheduled on it. */
function recordingScheduler() {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.push(task);
    },
  });
  return { scheduler, tasks };
}

describe('CatalogSyncTask', () => {
  it('syncs once per interval across replicas, and starts a scan when entities were added', async () => {
    const counts = [
      { total: 2, added: 2, removed: 0 },
      { total: 2, added: 0, removed: 0 },
    ];
    const onAdded = jest.fn();
    const task = new CatalogSyncTask({
      sync: { run: async () => counts.shift()! },
      catalogSyncIntervalMs: 30_000,
      onAdded,
    });
    const { scheduler, tasks } = recordingScheduler();
    await task.start(scheduler);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'go-scorecard-catalog-sync',
        scope: 'global',
        frequency: { milliseconds: 30_000 },
      }),
    ]);
    await tasks[0].fn(new AbortController().signal);
    expect(onAdded).toHaveBeenCalledTimes(1);
    await task.run();
    expect(onAdded).toHaveBeenCalledTimes(1);
  });
});

describe('ScanTask', () => {
  it('runs the worker on every replica each poll', async () => {
    const worker = { runOnce: jest.fn(async () => 3) };
    const logger = mockServices.logger.mock();
    const task = new ScanTask({ worker, logger, pollIntervalMs: 10_000 });
    const { scheduler, tasks } = recordingScheduler();
    await task.start(scheduler);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'go-scorecard-scan',
        scope: 'local',
        frequency: { milliseconds: 10_000 },
      }),
    ]);
    await tasks[0].fn(new AbortController().signal);
    expect(worker.runOnce).toHaveBeenCalledTimes(1);
    expect(logger.debug).toHaveBeenCalledWith('Scanned 3 entities');
  });

  it('logs a background run that fails, with the error', async () => {
    const failure = new Error('database gone');
    const logger = mockServices.logger.mock();
    const task = new ScanTask({
      worker: { runOnce: () => Promise.reject(failure) },
      logger,
      pollIntervalMs: 10_000,
    });
    task.runSoon();
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.error).toHaveBeenCalledWith('Scan run failed', failure);
  });
});

describe('HistoryPruningTask', () => {
  it('deletes history older than the retention once a day across replicas', async () => {
    const history = { pruneHistory: jest.fn(async () => 5) };
    const task = new HistoryPruningTask({
      history,
      historyRetentionMs: 1000,
      logger: mockServices.logger.mock(),
      now: () => 10_000,
    });
    const { scheduler, tasks } = recordingScheduler();
    await task.start(scheduler);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'go-scorecard-history-pruning',
        scope: 'global',
        frequency: { days: 1 },
      }),
    ]);
    await tasks[0].fn(new AbortController().signal);
    expect(history.pruneHistory).toHaveBeenCalledWith(9000);
    expect(await task.run()).toBe(5);
  });
});
