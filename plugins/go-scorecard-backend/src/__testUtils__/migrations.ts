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

/**
 * An entity row with the columns every migration's table has (the first migration's
 * required ones: a component of team-a, in the default namespace), plus `extra`.
 */
export function storedEntityRow(name: string, extra: object = {}) {
  return {
    entity_ref: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    seen_at: 1,
    next_scan_at: 1,
    ...extra,
  };
}
