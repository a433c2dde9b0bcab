import { generatedConfigMaps, readEnvFile } from './generatedConfigMaps';
import { Kustomization } from './kustomizePatch';

const ref = (path: string, line: number) => ({ path, line, snippet: '' });

function kustomization(
  dir: string,
  resources: string[],
  configMapGenerator: Kustomization['configMapGenerator'],
): Kustomization {
  return {
    type: 'kustomization',
    path: `${dir}/kustomization.yaml`,
    dir,
    resources,
    components: [],
    patches: [],
    configMapGenerator,
    notes: [],
  };
}

describe('readEnvFile', () => {
  it('reads KEY=VALUE lines at their lines, skipping blanks and comments', () => {
    const data = readEnvFile('a.env', '# c\n\nA=x:1\nB="y z"\nnot a pair\n');
    expect(Object.keys(data)).toEqual(['A', 'B']);
    expect(data.A).toMatchObject({ path: 'a.env', line: 3, value: 'x:1' });
    expect(data.B.value).toBe('y z');
  });
});

describe('generatedConfigMaps', () => {
  const base = kustomization(
    'base',
    [],
    [
      {
        name: 'cfg',
        behavior: 'create',
        literals: { A: { ...ref('base/kustomization.yaml', 5), value: 'a:1' } },
        envFiles: ['base/app.env', 'base/missing.env'],
        ref: ref('base/kustomization.yaml', 3),
      },
    ],
  );
  const prod = kustomization(
    'prod',
    ['base'],
    [
      {
        name: 'cfg',
        behavior: 'merge',
        literals: {
          A: { ...ref('prod/kustomization.yaml', 6), value: 'a.x:1' },
        },
        envFiles: [],
        ref: ref('prod/kustomization.yaml', 4),
      },
    ],
  );
  const byDir = new Map([
    ['base', [base]],
    ['prod', [prod]],
  ]);
  const envFiles = new Map([['base/app.env', 'B=b:2\n']]);

  it("merges an overlay's generator over its base's, marked with the root", () => {
    const notes: { path: string; message: string }[] = [];
    const [cfg] = generatedConfigMaps(prod, byDir, envFiles, notes);
    expect(cfg.overlay).toBe('prod');
    expect(cfg.data.A.value).toBe('a.x:1');
    expect(cfg.data.B).toMatchObject({ path: 'base/app.env', line: 1 });
    expect(notes.map(n => n.message)).toEqual([
      'configMapGenerator cfg: env file base/missing.env not found in the tree; its keys are not known',
    ]);
  });

  it('replaces the data with behavior replace', () => {
    const replace = kustomization(
      'r',
      ['base'],
      [{ ...prod.configMapGenerator![0], behavior: 'replace' }],
    );
    byDir.set('r', [replace]);
    const [cfg] = generatedConfigMaps(replace, byDir, envFiles, []);
    expect(Object.keys(cfg.data)).toEqual(['A']);
  });
});
