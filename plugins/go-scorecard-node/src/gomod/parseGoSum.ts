import { GoSumEntry } from '../facts';
import { GoModSyntaxError } from './goModSyntaxError';

const GO_MOD_SUFFIX = '/go.mod';

/**
 * Parses go.sum: `module version hash` (the module zip) and `module version/go.mod hash`
 * (its go.mod) lines. Blank lines are skipped.
 *
 * @throws GoModSyntaxError for a line without exactly three fields or with a hash
 *   lacking its `algorithm:` prefix.
 */
export function parseGoSum(text: string, path = 'go.sum'): GoSumEntry[] {
  const entries: GoSumEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const fields = raw.trim().split(/[ \t]+/);
    if (fields.length === 1 && fields[0] === '') return;
    if (fields.length !== 3) {
      throw new GoModSyntaxError(
        path,
        line,
        `malformed go.sum line: want "module version hash", got ${fields.length} field(s)`,
      );
    }
    const [modPath, version, hash] = fields;
    if (!/^[a-z0-9]+:./.test(hash)) {
      throw new GoModSyntaxError(
        path,
        line,
        `malformed go.sum hash ${JSON.stringify(hash)}`,
      );
    }
    const goMod = version.endsWith(GO_MOD_SUFFIX);
    entries.push({
      path: modPath,
      version: goMod ? version.slice(0, -GO_MOD_SUFFIX.length) : version,
      goMod,
      line,
    });
  });
  return entries;
}
