import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The one form of an entity ref the scorecard stores, filters and compares:
 * `kind:namespace/name`, lowercased (the catalog compares refs case-insensitively).
 * Accepts a ref string (a missing kind or namespace takes `defaults`, namespace
 * `default` unless given), a compound ref, or an entity. Throws Backstage's
 * `parseEntityRef` errors for a malformed string.
 */
export function normalizeEntityRef(
  ref:
    | string
    | CompoundEntityRef
    | { kind: string; metadata: { namespace?: string; name: string } },
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  let compound: CompoundEntityRef;
  if (typeof ref === 'string') {
    compound = parseEntityRef(ref, {
      defaultKind: defaults.defaultKind,
      defaultNamespace: defaults.defaultNamespace ?? 'default',
    });
  } else if ('metadata' in ref) {
    compound = {
      kind: ref.kind,
      namespace: ref.metadata.namespace ?? 'default',
      name: ref.metadata.name,
    };
  } else {
    compound = ref;
  }
  return stringifyEntityRef(compound).toLocaleLowerCase('en-US');
}
