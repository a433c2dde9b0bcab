import type { CodeTokenKind } from './highlightCode';

/** The colours of a code block: its background, plain text, border and each token kind. */
export type CodePalette = Record<CodeTokenKind, string> & {
  background: string;
  text: string;
  border: string;
};

/**
 * Code colours for the light and dark themes (GitHub's, built for it): every text colour
 * keeps a contrast of at least 4.5:1 (WCAG AA) on its background; a test checks it.
 */
export const codePalettes: Record<'light' | 'dark', CodePalette> = {
  light: {
    background: '#f6f8fa',
    border: '#d0d7de',
    text: '#1f2328',
    comment: '#57606a',
    string: '#0a3069',
    keyword: '#cf222e',
    constant: '#0550ae',
    type: '#6639ba',
    variable: '#953800',
  },
  dark: {
    background: '#161b22',
    border: '#30363d',
    text: '#e6edf3',
    comment: '#8b949e',
    string: '#a5d6ff',
    keyword: '#ff7b72',
    constant: '#79c0ff',
    type: '#d2a8ff',
    variable: '#ffa657',
  },
};
