import { Entity } from '@backstage/catalog-model';
import {
  parseSourceLocation,
  resolveManifestsLocation,
  resolveSourceLocation,
  stringifySourceLocation,
} from './resolveSourceLocation';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart-service', annotations },
    spec: {},
  };
}

describe('resolveSourceLocation', () => {
  it('resolves dir: against a file managed-by-location, as TechDocs does', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'file:/work/main/examples/entities.yaml',
          'backstage.io/source-location': 'dir:./services/cart-service/',
        }),
      ),
    ).toEqual({
      type: 'local',
      target: '/work/main/examples/services/cart-service',
    });
  });

  it('resolves dir: against a url managed-by-location', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/cart/blob/main/catalog-info.yaml',
          'backstage.io/source-location': 'dir:.',
        }),
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/cart/blob/main/',
    });
  });

  it('keeps url: source locations', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/source-location':
            'url:https://github.com/acme/cart/tree/main/',
        }),
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/cart/tree/main/',
    });
  });

  it('falls back to the folder of the managed-by-location', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/cart/blob/main/catalog-info.yaml',
        }),
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/cart/blob/main/',
    });
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'file:/repos/cart/catalog-info.yaml',
        }),
      ),
    ).toEqual({ type: 'local', target: '/repos/cart' });
  });

  it('explains what is missing or unsupported', () => {
    expect(() => resolveSourceLocation(entity({}))).toThrow(/neither/);
    expect(() =>
      resolveSourceLocation(
        entity({ 'backstage.io/source-location': 'dir:./x' }),
      ),
    ).toThrow(/relative/);
    expect(() =>
      resolveSourceLocation(
        entity({ 'backstage.io/source-location': 'gopher:x' }),
      ),
    ).toThrow(/Unsupported/);
  });

  it('resolves the manifests location and round-trips stored locations', () => {
    const location = resolveManifestsLocation(
      entity({
        'backstage.io/managed-by-location':
          'file:/work/main/examples/entities.yaml',
        'go-scorecard/manifests-location': 'dir:./deploy/cart',
      }),
    )!;
    expect(location).toEqual({
      type: 'local',
      target: '/work/main/examples/deploy/cart',
    });
    expect(parseSourceLocation(stringifySourceLocation(location))).toEqual(
      location,
    );
    expect(resolveManifestsLocation(entity({}))).toBeUndefined();
  });
});
