import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** A finding a fixture expects: `path:line check-id`. */
export type Expectation = string;

const goWant = /\/\/ want((?:\s+"[a-z0-9-]+")+)\s*$/;
const hashWant = /#\s*want:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/** The check ids a line's `// want "id" "id"` or `# want: id, id` comment names. */
export function wantsOnLine(line: string): string[] {
  const go = goWant.exec(line);
  if (go) return [...go[1].matchAll(/"([a-z0-9-]+)"/g)].map(m => m[1]);
  const hash = hashWant.exec(line);
  if (hash) return hash[1].split(',').map(s => s.trim());
  return [];
}

/** Every file below a folder, as relative POSIX paths. */
export async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(join(root, prefix), {
    withFileTypes: true,
  })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/**
 * What a fixture case expects: findings from want comments in its files and from
 * `want.txt` (`path:line check-id` lines, for files that cannot hold comments), and
 * statuses from `statuses.txt` (`check-id status` lines).
 */
export async function readExpectations(caseDir: string): Promise<{
  findings: Expectation[];
  statuses: Record<string, string>;
}> {
  const findings: Expectation[] = [];
  const statuses: Record<string, string> = {};
  for (const path of await listFiles(caseDir)) {
    const text = await fs.readFile(join(caseDir, path), 'utf8');
    const lines = text
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'));
    if (path === 'want.txt') {
      findings.push(...lines.map(l => l.replace(/\s+/, ' ')));
    } else if (path === 'statuses.txt') {
      for (const l of lines) {
        const [id, status] = l.split(/\s+/);
        statuses[id] = status;
      }
    } else {
      text.split('\n').forEach((line, i) => {
        for (const id of wantsOnLine(line.replace(/\r$/, ''))) {
          findings.push(`${path}:${i + 1} ${id}`);
        }
      });
    }
  }
  return { findings: findings.sort(), statuses };
}
