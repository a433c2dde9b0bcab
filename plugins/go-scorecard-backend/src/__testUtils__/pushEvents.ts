/**
 * The fields of a GitHub push webhook body that scan-on-push reads (a real body has
 * many more): a push to `acme/shop`'s default branch `main` unless overridden.
 */
export function pushPayload(
  overrides: {
    ref?: string;
    deleted?: boolean;
    repository?: Record<string, unknown>;
  } = {},
) {
  return {
    ref: overrides.ref ?? 'refs/heads/main',
    before: '0'.repeat(40),
    after: 'a'.repeat(40),
    deleted: overrides.deleted ?? false,
    repository: {
      full_name: 'acme/shop',
      html_url: 'https://github.com/acme/shop',
      clone_url: 'https://github.com/acme/shop.git',
      default_branch: 'main',
      ...overrides.repository,
    },
  };
}
