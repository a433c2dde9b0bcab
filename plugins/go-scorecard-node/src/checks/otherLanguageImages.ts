import { posix } from 'node:path';
import { Container, ServiceFacts } from '../facts';
import { ciFileKind } from '../ci/ciFileKind';
import { imageName } from '../k8s/thirdPartyImages';

/** Build and package tools of other languages, as a Dockerfile's RUN commands run them. */
const OTHER_LANGUAGE_TOOLS: ReadonlySet<string> = new Set([
  'pip',
  'pip3',
  'pipenv',
  'poetry',
  'uv',
  'npm',
  'yarn',
  'pnpm',
  'dotnet',
  'gradle',
  'gradlew',
  'mvn',
  'mvnw',
  'bundle',
  'gem',
  'composer',
  'cargo',
]);

const cache = new WeakMap<ServiceFacts, Set<string>>();

/**
 * The image names (an image reference's last path element, lowercased) of the repository's
 * programs in other languages: the name of a folder whose Dockerfile builds with another
 * language's tool (pip, npm, yarn, dotnet, gradle, mvn, bundle, composer, cargo…) and runs no
 * `go`, and that holds no Go file, when no folder of that name holds Go code. A polyglot
 * repository's Python or Node service (microservices-demo's `src/recommendationservice`) is
 * set the same `PRODUCT_CATALOG_SERVICE_ADDR` as its Go services; what its container is
 * given is not what a Go dial reads.
 */
export function otherLanguageImages(facts: ServiceFacts): Set<string> {
  const known = cache.get(facts);
  if (known) return known;
  const tools = new Map<string, { other: boolean; go: boolean }>();
  for (const c of facts.ciCommands) {
    const kind = facts.ciFileKinds?.[c.path] ?? ciFileKind(c.path);
    if (kind !== 'dockerfile') continue;
    const seen = tools.get(c.path) ?? { other: false, go: false };
    const word = posix.basename(c.argv[0] ?? '');
    if (word === 'go') seen.go = true;
    else if (OTHER_LANGUAGE_TOOLS.has(word)) seen.other = true;
    tools.set(c.path, seen);
  }
  const goFolders = new Set<string>();
  for (const f of facts.goFiles) {
    for (let d = posix.dirname(f.path); d !== '.'; d = posix.dirname(d))
      goFolders.add(d);
  }
  const goNames = new Set([...goFolders].map(d => posix.basename(d)));
  const out = new Set<string>();
  for (const [path, { other, go }] of tools) {
    const folder = posix.dirname(path);
    const name = posix.basename(folder).toLowerCase();
    if (!other || go || folder === '.' || goFolders.has(folder)) continue;
    if (!goNames.has(name)) out.add(name);
  }
  cache.set(facts, out);
  return out;
}

/** Whether a container runs one of the repository's programs in another language (see {@link otherLanguageImages}). */
export function runsOtherLanguage(
  facts: ServiceFacts,
  container: Container,
): boolean {
  if (!container.image) return false;
  const name = imageName(container.image)?.path;
  const last = name?.[name.length - 1];
  return !!last && otherLanguageImages(facts).has(last);
}
