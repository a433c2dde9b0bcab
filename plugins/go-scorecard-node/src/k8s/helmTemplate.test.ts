import { blankTemplateActions } from './helmTemplate';
import { TEMPLATE_PLACEHOLDER } from './helm/templateValues';

describe('blankTemplateActions', () => {
  it('blanks action-only lines, replaces inline actions, keeps line count', () => {
    const text =
      'a: 1\n{{- if .Values.x }}\nb: {{ .Values.b }}-x\n  {{ toYaml .c\n   | nindent 2 }}\nc: 3\r\n{{ end }}\r\n';
    const out = blankTemplateActions(text);
    expect(out.text.split('\n')).toEqual([
      'a: 1',
      '',
      `b: ${TEMPLATE_PLACEHOLDER}-x`,
      '',
      '',
      'c: 3\r',
      '\r',
      '',
    ]);
    // `{{- if … }}` and `{{ end }}` write nothing: only the toYaml line may hide YAML
    expect(out.opaqueLines).toEqual([4]);
    expect(out.origins).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
