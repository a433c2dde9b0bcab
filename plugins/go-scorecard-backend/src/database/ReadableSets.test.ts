import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { migrateUp } from './migrations';
import { ReadableSets } from './ReadableSets';
import { READABLE_REFS, READABLE_SETS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('ReadableSets on %p', databaseId => {
  it('stores each distinct set once, shared by content, and drops long-unused ones', async () => {
    const knex = await databases.init(databaseId);
    await migrateUp(knex);
    const sets = new ReadableSets(knex);
    const refsOf = async (id: string) =>
      (await knex(READABLE_REFS).where({ set_id: id }).select('entity_ref'))
        .map(r => r.entity_ref)
        .sort();

    const a = await sets.idOf(
      new Set(['component:default/b', 'component:default/a']),
      0,
    );
    const sameContent = await sets.idOf(
      new Set(['component:default/a', 'component:default/b']),
      1000,
    );
    expect(sameContent).toBe(a);
    expect(await refsOf(a)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    // Another replica (its own instance) finds the stored set.
    expect(
      await new ReadableSets(knex).idOf(
        new Set(['component:default/a', 'component:default/b']),
        2000,
      ),
    ).toBe(a);

    const empty = await sets.idOf(new Set(), 3000);
    expect(empty).not.toBe(a);
    expect(await refsOf(empty)).toEqual([]);

    // A large set: more rows than one insert statement takes.
    const many = new Set(
      Array.from({ length: 2500 }, (_, i) => `component:default/svc-${i}`),
    );
    expect(await refsOf(await sets.idOf(many, 4000))).toHaveLength(2500);

    // Two hours later a new set is stored: the ones unused for an hour go.
    const later = 2 * 60 * 60_000;
    const c = await sets.idOf(new Set(['component:default/c']), later);
    expect(
      (await knex(READABLE_SETS).select('set_id')).map(r => r.set_id),
    ).toEqual([c]);
    expect(await refsOf(a)).toEqual([]);
    // A set seen again is stored again.
    const again = await new ReadableSets(knex).idOf(
      new Set(['component:default/a', 'component:default/b']),
      later,
    );
    expect(again).toBe(a);
    expect(await refsOf(a)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
  });
});
