import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compareStrings } from '../../text/compareStrings';

let fingerprint: string | undefined;

/**
 * A hash (hex SHA-256) of the analyzer's code as this process runs it: every source or built
 * module of this package (tests left out), and the parser's and the Go grammar's WebAssembly.
 * Read once per process. Part of every cache key of extracted facts, so that facts extracted
 * by other code are never taken for this code's.
 */
export function analyzerCodeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  // The package's sources when this module runs from them, else its build.
  const root = join(
    dirname(require.resolve('@internal/plugin-go-scorecard-node/package.json')),
    __filename.endsWith('.ts') ? 'src' : 'dist',
  );
  for (const file of moduleFiles(root)) {
    hash.update(file.slice(root.length));
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  for (const wasm of [
    'web-tree-sitter/tree-sitter.wasm',
    'tree-sitter-go/tree-sitter-go.wasm',
  ]) {
    hash.update(readFileSync(require.resolve(wasm)));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function moduleFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    compareStrings(a.name, b.name),
  );
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '__testUtils__' && e.name !== 'testdata')
        out.push(...moduleFiles(path));
    } else if (/\.(ts|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
      out.push(path);
    }
  }
  return out;
}
