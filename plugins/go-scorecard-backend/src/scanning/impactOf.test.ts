import { Entity } from '@backstage/catalog-model';
import { apiConsumers, impactOf } from './impactOf';

const entity = (
  kind: string,
  name: string,
  relations: [string, string][] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
});

describe('impactOf', () => {
  const consumers = apiConsumers([
    entity('API', 'orders-api', [
      ['apiConsumedBy', 'component:default/checkout'],
      ['apiConsumedBy', 'component:default/Storefront'],
      // The provider calling its own API is not a dependent.
      ['apiConsumedBy', 'component:default/orders'],
      ['apiProvidedBy', 'component:default/orders'],
    ]),
    entity('API', 'stock-api', [
      ['apiConsumedBy', 'component:default/checkout'],
      ['apiConsumedBy', 'resource:default/reports-job'],
    ]),
    entity('API', 'unused-api'),
  ]);

  it('counts dependsOn and the consumers of the provided APIs, distinct, never itself', () => {
    const orders = entity('Component', 'orders', [
      ['dependencyOf', 'component:default/checkout'],
      ['dependencyOf', 'component:default/orders'],
      ['providesApi', 'api:default/orders-api'],
      ['providesApi', 'api:default/stock-api'],
      ['providesApi', 'api:default/unused-api'],
      // Other relations do not count.
      ['dependsOn', 'component:default/db'],
      ['consumesApi', 'api:default/payments-api'],
      ['ownedBy', 'group:default/team'],
    ]);
    // checkout (dependsOn and both APIs), storefront, reports-job.
    expect(impactOf(orders, consumers)).toBe(3);
  });

  it('is 0 for a leaf and for an API nobody consumes', () => {
    expect(impactOf(entity('Component', 'leaf'), consumers)).toBe(0);
    expect(
      impactOf(
        entity('Component', 'lonely', [
          ['providesApi', 'api:default/unused-api'],
          ['providesApi', 'api:default/not-in-catalog'],
        ]),
        consumers,
      ),
    ).toBe(0);
  });

  it('counts dependents of any kind', () => {
    expect(
      impactOf(
        entity('Resource', 'db', [
          ['dependencyOf', 'component:default/a'],
          ['dependencyOf', 'component:default/b'],
          ['dependencyOf', 'resource:default/c'],
        ]),
        consumers,
      ),
    ).toBe(3);
  });
});
