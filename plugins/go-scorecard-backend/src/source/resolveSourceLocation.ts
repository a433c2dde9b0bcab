import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The annotation pointing at Kubernetes manifests kept outside the source tree. */
export const ANNOTATION_MANIFESTS_LOCATION = 'go-scorecard/manifests-location';

/**
 * Where a tree is read from: a URL for the UrlReader, or a local folder (absolute,
 * not yet checked against the allowed roots).
 */
export type SourceLocation =
  | { type: 'url'; target: string }
  | { type: 'local'; target: string };

/** `url:https://…` or `local:/abs/dir`: how a location is stored. */
export function stringifySourceLocation(location: SourceLocation): string {
  return `${location.type}:${location.target}`;
}

/** The inverse of {@link stringifySourceLocation}. */
export function parseSourceLocation(value: string): SourceLocation {
  const i = value.indexOf(':');
  const type = value.slice(0, i);
  const target = value.slice(i + 1);
  if ((type !== 'url' && type !== 'local') || !target) {
    throw new InputError(`Invalid stored source location '${value}'`);
  }
  return { type, target };
}

/**
 * The entity's source tree: `backstage.io/source-location`, else the folder of
 * `backstage.io/managed-by-location`. `dir:` targets resolve against the
 * managed-by-location (as TechDocs does); `file:` targets are local paths.
 */
export function resolveSourceLocation(entity: Entity): SourceLocation {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (source) {
    return resolveLocationRef(
      source,
      annotations[ANNOTATION_LOCATION],
      ANNOTATION_SOURCE_LOCATION,
    );
  }
  const managedBy = annotations[ANNOTATION_LOCATION];
  if (!managedBy) {
    throw new InputError(
      `Entity has neither ${ANNOTATION_SOURCE_LOCATION} nor ${ANNOTATION_LOCATION}`,
    );
  }
  const { type, target } = parseRef(managedBy, ANNOTATION_LOCATION);
  if (type === 'url')
    return { type: 'url', target: new URL('./', target).toString() };
  if (type === 'file')
    return { type: 'local', target: dirname(localPath(target)) };
  throw new InputError(
    `Unsupported ${ANNOTATION_LOCATION} type '${type}' in '${managedBy}'`,
  );
}

/** The `go-scorecard/manifests-location` annotation resolved like a source location, if present. */
export function resolveManifestsLocation(
  entity: Entity,
): SourceLocation | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const value = annotations[ANNOTATION_MANIFESTS_LOCATION];
  return value
    ? resolveLocationRef(
        value,
        annotations[ANNOTATION_LOCATION],
        ANNOTATION_MANIFESTS_LOCATION,
      )
    : undefined;
}

function resolveLocationRef(
  value: string,
  managedBy: string | undefined,
  annotation: string,
): SourceLocation {
  const { type, target } = parseRef(value, annotation);
  switch (type) {
    case 'url':
      return { type: 'url', target };
    case 'file':
      return { type: 'local', target: localPath(target) };
    case 'dir': {
      if (!managedBy) {
        if (isAbsolute(target))
          return { type: 'local', target: resolvePath(target) };
        throw new InputError(
          `${annotation} '${value}' is relative but the entity has no ${ANNOTATION_LOCATION}`,
        );
      }
      const base = parseRef(managedBy, ANNOTATION_LOCATION);
      if (base.type === 'url') {
        return { type: 'url', target: new URL(target, base.target).toString() };
      }
      if (base.type === 'file') {
        return {
          type: 'local',
          target: resolvePath(dirname(localPath(base.target)), target),
        };
      }
      throw new InputError(
        `Cannot resolve ${annotation} '${value}' against ${ANNOTATION_LOCATION} of type '${base.type}'`,
      );
    }
    default:
      throw new InputError(
        `Unsupported ${annotation} type '${type}' in '${value}'`,
      );
  }
}

function parseRef(value: string, annotation: string) {
  try {
    return parseLocationRef(value);
  } catch (e) {
    throw new InputError(
      `Invalid ${annotation} '${value}': ${(e as Error).message}`,
    );
  }
}

function localPath(target: string): string {
  const path = target.startsWith('file://') ? fileURLToPath(target) : target;
  return resolvePath(path);
}
