import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { CheckBits } from './CheckBits';
import { migrateUp } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('CheckBits on %p', databaseId => {
  it('gives each check id one bit for good, the same to every replica', async () => {
    const knex = await databases.init(databaseId);
    await migrateUp(knex);
    const one = new CheckBits(knex);
    const first = await knex.transaction(tx => one.assign(tx, ['b', 'a']));
    expect([...first]).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    const other = new CheckBits(knex);
    const second = await knex.transaction(tx => other.assign(tx, ['c', 'a']));
    expect(second.get('a')).toBe(0);
    expect(second.get('c')).toBe(2);
    expect([...(await one.read(['c']))]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('keeps no bit of a transaction that rolled back, and refuses a 64th id', async () => {
    const knex = await databases.init(databaseId);
    await migrateUp(knex);
    const bits = new CheckBits(knex);
    await expect(
      knex.transaction(async tx => {
        await bits.assign(tx, ['gone']);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await bits.read(['gone'])).has('gone')).toBe(false);
    const ids = Array.from({ length: 64 }, (_, i) => `c${i}`);
    await expect(knex.transaction(tx => bits.assign(tx, ids))).rejects.toThrow(
      /More than 63 check ids/,
    );
  });
});
