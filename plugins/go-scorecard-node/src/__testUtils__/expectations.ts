import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** A finding a fixture expects: `path:line check-id`. */
export type Expectation = string;

/** `// want "id"` or `// want "id: message regexp"`, one or more. */
const goWant = /\/\/ want((?:\s+"[a-z0-9-]+(?::[^"]*)?")+)\s*$/;
/** `# want: id` or `# want: id "message regexp"`, comma-separated. */
const hashWant =
  /#\s*want:\s*([a-z0-9-]+(?:\s+"[^"]*")?(?:\s*,\s*[a-z0-9-]+(?:\s+"[^"]*")?)*)\s*$/;

/** One want of a line: the check id, and optionally a regexp its finding's message must match (as go vet's `// want "regexp"`). */
export interface Want {
  id: string;
  message?: RegExp;
}

/** The wants a line's `// want "id" "id: regexp"` or `# want: id, id "regexp"` comment names. */
export function wantsWithMessages(line: string): Want[] {
  const go = goWant.exec(line);
  if (go) {
    return [...go[1].matchAll(/"([a-z0-9-]+)(?::\s*([^"]*))?"/g)].map(m =>
      m[2] ? { id: m[1], message: new RegExp(m[2]) } : { id: m[1] },
    );
  }
  const hash = hashWant.exec(line);
  if (hash) {
    return [...hash[1].matchAll(/([a-z0-9-]+)(?:\s+"([^"]*)")?/g)].map(m =>
      m[2] ? { id: m[1], message: new RegExp(m[2]) } : { id: m[1] },
    );
  }
  return [];
}

/** The check ids a line's want comment names. */
export function wantsOnLine(line: string): string[] {
  return wantsWithMessages(line).map(w => w.id);
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
  /** For wants that give one: the expectation and the regexp its message must match. */
  messages: { finding: Expectation; message: RegExp }[];
}> {
  const findings: Expectation[] = [];
  const messages: { finding: Expectation; message: RegExp }[] = [];
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
        for (const want of wantsWithMessages(line.replace(/\r$/, ''))) {
          const finding = `${path}:${i + 1} ${want.id}`;
          findings.push(finding);
          if (want.message) messages.push({ finding, message: want.message });
        }
      });
    }
  }
  return { findings: findings.sort(), statuses, messages };
}
