import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  GroupHierarchy,
  normalizeEntityRef,
} from '@internal/plugin-go-scorecard-common';
import { parseAllDocuments } from 'yaml';
import { apiConsumers, impactOf } from './impactOf';

const examples = join(__dirname, '..', '..', '..', '..', 'examples');

/** The example catalog's entities, with the relations the catalog derives from their specs. */
function exampleCatalog(): Entity[] {
  const entities: Entity[] = ['entities.yaml', 'org.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(join(examples, file), 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean)
      .map(e => ({ ...e, relations: [] })),
  );
  const byRef = new Map(entities.map(e => [normalizeEntityRef(e), e]));
  const relate = (
    from: Entity,
    type: string,
    to: string,
    reverse: string,
    kind: string,
  ) => {
    const target = normalizeEntityRef(to, { defaultKind: kind });
    from.relations!.push({ type, targetRef: target });
    byRef
      .get(target)
      ?.relations!.push({ type: reverse, targetRef: normalizeEntityRef(from) });
  };
  // As the catalog's built-in processor: each spec field and its reverse relation.
  for (const e of entities) {
    const spec = (e.spec ?? {}) as Record<string, string | string[]>;
    for (const t of spec.dependsOn ?? [])
      relate(e, 'dependsOn', t, 'dependencyOf', 'component');
    for (const t of spec.providesApis ?? [])
      relate(e, 'providesApi', t, 'apiProvidedBy', 'api');
    for (const t of spec.consumesApis ?? [])
      relate(e, 'consumesApi', t, 'apiConsumedBy', 'api');
    if (e.kind === 'Group' && typeof spec.parent === 'string')
      relate(e, 'childOf', spec.parent, 'parentOf', 'group');
  }
  return entities;
}

describe('the example catalog', () => {
  const catalog = exampleCatalog();

  it('ranks catalog-service (failing in lessons 1, 2 and 5) first by impact', () => {
    const consumers = apiConsumers(catalog.filter(e => e.kind === 'API'));
    const impacts = catalog
      .filter(e => e.kind === 'Component')
      .map(e => [e.metadata.name, impactOf(e, consumers)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(impacts).toEqual([
      ['catalog-service', 4],
      ['order-service', 3],
      ['cart-service', 2],
      ['notification-service', 1],
      ['checkout-service', 0],
      ['promotions-service', 0],
      ['shipping-service', 0],
      ['storefront-web', 0],
    ]);
  });

  it('has commerce-department above checkout-team and catalog-team, below acme-engineering', () => {
    const hierarchy = GroupHierarchy.fromEntities(catalog);
    expect(hierarchy.children('group:default/commerce-department')).toEqual([
      'group:default/catalog-team',
      'group:default/checkout-team',
    ]);
    expect(hierarchy.children('group:default/acme-engineering')).toEqual([
      'group:default/commerce-department',
      'group:default/fulfilment-team',
      'group:default/platform-team',
      'group:default/web-team',
    ]);
  });
});
