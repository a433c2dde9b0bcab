import { parseWaiverSource, splitNoteLine } from './policyFile';

describe('parseWaiverSource', () => {
  it('reads the path and line', () => {
    expect(parseWaiverSource('.go-scorecard.yaml:12')).toEqual({
      path: '.go-scorecard.yaml',
      line: 12,
    });
    expect(parseWaiverSource('.go-scorecard.yaml')).toBeUndefined();
  });
});

describe('splitNoteLine', () => {
  it('takes the line out of a policy note', () => {
    expect(
      splitNoteLine({
        path: '.go-scorecard.yaml',
        message:
          'line 9: stale waiver: k8s-ndots has no finding to waive; remove the waiver',
      }),
    ).toEqual({
      path: '.go-scorecard.yaml',
      line: 9,
      message:
        'stale waiver: k8s-ndots has no finding to waive; remove the waiver',
    });
    expect(
      splitNoteLine({ path: 'a.go', message: 'skipped: binary file' }),
    ).toEqual({ path: 'a.go', message: 'skipped: binary file' });
  });
});
