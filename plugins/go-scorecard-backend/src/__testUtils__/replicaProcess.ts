/**
 * A backend replica in a process of its own, for the test that kills one mid-scan
 * (`ScanWorker.kill.test.ts`): it claims due entities on the PostgreSQL database named
 * by `REPLICA_DB` (a knex connection object as JSON), with leases of `REPLICA_LEASE_MS`,
 * prints `scanning <entity ref>` for each scan it starts, and never finishes one.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import knexFactory from 'knex';
import { defaultScorecardConfig } from '../config/ScorecardConfig';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScanWorker } from '../scanning/ScanWorker';

/** Writes a message and its error (with the stack) or fields to stderr. */
function write(message: string, meta?: Error | JsonObject) {
  const detail =
    meta instanceof Error ? meta.stack : meta && JSON.stringify(meta);
  process.stderr.write(`${message}${detail ? `\n${detail}` : ''}\n`);
}

const logger: LoggerService = {
  error: write,
  warn: write,
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const knex = knexFactory({
  client: 'pg',
  connection: JSON.parse(process.env.REPLICA_DB ?? '{}'),
});
const worker = new ScanWorker({
  store: ScorecardStore.fromKnex(knex),
  scanner: {
    scan: entity => {
      process.stdout.write(`scanning ${entity.entityRef}\n`);
      return new Promise(() => {});
    },
  },
  logger,
  config: {
    ...defaultScorecardConfig,
    leaseMs: Number(process.env.REPLICA_LEASE_MS),
    timeoutMs: 10 * 60_000,
  },
  id: process.env.REPLICA_ID,
});
void worker.runOnce();
