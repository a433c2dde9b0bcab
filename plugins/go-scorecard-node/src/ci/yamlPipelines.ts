import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Scalar,
} from 'yaml';
import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { NodeReader } from '../yaml/nodes';
import { firstError, parseYaml } from '../yaml/parseYaml';
import { scalarLineMap } from '../yaml/scalarLines';
import { CiFileKind } from './ciFileKind';

/** Keys whose values are shell scripts, per pipeline format. */
const SCRIPT_KEYS: Partial<Record<CiFileKind, Set<string>>> = {
  'github-actions': new Set(['run']),
  'gitlab-ci': new Set(['script', 'before_script', 'after_script']),
  circleci: new Set(['run']),
  travis: new Set([
    'before_install',
    'install',
    'before_script',
    'script',
    'after_script',
    'after_success',
    'after_failure',
    'before_deploy',
    'after_deploy',
    'before_cache',
  ]),
  'azure-pipelines': new Set(['script', 'bash']),
  taskfile: new Set(['cmds', 'cmd']),
};

/** Keys of a mapping that holds one command: CircleCI `run: {command}`, Taskfile `cmds: [{cmd}]`. */
const COMMAND_KEYS = ['command', 'cmd'];
const MAX_DEPTH = 64;

/** Whether `kind` is a YAML pipeline format read by {@link yamlPipelineCommands}. */
export function isYamlPipeline(kind: CiFileKind): boolean {
  return SCRIPT_KEYS[kind] !== undefined;
}

class ScriptCollector {
  private readonly reader: NodeReader;
  private readonly walked = new Set<Node>();
  private readonly read = new Set<Node>();
  private readonly scripts: Scalar[] = [];

  constructor(
    private readonly doc: Document.Parsed,
    private readonly keys: Set<string>,
  ) {
    this.reader = new NodeReader(doc);
  }

  collect(): Scalar[] {
    this.walk(this.reader.resolve(this.doc.contents), 0);
    return this.scripts;
  }

  private walk(node: Node | undefined, depth: number) {
    if (!node || depth > MAX_DEPTH || this.walked.has(node)) return;
    this.walked.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const value = this.reader.resolve(pair.value);
        if (isScalar(pair.key) && this.keys.has(String(pair.key.value))) {
          this.scriptsIn(value, depth + 1);
        } else {
          this.walk(value, depth + 1);
        }
      }
    } else if (isSeq(node)) {
      for (const item of node.items)
        this.walk(this.reader.resolve(item), depth + 1);
    }
  }

  private scriptsIn(node: Node | undefined, depth: number) {
    if (
      !node ||
      depth > MAX_DEPTH ||
      this.read.has(node) ||
      node.tag === '!reference'
    )
      return;
    this.read.add(node);
    if (isScalar(node)) {
      if (typeof node.value === 'string') this.scripts.push(node);
    } else if (isSeq(node)) {
      for (const item of node.items)
        this.scriptsIn(this.reader.resolve(item), depth + 1);
    } else if (isMap(node)) {
      for (const key of COMMAND_KEYS)
        this.scriptsIn(this.reader.get(node, key), depth + 1);
    }
  }
}

/**
 * The shell commands of a YAML pipeline (GitHub Actions `run`, GitLab `script`,
 * CircleCI `run`/`command`, Travis phases, Azure `script`/`bash`, Taskfile `cmds`):
 * every value under a script key, as a string or a (nested) list of strings, with
 * file lines even in block and folded scalars. Anchored scripts are read once, where
 * they are written; GitLab `!reference` tags are skipped.
 *
 * @throws Error naming the file when the YAML does not parse.
 */
export function yamlPipelineCommands(
  path: string,
  text: string,
  kind: CiFileKind,
): ShellCommand[] {
  const keys = SCRIPT_KEYS[kind]!;
  const { docs, lines } = parseYaml(text);
  const commands: ShellCommand[] = [];
  for (const doc of docs) {
    const error = firstError(doc, lines);
    if (error) throw new Error(`${path}: invalid YAML at ${error}`);
    let scripts: Scalar[];
    try {
      scripts = new ScriptCollector(doc, keys).collect();
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
    for (const scalar of scripts) {
      commands.push(...scriptCommands(path, text, scalar, lines));
    }
  }
  return commands;
}

function scriptCommands(
  path: string,
  text: string,
  scalar: Scalar,
  lines: LineCounter,
): ShellCommand[] {
  const map = scalarLineMap(text, scalar, lines);
  return shellCommands(String(scalar.value), 1, path, map);
}
