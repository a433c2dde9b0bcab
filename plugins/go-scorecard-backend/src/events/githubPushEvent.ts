import { InputError } from '@backstage/errors';

/**
 * The events topic GitHub push events arrive on: the GitHub events module
 * (`@backstage/plugin-events-backend-module-github`) receives webhooks at
 * `/api/events/http/github` on topic `github` and routes each to `github.<x-github-event>`.
 */
export const GITHUB_PUSH_TOPIC = 'github.push';

/** What scan-on-push needs of a GitHub push event. */
export interface GithubPush {
  /** `owner/name`. */
  fullName: string;
  /** The repository's web and clone URLs (`html_url`, `clone_url`), those present. */
  repositoryUrls: string[];
  /** The full ref pushed, e.g. `refs/heads/main` or `refs/tags/v1`. */
  ref: string;
  /** The branch pushed to; undefined when the ref is not a branch (a tag). */
  branch?: string;
  /** `repository.default_branch`. */
  defaultBranch: string;
  /** True when the push deleted the ref. */
  deleted: boolean;
}

/**
 * Reads a push event's payload (GitHub's `push` webhook body, as JSON). Throws an
 * InputError naming the first missing or mistyped field.
 */
export function parseGithubPush(payload: unknown): GithubPush {
  if (!isObject(payload)) {
    throw new InputError('Push event payload is not a JSON object');
  }
  const ref = payload.ref;
  if (typeof ref !== 'string' || !ref) {
    throw new InputError("Push event payload has no string 'ref'");
  }
  const repository = payload.repository;
  if (!isObject(repository)) {
    throw new InputError("Push event payload has no object 'repository'");
  }
  const fullName = repository.full_name;
  if (typeof fullName !== 'string' || !fullName) {
    throw new InputError(
      "Push event payload has no string 'repository.full_name'",
    );
  }
  const defaultBranch = repository.default_branch;
  if (typeof defaultBranch !== 'string' || !defaultBranch) {
    throw new InputError(
      "Push event payload has no string 'repository.default_branch'",
    );
  }
  const repositoryUrls = [repository.html_url, repository.clone_url].filter(
    (u): u is string => typeof u === 'string' && u.length > 0,
  );
  if (!repositoryUrls.length) {
    throw new InputError(
      "Push event payload has neither 'repository.html_url' nor 'repository.clone_url'",
    );
  }
  const branch = ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : undefined;
  return {
    fullName,
    repositoryUrls,
    ref,
    branch,
    defaultBranch,
    deleted: payload.deleted === true,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
