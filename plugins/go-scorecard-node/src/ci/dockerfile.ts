import { ShellCommand } from '../facts';
import { argvCommands, shellCommands } from '../shell/commands';
import { tokenize } from '../shell/tokenize';
import { MappedText } from '../text/mappedText';
import { DockerfileStages } from './dockerfileStages';

/** One instruction of a Dockerfile, continuation lines joined, with a file line per offset. */
interface Instruction {
  keyword: string;
  args: MappedText;
  line: number;
  /** Here-document bodies that follow the instruction (BuildKit `RUN <<EOF`). */
  heredocs: { delimiter: string; body: MappedText }[];
}

const HEREDOC = /<<(-?)(["']?)([A-Za-z_][\w.-]*)\2/g;
const RUN_FLAG = /^\s*--[a-z-]+(=\S*)?/;
const SCRIPT_HEREDOC =
  /^\s*(?:(?:\/usr)?(?:\/bin\/)?(?:ba|da)?sh\s+)?<<-?(["']?)[A-Za-z_][\w.-]*\1\s*$/;

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

function isComment(line: string): boolean {
  return /^\s*#/.test(line);
}

/**
 * The escape character set by the `escape` parser directive, read as BuildKit does: the
 * directives (`syntax`, `escape`, `check`, any case, each once) are the comment lines at
 * the very top; the first line that is not one (a plain comment, a blank line, an
 * instruction) ends them.
 */
function escapeCharacter(lines: string[]): string {
  let escape = '\\';
  const seen = new Set<string>();
  for (const line of lines) {
    const m = DIRECTIVE.exec(line.trimStart());
    const name = m?.[1].toLowerCase();
    if (!name || !DIRECTIVE_NAMES.has(name) || seen.has(name)) break;
    seen.add(name);
    if (name === 'escape' && (m![2] === '`' || m![2] === '\\')) escape = m![2];
  }
  return escape;
}

/**
 * The instructions of a Dockerfile: comments dropped, the `escape` parser directive
 * honoured, continuation lines joined as BuildKit joins them (the escape character and
 * the blanks after it removed, nothing added; comment and blank lines inside skipped).
 */
function instructions(text: string): Instruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const escape = escapeCharacter(lines);
  const continuation = escape === '`' ? /`[ \t]*$/ : /\\[ \t]*$/;
  const result: Instruction[] = [];
  for (let n = 0; n < lines.length; n++) {
    const m = /^\s*([A-Za-z]+)(\s+|$)(.*)$/.exec(lines[n]);
    if (!m || isComment(lines[n])) continue;
    const args = new MappedText();
    const line = n + 1;
    let part = m[3];
    for (;;) {
      const joined = part.replace(continuation, '');
      const continued = joined.length < part.length;
      args.append(joined, n + 1);
      if (!continued) break;
      do n++;
      while (
        n < lines.length &&
        (isComment(lines[n]) || lines[n].trim() === '')
      );
      if (n >= lines.length) break;
      part = lines[n];
    }
    const heredocs: Instruction['heredocs'] = [];
    for (const h of args.text.matchAll(HEREDOC)) {
      const body = new MappedText();
      while (++n < lines.length) {
        const bodyLine = h[1] ? lines[n].replace(/^\t+/, '') : lines[n];
        if (bodyLine === h[3]) break;
        body.append(`${bodyLine}\n`, n + 1);
      }
      heredocs.push({ delimiter: h[3], body });
    }
    result.push({ keyword: m[1].toUpperCase(), args, line, heredocs });
  }
  return result;
}

/**
 * The variables an ENV or ARG instruction declares, values after quote removal:
 * `KEY=value` pairs, the legacy `ENV KEY value`, and an ARG's bare `NAME` (no default).
 */
function declarations(
  keyword: string,
  args: string,
): { name: string; value?: string }[] {
  const words = tokenize(args).flatMap(t =>
    t.kind === 'word' ? [t.value] : [],
  );
  if (keyword === 'ENV' && words.length > 0 && !words[0].includes('='))
    return [{ name: words[0], value: words.slice(1).join(' ') }];
  return words.flatMap(w => {
    const eq = w.indexOf('=');
    if (eq > 0) return [{ name: w.slice(0, eq), value: w.slice(eq + 1) }];
    return keyword === 'ARG' && /^[A-Za-z_]\w*$/.test(w) ? [{ name: w }] : [];
  });
}

/**
 * The commands of one RUN instruction, in shell form, exec form or as a here-document script;
 * or of what the image runs: ENTRYPOINT, CMD, and a HEALTHCHECK's `CMD` (after its options).
 */
function runCommands(
  path: string,
  run: Instruction,
  environment: Record<string, string>,
): ShellCommand[] {
  let script = run.args.text;
  let offset = 0;
  for (
    let m = RUN_FLAG.exec(script.slice(offset));
    m;
    m = RUN_FLAG.exec(script.slice(offset))
  ) {
    offset += m[0].length;
  }
  if (run.keyword === 'HEALTHCHECK') {
    const cmd = /^\s*CMD\b/i.exec(script.slice(offset));
    if (!cmd) return []; // HEALTHCHECK NONE
    offset += cmd[0].length;
  }
  script = script.slice(offset);
  const lineOf = (o: number) => run.args.lineOf(o + offset);

  if (script.trim().startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(script);
      if (Array.isArray(argv) && argv.every(a => typeof a === 'string')) {
        return argvCommands(argv, run.line, path);
      }
    } catch {
      // not JSON: Docker runs it in shell form
    }
  }
  if (run.heredocs.length === 1 && SCRIPT_HEREDOC.test(script)) {
    const body = run.heredocs[0].body;
    if (/^#!(?!.*\b(ba|da)?sh\b)/.test(body.text)) return [];
    return shellCommands(body.text, run.line, path, body.lineOf, environment);
  }
  if (
    run.heredocs.length > 0 &&
    tokenize(script).filter(t => t.kind === 'redirect' && /<<-?$/.test(t.op))
      .length === run.heredocs.length
  ) {
    const full = withHeredocs(script, lineOf, run.heredocs);
    return shellCommands(full.text, run.line, path, full.lineOf, environment);
  }
  return shellCommands(script, run.line, path, lineOf, environment);
}

/**
 * The script BuildKit hands the shell for a RUN with here-documents that is not a
 * here-document script: the command line, then each body and its delimiter line. The
 * shell then gives each body to its command (`RUN <<EOF bash` runs it as a script,
 * `RUN <<EOF tee f` writes it). Used when the shell sees as many here-documents in the
 * command line as were read (a `<<EOF` in quotes is none: its lines stay unread).
 */
function withHeredocs(
  script: string,
  lineOf: (offset: number) => number,
  heredocs: Instruction['heredocs'],
): { text: string; lineOf: (offset: number) => number } {
  let text = `${script}\n`;
  const parts = [{ at: 0, lineOf }];
  for (const { delimiter, body } of heredocs) {
    const at = text.length;
    text += `${body.text}${delimiter}\n`;
    const end = at + body.text.length;
    const last =
      end > at ? body.lineOf(end - at - 1) : parts[parts.length - 1].lineOf(at);
    parts.push({
      at,
      lineOf: o => (o < end ? body.lineOf(o - at) : last + 1),
    });
  }
  return {
    text,
    lineOf: o => {
      let k = parts.length - 1;
      while (parts[k].at > o) k--;
      return parts[k].lineOf(o);
    },
  };
}

/**
 * The shell commands of a Dockerfile's RUN instructions, and of the ENTRYPOINT, CMD and
 * HEALTHCHECK commands the image runs: shell form (continuations
 * joined, `--mount`-style flags dropped), exec form (a JSON array, run without a shell)
 * and BuildKit here-document scripts (`RUN <<EOF`). The here-documents of other RUNs go
 * to their commands, as BuildKit's shell gives them: a shell reading one runs it as a
 * script (`RUN <<EOF bash`), to any other command (`RUN <<EOF tee f`) it is data.
 * Each command runs with the variables in scope at its RUN ({@link DockerfileStages}: the
 * stage's ARG and ENV values, and the ENV of the stage it is built `FROM`) in its env; in
 * shell form the shell expands `$NAME` and `${NAME}` in its words to them (exec form
 * expands nothing).
 */
export function dockerfileCommands(path: string, text: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const stages = new DockerfileStages();
  for (const instruction of instructions(text)) {
    const args = instruction.args.text;
    switch (instruction.keyword) {
      case 'FROM':
        stages.from(args);
        break;
      case 'ARG':
        stages.arg(declarations('ARG', args));
        break;
      case 'ENV':
        stages.env(
          declarations('ENV', args).map(d => ({
            name: d.name,
            value: d.value ?? '',
          })),
        );
        break;
      // What the image runs uses what the build installed (`ENTRYPOINT ["/go/bin/drone"]`,
      // `HEALTHCHECK CMD grpc-health-probe -addr=:50051`).
      case 'ENTRYPOINT':
      case 'CMD':
      case 'HEALTHCHECK':
      case 'RUN': {
        const environment = stages.environment();
        for (const c of runCommands(path, instruction, environment)) {
          commands.push({ ...c, env: { ...environment, ...c.env } });
        }
        break;
      }
      default:
        break;
    }
  }
  return commands;
}
