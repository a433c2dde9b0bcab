import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestStore } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScorecardStore } from '../database/ScorecardStore';
import { queryReport } from '../report/queryReport';
import { queryReportCsv } from '../report/queryReportCsv';
import { ReportQuery } from '../report/ReportQuery';
import { CatalogSync } from './CatalogSync';
import { EntitySelection } from './EntitySelection';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

type Relations = [string, string][];

function entity(
  kind: string,
  name: string,
  relations: Relations = [],
  spec = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec,
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

function component(name: string, owner: string, relations: Relations = []) {
  return entity(
    'Component',
    name,
    [['ownedBy', `group:default/${owner}`], ...relations],
    {
      type: 'service',
      owner,
      lifecycle: 'production',
    },
  );
}

/**
 * acme ⊃ commerce ⊃ {checkout, catalog}; platform alone. cart is called by four
 * entities (two depend on it, two more consume its API, one both), search by one.
 */
function catalog(groups: Entity[]): Entity[] {
  return [
    ...groups,
    component('cart', 'checkout-team', [
      ['dependencyOf', 'component:default/web'],
      ['dependencyOf', 'component:default/search'],
      ['dependencyOf', 'component:default/cart'],
      ['providesApi', 'api:default/cart-api'],
    ]),
    component('search', 'catalog-team', [
      ['dependencyOf', 'component:default/web'],
      ['dependsOn', 'component:default/cart'],
    ]),
    component('orders', 'commerce-department'),
    component('web', 'platform-team', [
      ['dependsOn', 'component:default/cart'],
      ['dependsOn', 'component:default/search'],
      ['consumesApi', 'api:default/cart-api'],
    ]),
    entity('API', 'cart-api', [
      ['apiProvidedBy', 'component:default/cart'],
      ['apiConsumedBy', 'component:default/web'],
      ['apiConsumedBy', 'component:default/mobile'],
      ['apiConsumedBy', 'resource:default/nightly-export'],
    ]),
  ];
}

const tree = [
  entity('Group', 'acme', [['parentOf', 'group:default/commerce-department']]),
  entity('Group', 'commerce-department', [
    ['childOf', 'group:default/acme'],
    ['parentOf', 'group:default/checkout-team'],
    ['parentOf', 'group:default/catalog-team'],
  ]),
  entity('Group', 'checkout-team', [
    ['childOf', 'group:default/commerce-department'],
  ]),
  entity('Group', 'catalog-team', [
    ['childOf', 'group:default/commerce-department'],
  ]),
  entity('Group', 'platform-team'),
];

const readable = new Set(
  ['cart', 'search', 'orders', 'web'].map(n => `component:default/${n}`),
);

const query = (extra: Partial<ReportQuery> = {}): ReportQuery => ({
  orderBy: 'entity',
  order: 'asc',
  offset: 0,
  limit: 50,
  ...extra,
});

describe.each(databases.eachSupportedId())('CatalogSync on %p', databaseId => {
  let store: ScorecardStore;

  beforeEach(async () => {
    ({ store } = await createTestStore(databases, databaseId));
  });

  async function sync(entities: Entity[]) {
    return new CatalogSync({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store,
      groups: store.groups,
      selection: new EntitySelection({ kinds: ['Component'] }),
      logger: mockServices.logger.mock(),
    }).run();
  }

  async function names(owners: string[]) {
    const report = await queryReport(
      store,
      readable,
      query({ owners: owners.map(o => `group:default/${o}`) }),
    );
    return report.items.map(r => r.name);
  }

  it('rolls a department up to its teams, at every depth, with a row per owner', async () => {
    await sync(catalog(tree));
    expect(await names(['commerce-department'])).toEqual([
      'cart',
      'orders',
      'search',
    ]);
    expect(await names(['acme'])).toEqual(['cart', 'orders', 'search']);
    // A leaf team as before.
    expect(await names(['checkout-team'])).toEqual(['cart']);
    expect(await names(['platform-team', 'catalog-team'])).toEqual([
      'search',
      'web',
    ]);
    const report = await queryReport(
      store,
      readable,
      query({ owners: ['group:default/commerce-department'] }),
    );
    expect(report.aggregates.byOwner.map(o => [o.owner, o.entities])).toEqual([
      ['group:default/catalog-team', 1],
      ['group:default/checkout-team', 1],
      ['group:default/commerce-department', 1],
    ]);
  });

  it('follows a hierarchy change at the next sync', async () => {
    await sync(catalog(tree));
    // catalog-team moves below platform-team; the department loses it.
    await sync(
      catalog([
        ...tree.filter(
          g =>
            !['commerce-department', 'catalog-team', 'platform-team'].includes(
              g.metadata.name,
            ),
        ),
        entity('Group', 'commerce-department', [
          ['childOf', 'group:default/acme'],
          ['parentOf', 'group:default/checkout-team'],
        ]),
        entity('Group', 'catalog-team', [
          ['childOf', 'group:default/platform-team'],
        ]),
        entity('Group', 'platform-team', [
          ['parentOf', 'group:default/catalog-team'],
        ]),
      ]),
    );
    expect(await names(['commerce-department'])).toEqual(['cart', 'orders']);
    expect(await names(['platform-team'])).toEqual(['search', 'web']);
    // The groups gone from the catalog: every owner its own services only.
    await sync(catalog([]));
    expect(await names(['commerce-department'])).toEqual(['orders']);
    expect(await names(['acme'])).toEqual([]);
  });

  it('survives a cycle in parentOf', async () => {
    await sync(
      catalog([
        ...tree.filter(g => g.metadata.name !== 'acme'),
        // acme is below checkout-team, which is below acme (through commerce).
        entity('Group', 'acme', [
          ['parentOf', 'group:default/commerce-department'],
          ['childOf', 'group:default/checkout-team'],
        ]),
      ]),
    );
    expect(await names(['checkout-team'])).toEqual([
      'cart',
      'orders',
      'search',
    ]);
    expect(await names(['acme'])).toEqual(['cart', 'orders', 'search']);
  });

  it('stores each entity’s impact, sorts by it and writes it last in the CSV', async () => {
    await sync(catalog(tree));
    const report = await queryReport(
      store,
      readable,
      query({ orderBy: 'impact', order: 'desc' }),
    );
    // cart: web, search (dependsOn), mobile, nightly-export (its API), not itself.
    expect(report.items.map(r => [r.name, r.impact])).toEqual([
      ['cart', 4],
      ['search', 1],
      ['orders', 0],
      ['web', 0],
    ]);
    const csv = await queryReportCsv(
      store,
      readable,
      query({
        orderBy: 'impact',
        order: 'desc',
        limit: Number.MAX_SAFE_INTEGER,
      }),
    );
    const [header, first] = csv.split('\r\n');
    expect(header.split(',').slice(-2)).toEqual(['waived', 'impact']);
    expect(first.startsWith('component:default/cart,')).toBe(true);
    expect(first.split(',').slice(-1)).toEqual(['4']);
  });

  it('refreshes the impact when the dependencies change', async () => {
    await sync(catalog(tree));
    await sync([
      ...tree,
      component('cart', 'checkout-team'),
      component('search', 'catalog-team'),
      component('orders', 'commerce-department'),
      component('web', 'platform-team'),
    ]);
    const report = await queryReport(
      store,
      readable,
      query({ orderBy: 'impact', order: 'desc' }),
    );
    expect(report.items.map(r => r.impact)).toEqual([0, 0, 0, 0]);
  });
});
