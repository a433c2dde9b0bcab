import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { fakeReport } from '../__testUtils__/reports';
import { ScorecardStore } from './ScorecardStore';

const repoRoot = resolve(__dirname, '../../../..');
const appConfig = parse(
  readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8'),
);
const entityRef = 'component:default/checkout-service';

/** The plugin's store as the backend opens it from `backend.database` config: one "process". */
async function openStore(database: object) {
  const manager = DatabaseManager.fromConfig(
    new ConfigReader({ backend: { database } }),
  );
  const service = manager.forPlugin('go-scorecard', {
    logger: mockServices.logger.mock(),
    lifecycle: mockServices.lifecycle.mock(),
  });
  const store = await ScorecardStore.create({ database: service });
  return { store, close: async () => (await service.getClient()).destroy() };
}

describe('the embedded default database (app-config.yaml)', () => {
  it('is SQLite in files under data/sqlite at the repository root, which git ignores', () => {
    const { client, connection } = appConfig.backend.database;
    expect(client).toBe('better-sqlite3');
    expect(connection).not.toBe(':memory:');
    // The backend runs in packages/backend (backstage-cli package start).
    expect(resolve(repoRoot, 'packages/backend', connection.directory)).toBe(
      join(repoRoot, 'data', 'sqlite'),
    );
    const ignored = readFileSync(join(repoRoot, '.gitignore'), 'utf8');
    expect(ignored.split('\n')).toContain('/data/');
  });

  it('keeps results across a restart', async () => {
    const directory = await fs.mkdtemp(join(tmpdir(), 'scorecard-sqlite-'));
    const database = {
      ...appConfig.backend.database,
      connection: { ...appConfig.backend.database.connection, directory },
    };

    const first = await openStore(database);
    await first.store.upsertTarget(
      {
        entityRef,
        kind: 'Component',
        namespace: 'default',
        name: 'checkout-service',
        source: 'dir:/srv/checkout',
      },
      1000,
    );
    await first.store.claimDue({
      owner: 'r1',
      now: 1000,
      limit: 1,
      leaseMs: 60_000,
    });
    await first.store.completeScans(
      [
        {
          unchanged: false,
          entityRef,
          report: fakeReport({ 'k8s-prestop': 'fail' }),
          etag: 'e1',
        },
      ],
      'r1',
      { now: 2000, nextScanAt: 9000 },
    );
    const before = await first.store.getEntityResult(entityRef);
    await first.close();

    const second = await openStore(database);
    const after = await second.store.getEntityResult(entityRef);
    await second.close();
    expect(after?.summary.scannedAt).toBe(2000);
    expect(after).toEqual(before);
    expect(await fs.readdir(directory)).toContain('go-scorecard.sqlite');
  });
});
