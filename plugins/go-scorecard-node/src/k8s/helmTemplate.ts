import type { RenderedTemplate } from './helm/renderTemplate';
import { TEMPLATE_PLACEHOLDER } from './helm/templateValues';

const ACTION = /\{\{[\s\S]*?\}\}/g;
const SENTINEL = '\u0000';
const SILENT = '\u0001';
/**
 * An action that writes nothing where it stands: `if`, `else`, `end`, `range`, `with`,
 * `define`, `break`, `continue`, a comment, a variable assignment (`{{- $x := … }}`).
 */
const SILENT_ACTION =
  /^\{\{-?\s*(?:(?:if|else|end|range|with|define|break|continue)\b|\/\*|\$\w*\s*:?=)/;

/**
 * Makes a Go-template file that cannot be rendered (a template outside any chart, or one
 * whose chart rendering does not parse) readable as YAML while keeping its line numbers:
 * a line holding nothing but template actions becomes empty, and opaque (the template may
 * produce YAML there the analyzer cannot see) when one of them writes output (`{{ toYaml … |
 * nindent 8 }}`; not `{{- if … }}`, `{{- end }}`, a comment or an assignment), an
 * action inside a line becomes {@link TEMPLATE_PLACEHOLDER}, and the extra lines of a
 * multi-line action become empty.
 */
export function blankTemplateActions(text: string): RenderedTemplate {
  const marked = text.replace(
    ACTION,
    action =>
      (SILENT_ACTION.test(action) ? SILENT : SENTINEL) +
      action.replace(/[^\n]/g, ''),
  );
  const opaqueLines: number[] = [];
  const lines = marked.split('\n').map((line, index) => {
    if (!line.includes(SENTINEL) && !line.includes(SILENT)) return line;
    const rest = line.split(SENTINEL).join('').split(SILENT).join('');
    if (rest.trim() === '') {
      // Only control actions, comments and assignments: they write nothing there.
      if (line.includes(SENTINEL)) opaqueLines.push(index + 1);
      return line.endsWith('\r') ? '\r' : '';
    }
    return line
      .split(SENTINEL)
      .join(TEMPLATE_PLACEHOLDER)
      .split(SILENT)
      .join('');
  });
  return {
    text: lines.join('\n'),
    origins: lines.map((_, i) => i + 1),
    opaqueLines,
  };
}
