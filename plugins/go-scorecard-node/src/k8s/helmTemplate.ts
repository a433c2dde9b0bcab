import type { RenderedTemplate } from './helm/renderTemplate';
import { TEMPLATE_PLACEHOLDER } from './helm/templateValues';

const ACTION = /\{\{[\s\S]*?\}\}/g;
const SENTINEL = '\u0000';

/**
 * Makes a Go-template file that cannot be rendered (a template outside any chart, or one
 * whose chart rendering does not parse) readable as YAML while keeping its line numbers:
 * a line holding nothing but template actions (`{{- if … }}`, `{{ toYaml … | nindent 8 }}`)
 * becomes empty and opaque (the template may produce YAML there the analyzer cannot see), an
 * action inside a line becomes {@link TEMPLATE_PLACEHOLDER}, and the extra lines of a
 * multi-line action become empty.
 */
export function blankTemplateActions(text: string): RenderedTemplate {
  const marked = text.replace(
    ACTION,
    action => SENTINEL + action.replace(/[^\n]/g, ''),
  );
  const opaqueLines: number[] = [];
  const lines = marked.split('\n').map((line, index) => {
    if (!line.includes(SENTINEL)) return line;
    if (line.split(SENTINEL).join('').trim() === '') {
      opaqueLines.push(index + 1);
      return line.endsWith('\r') ? '\r' : '';
    }
    return line.split(SENTINEL).join(TEMPLATE_PLACEHOLDER);
  });
  return {
    text: lines.join('\n'),
    origins: lines.map((_, i) => i + 1),
    opaqueLines,
  };
}
