import { GroupHierarchy } from './groupHierarchy';

const group = (name: string, relations: [string, string][] = []) => ({
  kind: 'Group',
  metadata: { name },
  relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
});

describe('GroupHierarchy', () => {
  const hierarchy = GroupHierarchy.fromEntities([
    group('acme', [['parentOf', 'group:default/commerce']]),
    // Only the child side says it: enough.
    group('commerce', [['childOf', 'group:default/acme']]),
    group('checkout', [['childOf', 'group:default/Commerce']]),
    group('catalog', [['childOf', 'group:default/commerce']]),
    group('payments', [['childOf', 'group:default/checkout']]),
    group('solo'),
    // Not groups: ignored.
    {
      kind: 'User',
      metadata: { name: 'jane' },
      relations: [{ type: 'memberOf', targetRef: 'group:default/solo' }],
    },
  ]);

  it('lists departments, children and every descendant, lowercased and sorted', () => {
    expect(hierarchy.parents()).toEqual([
      'group:default/acme',
      'group:default/checkout',
      'group:default/commerce',
    ]);
    expect(hierarchy.children('group:default/commerce')).toEqual([
      'group:default/catalog',
      'group:default/checkout',
    ]);
    expect(hierarchy.descendants('group:default/ACME')).toEqual([
      'group:default/catalog',
      'group:default/checkout',
      'group:default/commerce',
      'group:default/payments',
    ]);
    expect(hierarchy.descendants('group:default/solo')).toEqual([]);
    expect(hierarchy.children('not a ref')).toEqual([]);
  });

  it('gives every ancestor-descendant pair', () => {
    expect(hierarchy.pairs()).toHaveLength(4 + 1 + 3);
    expect(hierarchy.pairs()).toContainEqual([
      'group:default/acme',
      'group:default/payments',
    ]);
  });

  it('cuts cycles: a group is never its own descendant', () => {
    const loop = new GroupHierarchy([
      ['group:default/a', 'group:default/b'],
      ['group:default/b', 'group:default/c'],
      ['group:default/c', 'group:default/a'],
      ['group:default/d', 'group:default/d'],
    ]);
    expect(loop.descendants('group:default/a')).toEqual([
      'group:default/b',
      'group:default/c',
    ]);
    expect(loop.descendants('group:default/d')).toEqual([]);
    expect(loop.pairs()).toHaveLength(6);
  });
});
