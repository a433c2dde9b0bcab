import { normalizeEntityRef } from './entityRefs';

describe('normalizeEntityRef', () => {
  it('gives kind:namespace/name, lowercased, from every shape of ref', () => {
    expect(normalizeEntityRef('Component:Default/Checkout')).toBe(
      'component:default/checkout',
    );
    expect(normalizeEntityRef('team-a', { defaultKind: 'group' })).toBe(
      'group:default/team-a',
    );
    expect(normalizeEntityRef('group:team-a')).toBe('group:default/team-a');
    expect(
      normalizeEntityRef({ kind: 'Component', namespace: 'Ops', name: 'Api' }),
    ).toBe('component:ops/api');
    expect(
      normalizeEntityRef({ kind: 'Component', metadata: { name: 'Web' } }),
    ).toBe('component:default/web');
  });

  it('throws on a malformed ref or a missing kind', () => {
    expect(() => normalizeEntityRef('team-a')).toThrow();
    expect(() => normalizeEntityRef('component:')).toThrow();
    expect(() => normalizeEntityRef('component:ns/')).toThrow();
  });
});
