import { ScanNote } from '@internal/plugin-go-scorecard-common';
import { ConfigMapFacts, LocatedValue } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { GeneratedConfigMap, Kustomization } from './kustomizePatch';

/**
 * A `KEY=VALUE` source of a `configMapGenerator` (a `literals` item, a line of an `envs` file):
 * the key and the value, blanks around both and one pair of surrounding quotes removed;
 * undefined without a key.
 */
export function generatorPair(
  text: string,
): { key: string; value: string } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const value = text
    .slice(eq + 1)
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
  return { key: text.slice(0, eq).trim(), value };
}

/**
 * The `KEY=VALUE` lines of an env file a `configMapGenerator` names (kustomize's `envs`): blank
 * lines and `#` comments skipped, one pair of surrounding quotes removed, each value at its line.
 */
export function readEnvFile(
  path: string,
  text: string,
): Record<string, LocatedValue> {
  const out: Record<string, LocatedValue> = {};
  const lines = new LineIndex(text);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const pair = line.startsWith('#') ? undefined : generatorPair(line);
    if (!pair) return;
    out[pair.key] = {
      path,
      line: i + 1,
      snippet: lines.snippet(i + 1),
      value: pair.value,
    };
  });
  return out;
}

/**
 * The ConfigMaps the `configMapGenerator`s of one root kustomization make, as kustomize builds
 * them: the generators of its resources' kustomizations first (in order, recursively), then of
 * its components, then its own; `behavior: merge` adds to and overrides a ConfigMap an earlier
 * generator made, `replace` replaces its data, `create` (the default) makes it. Each is marked
 * with the root (`overlay`), so a workload of that root reads its own. `envFiles` holds the
 * texts of the env files the tree has; one it lacks is noted and its keys are not known.
 */
export function generatedConfigMaps(
  root: Kustomization,
  byDir: Map<string, Kustomization[]>,
  envFiles: ReadonlyMap<string, string>,
  notes: { push(note: ScanNote): void },
): ConfigMapFacts[] {
  const maps = new Map<string, ConfigMapFacts>();
  const visit = (k: Kustomization, path: Kustomization[]) => {
    if (path.includes(k)) return;
    const inner = [...path, k];
    for (const dir of [...k.resources, ...k.components])
      for (const base of byDir.get(dir) ?? []) visit(base, inner);
    for (const g of k.configMapGenerator ?? []) {
      const data = dataOf(g, envFiles, notes);
      const before = maps.get(g.name);
      maps.set(g.name, {
        name: g.name,
        ref: g.ref,
        data:
          g.behavior === 'merge' && before ? { ...before.data, ...data } : data,
        overlay: root.dir,
      });
    }
  };
  visit(root, []);
  return [...maps.values()];
}

function dataOf(
  g: GeneratedConfigMap,
  envFiles: ReadonlyMap<string, string>,
  notes: { push(note: ScanNote): void },
): Record<string, LocatedValue> {
  let data: Record<string, LocatedValue> = {};
  for (const file of g.envFiles) {
    const text = envFiles.get(file);
    if (text === undefined) {
      notes.push({
        path: g.ref.path,
        message: `configMapGenerator ${g.name}: env file ${file} not found in the tree; its keys are not known`,
      });
      continue;
    }
    data = { ...data, ...readEnvFile(file, text) };
  }
  return { ...data, ...g.literals };
}
