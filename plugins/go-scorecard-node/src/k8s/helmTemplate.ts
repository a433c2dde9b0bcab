/** What a template action inside a value (`image: {{ .Values.image }}`) becomes. */
export const TEMPLATE_PLACEHOLDER = '__TEMPLATE__';

const ACTION = /\{\{[\s\S]*?\}\}/g;
const SENTINEL = '\u0000';

/**
 * Makes a Helm (Go template) file parseable as YAML while keeping its line numbers:
 * a line holding nothing but template actions (`{{- if … }}`, `{{ toYaml … | nindent 8 }}`)
 * becomes empty, an action inside a line becomes {@link TEMPLATE_PLACEHOLDER}, and the
 * extra lines of a multi-line action become empty. Returns the text and the 1-based lines
 * that only held actions: there, the template may produce YAML the analyzer cannot see.
 */
export function blankTemplateActions(text: string): {
  text: string;
  actionLines: number[];
} {
  const marked = text.replace(
    ACTION,
    action => SENTINEL + action.replace(/[^\n]/g, ''),
  );
  const actionLines: number[] = [];
  const lines = marked.split('\n').map((line, index) => {
    if (!line.includes(SENTINEL)) return line;
    if (line.split(SENTINEL).join('').trim() === '') {
      actionLines.push(index + 1);
      return line.endsWith('\r') ? '\r' : '';
    }
    return line.split(SENTINEL).join(TEMPLATE_PLACEHOLDER);
  });
  return { text: lines.join('\n'), actionLines };
}
