import { OverlayFindings, inOverlays } from './overlayFindings';

const ref = (path: string, line: number) => ({
  path,
  line,
  snippet: `l${line}`,
});

describe('inOverlays', () => {
  it('names each overlay once, the top one as ./', () => {
    expect(inOverlays([])).toBe('');
    expect(
      inOverlays(['deploy/overlays/prod', '.', 'deploy/overlays/prod']),
    ).toBe(' (in deploy/overlays/prod, ./)');
  });
});

describe('OverlayFindings', () => {
  it('makes the findings of one place one, naming the overlays; keeps the others as they come', () => {
    const f = new OverlayFindings();
    f.add(ref('base/d.yaml', 9), 'no preStop', 'overlays/staging');
    f.add(ref('plain.yaml', 4), 'no preStop');
    f.add(ref('plain.yaml', 4), 'no preStop');
    f.add(ref('base/d.yaml', 9), 'no preStop', 'overlays/dev');
    f.add(ref('base/d.yaml', 2), 'grace 30 < 10 + 20', 'overlays/prod');
    f.add(ref('base/d.yaml', 2), 'grace 30 < 5 + 20', 'overlays/dev');
    expect(f.findings()).toEqual([
      {
        path: 'base/d.yaml',
        line: 9,
        snippet: 'l9',
        message: 'no preStop (in overlays/staging, overlays/dev)',
      },
      // Workloads no kustomization includes (a Helm range) may share a line: kept apart.
      { path: 'plain.yaml', line: 4, snippet: 'l4', message: 'no preStop' },
      { path: 'plain.yaml', line: 4, snippet: 'l4', message: 'no preStop' },
      {
        path: 'base/d.yaml',
        line: 2,
        snippet: 'l2',
        message:
          'grace 30 < 10 + 20 (in overlays/prod); grace 30 < 5 + 20 (in overlays/dev)',
      },
    ]);
  });
});
