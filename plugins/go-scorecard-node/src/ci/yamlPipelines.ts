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
import { argvCommands, shellCommands } from '../shell/commands';
import { NodeReader } from '../yaml/nodes';
import { firstError, parseYaml } from '../yaml/parseYaml';
import { scalarLineMap } from '../yaml/scalarLines';
import { CiFileKind } from './ciFileKind';

/** Keys whose values are shell scripts, per pipeline format. */
const SCRIPT_KEYS: Partial<Record<CiFileKind, Set<string>>> = {
  'github-actions': new Set(['run']),
  'github-action': new Set(['run']),
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
  // Azure's `pwsh:`/`powershell:` steps run PowerShell: a `go …` line runs the same program there.
  'azure-pipelines': new Set(['script', 'bash', 'pwsh', 'powershell']),
  taskfile: new Set(['cmds', 'cmd']),
  // AppVeyor's phases: plain lines, or `- cmd:`, `- sh:`, `- ps:` items.
  appveyor: new Set([
    'init',
    'install',
    'before_build',
    'build_script',
    'after_build',
    'before_test',
    'test_script',
    'after_test',
    'on_success',
    'on_failure',
    'on_finish',
    'before_deploy',
    'deploy_script',
    'after_deploy',
  ]),
  drone: new Set(['commands']),
  woodpecker: new Set(['commands']),
  'bitbucket-pipelines': new Set(['script', 'after-script']),
  buildkite: new Set(['command', 'commands']),
  semaphore: new Set(['commands']),
  // Cloud Build: a step's `script`; its `args` are read as an argv (cloudBuildArgs).
  cloudbuild: new Set(['script']),
  // GoReleaser: `before: {hooks: […]}`, a build's `hooks: {pre, post}` (strings, lists, `{cmd}`).
  goreleaser: new Set(['hooks', 'pre', 'post']),
  // Snapcraft: a part's scriptlets, and the older `prepare`/`build-commands`/`install` ones.
  snapcraft: new Set([
    'override-pull',
    'override-build',
    'override-stage',
    'override-prime',
    'prepare',
    'build-commands',
    'install',
  ]),
};

/** Keys whose values set environment variables for the scripts below them, per pipeline format. */
const ENV_KEYS: Partial<Record<CiFileKind, string[]>> = {
  'github-actions': ['env'],
  'github-action': ['env'],
  'gitlab-ci': ['variables'],
  circleci: ['environment'],
  travis: ['env'],
  'azure-pipelines': ['variables'],
  taskfile: ['env'],
  appveyor: ['environment'],
  drone: ['environment'],
  woodpecker: ['environment'],
  buildkite: ['env'],
  semaphore: ['env_vars'],
  cloudbuild: ['env'],
  goreleaser: ['env'],
  snapcraft: ['build-environment'],
};

/**
 * Keys whose values set template variables for the scripts below them, per format: go-task's
 * `vars:` (global and per task; go-task docs, "Variables"), written `{{.NAME}}` in a command
 * and replaced before the shell runs it, as the `env:` variables are too. A dynamic variable
 * (`sh: git describe`) has no value known here.
 */
const TEMPLATE_VAR_KEYS: Partial<Record<CiFileKind, string[]>> = {
  taskfile: ['vars'],
};

/**
 * The part of a document that holds the pipeline, where it is not the whole document: a
 * GitHub action's metadata runs steps only as a composite action (`runs: {using: composite,
 * steps: […]}`, GitHub docs "Metadata syntax for GitHub Actions"); a JavaScript or Docker
 * action runs no shell steps of the file.
 */
const PIPELINE_ROOTS: Partial<
  Record<
    CiFileKind,
    (reader: NodeReader, root: Node | undefined) => Node | undefined
  >
> = {
  'github-action': (reader, root) => {
    const runs = reader.get(root, 'runs');
    return reader.string(runs, 'using')?.toLowerCase() === 'composite'
      ? reader.get(runs, 'steps')
      : undefined;
  },
};

/**
 * Keys of a mapping that holds one command: CircleCI `run: {command}`, Taskfile `cmds: [{cmd}]`,
 * AppVeyor `- cmd:`, `- sh:`, `- ps:`, `- pwsh:` (the same words run a program in every shell).
 */
const COMMAND_KEYS = ['command', 'cmd', 'sh', 'ps', 'pwsh'];
const MAX_DEPTH = 64;

/** Whether `kind` is a YAML pipeline format read by {@link yamlPipelineCommands}. */
export function isYamlPipeline(kind: CiFileKind): boolean {
  return SCRIPT_KEYS[kind] !== undefined;
}

