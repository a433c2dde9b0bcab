import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { migrateDown, migrateUp } from './migrations';
import { ENTITIES, HISTORY, RESULTS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrates up and down', async () => {
    const knex = await databases.init(databaseId);
    await migrateUp(knex);
    expect(await knex.schema.hasTable(ENTITIES)).toBe(true);
    expect(await knex.schema.hasTable(RESULTS)).toBe(true);
    expect(await knex.schema.hasTable(HISTORY)).toBe(true);
    await migrateDown(knex);
    expect(await knex.schema.hasTable(ENTITIES)).toBe(false);
    expect(await knex.schema.hasTable(HISTORY)).toBe(false);
    await migrateUp(knex);
    expect(await knex.schema.hasTable(ENTITIES)).toBe(true);
  });
});
