/**
 * The databases tests run on: SQLite always; PostgreSQL when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING` is set (e.g.
 * `postgresql://postgres@127.0.0.1:5432`). Docker is never started.
 */
export const testDatabaseIds: ('SQLITE_3' | 'POSTGRES_17')[] = [
  'SQLITE_3',
  'POSTGRES_17',
];

/** Options for `TestDatabases.create`. */
export const testDatabaseOptions = {
  ids: testDatabaseIds,
  disableDocker: true,
};