/** `K=V` words of a string (`GO111MODULE=on CGO_ENABLED=0`, Travis's env entries). */
function assignmentsOf(text: string, into: Record<string, string>) {
  for (const m of text.matchAll(
    /([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g,
  )) {
    into[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
}

/**
 * The variables a mapping's env key sets: a map (`env: {K: v}`), `K=V` strings (Travis, also
 * under `global:`), or `{name, value}` items (Azure).
 */
function envVariables(
  reader: NodeReader,
  node: Node | undefined,
  inherited: Record<string, string>,
  depth = 0,
): Record<string, string> {
  const env = { ...inherited };
  const value = reader.resolve(node);
  if (depth > 2) return env;
  if (isMap(value)) {
    for (const pair of value.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const v = reader.resolve(pair.value);
      if (key === 'global')
        Object.assign(env, envVariables(reader, v, {}, depth + 1));
      else if (
        key &&
        isScalar(v) &&
        v.value !== null &&
        typeof v.value !== 'object'
      )
        env[key] = String(v.value);
    }
  } else if (isSeq(value)) {
    for (const item of value.items) {
      const v = reader.resolve(item);
      if (isScalar(v) && typeof v.value === 'string')
        assignmentsOf(v.value, env);
      else if (isMap(v)) {
        const name = reader.string(v, 'name');
        const val = reader.get(v, 'value');
        if (name && isScalar(val)) env[name] = String(val.value);
      }
    }
  } else if (isScalar(value) && typeof value.value === 'string') {
    assignmentsOf(value.value, env);
  }
  return env;
}

/**
 * Travis's build matrix from the top-level `env`: a list of entries, or the entries of
 * `env.jobs` (`env.matrix`) beside `env.global`; each entry is a job of its own with the
 * global variables (Travis docs, Environment Variables: Defining Multiple Variables per
 * Item, Global Variables). Undefined when there are fewer than two jobs (one job's variables
 * are read as the pipeline's).
 */
function travisMatrix(
  doc: Document.Parsed,
): Record<string, string>[] | undefined {
  const reader = new NodeReader(doc);
  const env = reader.resolve(reader.get(doc.contents, 'env'));
  let global: Record<string, string> = {};
  let entries: Node | undefined = env;
  if (isMap(env)) {
    global = envVariables(reader, reader.get(env, 'global'), {});
    entries = reader.resolve(
      reader.get(env, 'jobs') ?? reader.get(env, 'matrix'),
    );
  }
  if (!isSeq(entries) || entries.items.length < 2) return undefined;
  return entries.items.map(item => envVariables(reader, item as Node, global));
}

/** What a script shares its shell with (see {@link SHARED_SHELL}): an `export` carries within it. */
type ShellGroup = object;

/**
 * Where the scripts of a pipeline share one shell, so that an `export` in one item reaches the
 * later ones: `job`, the scripts of one job map: every phase of a Travis job (Travis runs
 * `before_install`, `install`, `script`… in one shell; an item of `jobs.include` is a job of its
 * own); `gitlab-job`, a GitLab job's `before_script` and `script` (GitLab joins them into one
 * shell script; `after_script` runs in a new shell); `list`, the items of one list
 * (Drone, Woodpecker, Bitbucket, Buildkite and Semaphore join a step's commands into one
 * script). Elsewhere (GitHub Actions and CircleCI `run` steps, Taskfile `cmds`, Azure steps)
 * each script is its own shell.
 */
const SHARED_SHELL: Partial<Record<CiFileKind, 'job' | 'gitlab-job' | 'list'>> =
  {
    travis: 'job',
    'gitlab-ci': 'gitlab-job',
    drone: 'list',
    woodpecker: 'list',
    'bitbucket-pipelines': 'list',
    buildkite: 'list',
    semaphore: 'list',
  };

/** A script of a pipeline, with what it runs with (see {@link ScriptCollector}). */
interface CollectedScript {
  scalar: Scalar;
  env: Record<string, string>;
  /** Template variables ({@link TEMPLATE_VAR_KEYS}). */
  vars: Record<string, string>;
  again?: boolean;
  shell: ShellGroup;
}

class ScriptCollector {
  private readonly reader: NodeReader;
  private readonly walked = new Set<Node>();
  private read = new Set<Node>();
  /**
   * Each script, its variables and template variables; `again` when read again for a map
   * that inherits it.
   */
  private readonly scripts: CollectedScript[] = [];
  private again = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly keys: Set<string>,
    private readonly envKeys: string[],
    private readonly root?: (
      reader: NodeReader,
      root: Node | undefined,
    ) => Node | undefined,
    /** Top-level maps name the jobs they extend (GitLab `extends`). */
    private readonly extendsJobs = false,
    private readonly sharedShell?: 'job' | 'gitlab-job' | 'list',
    private readonly varKeys: string[] = [],
  ) {
    this.reader = new NodeReader(doc);
  }

  /**
   * The scripts and the variables each runs with; with `job`, those of one job of a build
   * matrix: its variables stand for the document's top-level env.
   */
  collect(job?: Record<string, string>): CollectedScript[] {
    const contents = this.reader.resolve(this.doc.contents);
    const root = this.root ? this.root(this.reader, contents) : contents;
    this.rootEnv = job;
    this.walk(this.reader.resolve(root), 0, job ?? {}, {});
    return this.scripts;
  }

  private rootEnv: Record<string, string> | undefined;

  private walk(
    node: Node | undefined,
    depth: number,
    inherited: Record<string, string>,
    inheritedVars: Record<string, string>,
  ) {
    if (!node || depth > MAX_DEPTH || this.walked.has(node)) return;
    this.walked.add(node);
    if (isMap(node)) {
      const bases = this.basesOf(node, depth, new Set());
      let env = inherited;
      let vars = inheritedVars;
      for (const map of [...bases, node]) {
        for (const key of depth === 0 && this.rootEnv ? [] : this.envKeys) {
          const pair = this.reader.pair(map, key);
          if (pair) env = envVariables(this.reader, pair.value as Node, env);
        }
        for (const key of this.varKeys) {
          const pair = this.reader.pair(map, key);
          if (pair) vars = envVariables(this.reader, pair.value as Node, vars);
        }
      }
      for (const pair of node.items) {
        const value = this.reader.resolve(pair.value);
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (
          key !== undefined &&
          (this.envKeys.includes(key) || this.varKeys.includes(key))
        )
          continue;
        if (key !== undefined && this.keys.has(key)) {
          this.scriptsIn(
            value,
            depth + 1,
            env,
            vars,
            this.shellOf(node, key, value),
          );
        } else {
          this.walk(value, depth + 1, env, vars);
        }
      }
      // Scripts the map takes from its bases run with its variables too: read them again
      // with those (they were read where they are written, with that place's variables).
      for (const key of this.keys) {
        if (this.reader.pair(node, key)) continue;
        const from = [...bases].reverse().find(b => this.reader.pair(b, key));
        if (!from) continue;
        const read = this.read;
        this.read = new Set();
        this.again = true;
        const value = this.reader.get(from, key);
        this.scriptsIn(
          value,
          depth + 1,
          env,
          vars,
          this.shellOf(node, key, value),
        );
        this.again = false;
        this.read = read;
      }
    } else if (isSeq(node)) {
      for (const item of node.items)
        this.walk(
          this.reader.resolve(item),
          depth + 1,
          inherited,
          inheritedVars,
        );
    }
  }

  /**
   * The maps a map inherits keys from, the first base first: YAML merge keys (`<<: *defaults`,
   * `<<: [*a, *b]`, YAML 1.1 merge: the map's own keys win, then the earlier merged map's) and,
   * for a GitLab job (a top-level map), the jobs it names in `extends` (GitLab docs, CI/CD YAML
   * syntax: extends; deep merge, the job's own keys win), each with its own bases before it.
   */
  private basesOf(node: Node, depth: number, seen: Set<Node>): Node[] {
    if (!isMap(node) || seen.has(node) || seen.size > 16) return [];
    seen.add(node);
    const direct: Node[] = [];
    // With the `merge` option the parser gives a merge key the value Symbol('<<').
    const merge = node.items.find(
      p =>
        isScalar(p.key) &&
        (p.key.value === '<<' ||
          (typeof p.key.value === 'symbol' &&
            p.key.value.description === '<<')),
    );
    if (merge) {
      const value = this.reader.resolve(merge.value);
      const items = isSeq(value) ? [...value.items].reverse() : [value];
      for (const item of items) {
        const map = this.reader.resolve(item);
        if (isMap(map)) direct.push(map);
      }
    }
    if (depth === 1 && this.extendsJobs) {
      const names = this.reader.resolve(this.reader.get(node, 'extends'));
      let list: unknown[] = names ? [names] : [];
      if (isSeq(names)) list = names.items;
      for (const item of list) {
        const name = this.reader.resolve(item);
        if (!isScalar(name) || typeof name.value !== 'string') continue;
        const job = this.reader.get(this.doc.contents, name.value);
        if (isMap(job)) direct.push(job);
      }
    }
    return direct.flatMap(map => [...this.basesOf(map, depth, seen), map]);
  }

  /** The shell group of the scripts under `key` of `map` (undefined: each its own). */
  private shellOf(
    map: Node,
    key: string,
    value: Node | undefined,
  ): ShellGroup | undefined {
    switch (this.sharedShell) {
      case 'job':
        return map;
      case 'gitlab-job':
        return key === 'after_script' ? value : map;
      case 'list':
        return value;
      default:
        return undefined;
    }
  }

  private scriptsIn(
    node: Node | undefined,
    depth: number,
    env: Record<string, string>,
    vars: Record<string, string>,
    shell?: ShellGroup,
  ) {
    if (
      !node ||
      depth > MAX_DEPTH ||
      this.read.has(node) ||
      node.tag === '!reference'
    )
      return;
    this.read.add(node);
    if (isScalar(node)) {
      if (typeof node.value === 'string')
        this.scripts.push({
          scalar: node,
          env,
          vars,
          ...(this.again ? { again: true } : {}),
          shell: shell ?? node,
        });
    } else if (isSeq(node)) {
      for (const item of node.items)
        this.scriptsIn(this.reader.resolve(item), depth + 1, env, vars, shell);
    } else if (isMap(node)) {
      // A step mapping's own env applies to its command (CircleCI `run: {command, environment}`).
      let stepEnv = env;
      for (const key of this.envKeys) {
        const pair = this.reader.pair(node, key);
        if (pair)
          stepEnv = envVariables(this.reader, pair.value as Node, stepEnv);
      }
      // …and the format's own script keys inside it (GoReleaser `hooks: {pre, post}`).
      for (const key of [...COMMAND_KEYS, ...this.keys])
        this.scriptsIn(
          this.reader.get(node, key),
          depth + 1,
          stepEnv,
          vars,
          shell,
        );
    }
  }
}

/**
 * The shell commands of a YAML pipeline (GitHub Actions `run`, of workflows and of
 * composite actions' `runs.steps`, GitLab `script`,
 * CircleCI `run`/`command`, Travis phases, Azure `script`/`bash`, Taskfile `cmds`, AppVeyor
 * phases, Drone and Woodpecker `commands`, Bitbucket `script`, Buildkite `command(s)`,
 * Semaphore `commands`, Cloud Build `script` and `args`):
 * every value under a script key, as a string or a (nested) list of strings, with
 * file lines even in block and folded scalars. Anchored scripts are read where they are
 * written, and again, with the inheriting map's variables, for each map that merges them in
 * (`<<: *defaults`) or GitLab job that `extends` their job; GitLab `!reference` tags are
 * skipped.
 *
 * @throws Error naming the line when the YAML does not parse (the caller names the file).
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
    if (error) throw new Error(`invalid YAML at ${error}`);
    // A command read more than once (per job of a matrix, for each map that inherits it) is
    // kept once per distinct environment.
    const seen = new Set<string>();
    const matrix = kind === 'travis' ? travisMatrix(doc) : undefined;
    for (const job of matrix ?? [undefined]) {
      const scripts = new ScriptCollector(
        doc,
        keys,
        ENV_KEYS[kind] ?? [],
        PIPELINE_ROOTS[kind],
        kind === 'gitlab-ci',
        SHARED_SHELL[kind],
        TEMPLATE_VAR_KEYS[kind],
      ).collect(job);
      // What each shell's scripts have exported so far, for its later scripts.
      const exportedBy = new Map<ShellGroup, Record<string, string>>();
      for (const { scalar, env: own, vars, again, shell } of scripts) {
        const exported: Record<string, string> = {};
        const env = { ...own, ...exportedBy.get(shell) };
        const found = scriptCommands(
          path,
          text,
          scalar,
          lines,
          env,
          kind,
          exported,
          vars,
        );
        exportedBy.set(shell, { ...exportedBy.get(shell), ...exported });
        for (const c of found) {
          const command = { ...c, env: { ...env, ...c.env } };
          const key = JSON.stringify([command.line, command.argv, command.env]);
          if ((matrix || again) && seen.has(key)) continue;
          seen.add(key);
          commands.push(command);
        }
      }
    }
    if (kind === 'cloudbuild')
      commands.push(...cloudBuildArgs(path, doc, lines));
  }
  return commands;
}

/**
 * The commands of Cloud Build steps given as `args` (Cloud Build docs, "Build configuration
 * overview": a step runs its `entrypoint`, else the image's, with `args`): `[entrypoint,
 * ...args]`, or `args` alone when the step names no entrypoint (`golang` images have none, so
 * `args[0]` is the program; the `gcr.io/cloud-builders/go` builder's entrypoint is `go`). The
 * script of `bash -c '…'` is read too. At the line of the last argument, with the step's
 * `env` (`K=V` items).
 */
function cloudBuildArgs(
  path: string,
  doc: Document.Parsed,
  lines: LineCounter,
): ShellCommand[] {
  const reader = new NodeReader(doc);
  const steps = reader.resolve(reader.get(doc.contents, 'steps'));
  if (!isSeq(steps)) return [];
  const out: ShellCommand[] = [];
  for (const item of steps.items) {
    const step = reader.resolve(item as Node);
    const args = reader.resolve(reader.get(step, 'args'));
    if (!isMap(step) || !isSeq(args) || args.items.length === 0) continue;
    const words = args.items.map(a => reader.resolve(a as Node));
    if (!words.every(w => isScalar(w) && w.value !== null)) continue;
    const entrypoint =
      reader.string(step, 'entrypoint') ??
      (/^gcr\.io\/cloud-builders\/go(:|$)/.test(
        reader.string(step, 'name') ?? '',
      )
        ? 'go'
        : undefined);
    const argv = [
      ...(entrypoint ? [entrypoint] : []),
      ...words.map(w => String((w as Scalar).value)),
    ];
    // The last argument: the script of `bash -c`, the package of `go get`.
    const last = words[words.length - 1] as Scalar;
    const line = lines.linePos(last.range?.[0] ?? 0).line;
    const env = envVariables(reader, reader.get(step, 'env'), {});
    for (const c of argvCommands(argv, line, path))
      out.push({ ...c, env: { ...env, ...c.env } });
  }
  return out;
}

const ENV_EXPRESSION = /\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The expressions a format replaces in a script before its shell runs, the variable's name
 * their group 1: GitHub's `${{ env.NAME }}`, go-task's `{{.NAME}}`.
 */
const TEMPLATE_EXPRESSIONS: Partial<Record<CiFileKind, RegExp>> = {
  'github-actions': ENV_EXPRESSION,
  'github-action': ENV_EXPRESSION,
  taskfile: /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
};

function scriptCommands(
  path: string,
  text: string,
  scalar: Scalar,
  lines: LineCounter,
  env: Record<string, string>,
  kind: CiFileKind,
  exported?: Record<string, string>,
  vars: Record<string, string> = {},
): ShellCommand[] {
  const map = scalarLineMap(text, scalar, lines);
  // The script runs with the pipeline's and job's variables: `$NAME` in its words expands to
  // them (values that are themselves expressions stay unknown).
  const known: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (!v.includes('${{')) known[k] = v;
  const script = String(scalar.value);
  // GitHub substitutes `${{ env.NAME }}` before the shell starts (GitHub docs, Contexts: env);
  // go-task its `{{.NAME}}` of the task's and the file's vars and env (go-task docs, "Variables").
  const expression = TEMPLATE_EXPRESSIONS[kind];
  if (!expression) return shellCommands(script, 1, path, map, known, exported);
  const substituted = substituteEnvExpressions(
    script,
    { ...known, ...vars },
    expression,
  );
  return shellCommands(
    substituted.text,
    1,
    path,
    o => map(substituted.original(o)),
    known,
    exported,
  );
}

/**
 * A script with its `${{ env.NAME }}` expressions (or those `expression` matches) replaced by
 * the values `env` knows, and the offset in the original script of each offset in the new one
 * (lines stay where they were).
 */
export function substituteEnvExpressions(
  script: string,
  env: Readonly<Record<string, string>>,
  expression: RegExp = ENV_EXPRESSION,
): { text: string; original: (offset: number) => number } {
  const shifts: { at: number; delta: number }[] = [];
  let delta = 0;
  const text = script.replace(
    expression,
    (whole, name: string, offset: number) => {
      const value = env[name];
      if (value === undefined || value.includes('\n')) return whole;
      delta += whole.length - value.length;
      shifts.push({ at: offset + whole.length - delta, delta });
      return value;
    },
  );
  return {
    text,
    original: o => {
      let d = 0;
      for (const s of shifts) if (o >= s.at) d = s.delta;
      return o + d;
    },
  };
}
