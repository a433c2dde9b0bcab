import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's migrations folder. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@internal/plugin-go-scorecard-backend',
  'migrations',
);

/** Applies every migration that comes before `migration` (a file name), one at a time. */
export async function migrateUpToBefore(
  knex: Knex,
  migration: string,
): Promise<void> {
  const directory = MIGRATIONS_DIRECTORY;
  const [, pending] = await knex.migrate.list({ directory });
  const earlier = (pending as { file: string }[]).filter(
    m => m.file < migration,
  ).length;
  for (let i = 0; i < earlier; i++) await knex.migrate.up({ directory });
}

/** Undoes `migration` (a file name) and every later one, one at a time. */
export async function migrateDownToBefore(
  knex: Knex,
  migration: string,
): Promise<void> {
  const directory = MIGRATIONS_DIRECTORY;
  for (;;) {
    const [done] = await knex.migrate.list({ directory });
    if (!(done as { name: string }[]).some(m => m.name >= migration)) return;
    await knex.migrate.down({ directory });
  }
}
