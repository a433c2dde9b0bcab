import { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';

/** A small Go service with one failing check (`context-cancel-discarded`). */
export const goServiceFiles: Record<string, string> = {
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'main.go': [
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"fmt"',
    '\t"time"',
    ')',
    '',
    'func main() {',
    '\tctx, _ := context.WithTimeout(context.Background(), time.Second)',
    '\tfmt.Println(ctx)',
    '}',
    '',
  ].join('\n'),
  'README.md': 'not analyzed',
};

/** {@link goServiceFiles} with its cancel func called: every check passes or does not apply. */
export const fixedGoServiceFiles: Record<string, string> = {
  ...goServiceFiles,
  'main.go': goServiceFiles['main.go'].replace(
    '\tctx, _ := context.WithTimeout(context.Background(), time.Second)\n',
    '\tctx, cancel := context.WithTimeout(context.Background(), time.Second)\n\tdefer cancel()\n',
  ),
};

/** A catalog Component. */
export function component(
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
  };
}

/**
 * A UrlReader `readTree` over in-memory repositories keyed by URL: honours the
 * filter, answers NotModifiedError for the current ETag, counts calls.
 */
export class FixtureUrlReader {
  readonly calls: { url: string; etag?: string; filtered: string[] }[] = [];
  constructor(
    readonly repos: Record<
      string,
      { etag: string; files: Record<string, string> }
    >,
  ) {}

  readTree = async (
    url: string,
    options?: {
      etag?: string;
      filter?(path: string, info?: { size: number }): boolean;
    },
  ): Promise<UrlReaderServiceReadTreeResponse> => {
    const repo = this.repos[url];
    const filtered: string[] = [];
    this.calls.push({ url, etag: options?.etag, filtered });
    if (!repo) {
      const error = new Error(`${url} not found`);
      error.name = 'NotFoundError';
      throw error;
    }
    if (options?.etag === repo.etag) throw new NotModifiedError();
    const entries = Object.entries(repo.files).filter(([path, content]) => {
      const keep =
        !options?.filter ||
        options.filter(path, { size: Buffer.byteLength(content) });
      if (!keep) filtered.push(path);
      return keep;
    });
    return {
      etag: repo.etag,
      files: async () =>
        entries.map(([path, content]) => ({
          path,
          content: async () => Buffer.from(content),
        })),
      archive: async () => {
        throw new Error('not supported');
      },
      dir: async () => {
        throw new Error('not supported');
      },
    };
  };
}
