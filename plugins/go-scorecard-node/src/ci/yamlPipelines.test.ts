import { substituteEnvExpressions } from './yamlPipelines';

describe('substituteEnvExpressions', () => {
  it('replaces known env expressions and maps offsets back to the original', () => {
    const script =
      'go install a@${{ env.V }}\ngo install b@${{env.UNKNOWN}}\necho ${{ env.LONG }} end';
    const { text, original } = substituteEnvExpressions(script, {
      V: 'latest',
      LONG: 'a-much-longer-value-than-the-expression',
    });
    expect(text).toBe(
      'go install a@latest\ngo install b@${{env.UNKNOWN}}\necho a-much-longer-value-than-the-expression end',
    );
    // Each line's start maps to the same line's start in the original.
    const starts = (s: string) => [
      0,
      ...[...s.matchAll(/\n/g)].map(m => m.index! + 1),
    ];
    expect(starts(text).map(original)).toEqual(starts(script));
    expect(original(text.indexOf(' end'))).toBe(script.indexOf(' end'));
  });

  it('leaves a script without expressions alone', () => {
    const { text, original } = substituteEnvExpressions('go test ./...', {});
    expect(text).toBe('go test ./...');
    expect(original(5)).toBe(5);
  });
});
