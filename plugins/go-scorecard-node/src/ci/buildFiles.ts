import { posix } from 'node:path';
import { ShellCommand } from '../facts';
import { ciFileKind, CiFileKind } from './ciFileKind';
import { extractCiCommands } from './extractCiCommands';
import {
  gitlabGlobalVariables,
  gitlabLocalIncludes,
  matchesLocalInclude,
} from './gitlabIncludes';
import {
  expandMakeVariables,
  MakeExports,
  MakeVariables,
  makefileCommands,
  makefileStructure,
  recipeEnvironment,
} from './makefile';
import { MakeDefines, makeDefines } from './makeDefines';

/** A file that may be a build file, as read: a CI/build file by name, or a candidate. */
export interface BuildFileText {
  path: string;
  text: string;
}

/** The build files of a tree, their commands, and the files that could not be read. */
export interface BuildFiles {
  /** Paths of every file read as a CI or build file. */
  paths: string[];
  commands: ShellCommand[];
  problems: { path: string; message: string }[];
  /**
   * For each file read, the other files whose commands run in the same build: the Makefiles
   * (or GitLab pipeline files) its includes connect it to, the files that run it (or a file of
   * its group) by path and the files it runs, with theirs, up and down the chain. A tool one of
   * them installs may be run by another.
   */
  related: Record<string, string[]>;
  /** How each file was read: a Make fragment any build file includes is a Makefile, whatever its name. */
  kinds: Record<string, CiFileKind>;
}

/** A shell shebang: `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -e`. */
const SHELL_SHEBANG =
  /^#!\s*(?:\/usr\/bin\/env\s+(?:-\S+\s+)*)?(?:\/\S*\/)?(?:ba|da|z|k|a)?sh(?:\s|$)/;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'source', '.']);
const MAKES = new Set(['make', 'gmake', '$(MAKE)', '${MAKE}']);
/** Most rounds of "a file runs or includes another file". */
const MAX_ROUNDS = 8;

/** A path written in a command or an include, resolved against the tree: from its file's folder, then from the root. */
function resolveIn(
  from: string,
  written: string,
  exists: (path: string) => boolean,
): string | undefined {
  if (
    !written ||
    written.startsWith('/') ||
    /^[a-z]+:\/\//.test(written) ||
    written.includes('$')
  ) {
    return undefined;
  }
  const dir = posix.dirname(from);
  for (const base of [dir, '.']) {
    const candidate = posix.normalize(posix.join(base, written));
    if (!candidate.startsWith('..') && exists(candidate)) return candidate;
  }
  return undefined;
}

/** Paths matched by an include word with `*` or `?` in its last element, in the tree. */
function globIn(from: string, written: string, all: string[]): string[] {
  const full = posix.normalize(posix.join(posix.dirname(from), written));
  const dir = posix.dirname(full);
  const pattern = new RegExp(
    `^${posix
      .basename(full)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return all.filter(
    p => posix.dirname(p) === dir && pattern.test(posix.basename(p)),
  );
}

/** The options of make that take a value, as separate words or joined (`-fx.mk`, `--file=x.mk`). */
const MAKE_FILE = ['-f', '--file', '--makefile'];
const MAKE_DIR = ['-C', '--directory'];
/** The Makefile names make looks for, in its order, when no `-f` names one. */
const DEFAULT_MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

/** The value of a make option: `-f x`, `-fx`, `--file=x`, `--file x`. */
function makeOption(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (name.startsWith('--') && args[i].startsWith(`${name}=`))
        return args[i].slice(name.length + 1);
      if (!name.startsWith('--') && args[i].startsWith(name))
        return args[i].slice(name.length);
    }
  }
  return undefined;
}

/**
 * The scripts and Makefiles a command runs by path: `./hack/bootstrap`, `bash tools/setup`,
 * `make -f x.mk`, `$(MAKE) -C sub` (each as the paths it may be, the first that exists).
 */
function runsByPath(
  command: ShellCommand,
): { written: string[]; as: 'shell' | 'makefile' }[] {
  const [word, ...args] = command.argv;
  if (!word) return [];
  const first = word.startsWith('/') ? posix.basename(word) : word;
  if (MAKES.has(first)) {
    const dir = makeOption(args, MAKE_DIR) ?? '.';
    const file = makeOption(args, MAKE_FILE);
    const names = file !== undefined ? [file] : DEFAULT_MAKEFILES;
    return [{ written: names.map(n => posix.join(dir, n)), as: 'makefile' }];
  }
  if (SHELLS.has(first)) {
    const script = args.find(a => a && !a.startsWith('-'));
    return script ? [{ written: [script], as: 'shell' }] : [];
  }
  return first.includes('/') ? [{ written: [first], as: 'shell' }] : [];
}

/**
 * Reads a tree's CI and build files (design.md, Rule notes: "Files read"): the files named as
 * such, and, among the candidates (extension-less files, Make fragments of any name), those a
 * shell shebang opens, those a Makefile pulls in with `include` (read as Makefiles, whatever
 * their names), and those a CI or build file runs by path (read as scripts); and among the
 * other YAML files (`yamlFiles`), those a GitLab pipeline includes (`include: local`, read as
 * GitLab pipelines, their own includes too). A Makefile's recipes see the variables of every
 * Makefile its include lines connect it to, and run with the variables those export. A script
 * or Makefile run by path runs with the environment of the command that runs it (its
 * assignments, the pipeline's env, exported Make variables, what its own caller got); run by
 * several, with every caller's (the first caller read wins a variable they set differently).
 */
export function readBuildFiles(
  ciFiles: BuildFileText[],
  candidates: BuildFileText[],
  yamlFiles: BuildFileText[] = [],
): BuildFiles {
  const texts = new Map<string, string>();
  const kinds = new Map<string, CiFileKind>();
  for (const f of ciFiles) {
    texts.set(f.path, f.text);
    kinds.set(f.path, ciFileKind(f.path)!);
  }
  const candidateTexts = new Map(candidates.map(c => [c.path, c.text]));
  const yamlTexts = new Map(yamlFiles.map(c => [c.path, c.text]));
  const allPaths = [...texts.keys(), ...candidateTexts.keys()];
  const exists = (p: string) => texts.has(p) || candidateTexts.has(p);
  /** Takes a file as a build file of `kind`: a candidate as a script or Makefile, a YAML file as a pipeline. */
  const adopt = (path: string, kind: CiFileKind) => {
    const text = (kind === 'gitlab-ci' ? yamlTexts : candidateTexts).get(path);
    if (text === undefined || kinds.has(path)) return false;
    texts.set(path, text);
    kinds.set(path, kind);
    return true;
  };
  for (const c of candidates) {
    if (SHELL_SHEBANG.test(c.text.slice(0, 200))) adopt(c.path, 'shell');
  }

  // Makefiles and what they include, to a fixed point; then their variable groups.
  const structures = new Map<string, ReturnType<typeof makefileStructure>>();
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      links.set(x, (links.get(x) ?? new Set()).add(y));
    }
  };
  const readMakefiles = () => {
    let added = true;
    for (let round = 0; added && round < MAX_ROUNDS * 4; round++) {
      added = false;
      for (const [path, kind] of kinds) {
        if (kind !== 'makefile' || structures.has(path)) continue;
        const structure = makefileStructure(texts.get(path)!);
        structures.set(path, structure);
        for (const word of structure.includes) {
          const written = expandMakeVariables(word, structure.variables);
          const targets = /[*?]/.test(written)
            ? globIn(path, written, allPaths)
            : [resolveIn(path, written, exists)].filter(
                (p): p is string => !!p,
              );
          for (const target of targets) {
            if (adopt(target, 'makefile')) added = true;
            link(path, target);
          }
        }
      }
    }
  };

  /** Groups, once every include is read (`links` no longer grows). */
  const groups = new Map<string, string[]>();
  let linksRead = false;
  /** The Makefile group of a file: itself, then the files its include lines connect it to. */
  const groupOf = (path: string): string[] => {
    const known = groups.get(path);
    if (known) return known;
    const group = [path];
    const seen = new Set(group);
    for (let i = 0; i < group.length; i++) {
      for (const q of links.get(group[i]) ?? []) {
        if (!seen.has(q)) {
          seen.add(q);
          group.push(q);
        }
      }
    }
    if (linksRead) groups.set(path, group);
    return group;
  };
  const groupVariables = (path: string): MakeVariables => {
    const merged: MakeVariables = new Map();
    for (const p of groupOf(path)) {
      for (const [name, values] of structures.get(p)?.variables ?? []) {
        merged.set(name, [...(merged.get(name) ?? []), ...values]);
      }
    }
    return merged;
  };
  const definesOf = new Map<string, MakeDefines>();
  /** A group's `define`s: the file's own win over those of the files it is linked to. */
  const groupDefines = (path: string): MakeDefines => {
    const merged: MakeDefines = new Map();
    for (const p of [...groupOf(path)].reverse()) {
      let own = definesOf.get(p);
      if (!own) {
        own = makeDefines(p, texts.get(p) ?? '');
        definesOf.set(p, own);
      }
      for (const [name, define] of own) merged.set(name, define);
    }
    return merged;
  };
  /** A group's exports: a name any file exports is exported, unless none does and one unexports it. */
  const groupExports = (path: string): MakeExports => {
    const merged: MakeExports = { exports: new Map(), assigned: new Set() };
    for (const p of groupOf(path)) {
      const s = structures.get(p);
      if (!s) continue;
      if (s.exportAll) merged.exportAll = true;
      for (const [name, on] of s.exports)
        merged.exports.set(name, on || !!merged.exports.get(name));
      for (const name of s.assigned) merged.assigned.add(name);
    }
    return merged;
  };

  const commandsOf = new Map<string, ShellCommand[]>();
  const problems: BuildFiles['problems'] = [];
  const extract = () => {
    for (const [path, kind] of kinds) {
      if (commandsOf.has(path)) continue;
      const text = texts.get(path)!;
      try {
        let commands: ShellCommand[];
        if (kind === 'makefile') {
          const structure = structures.get(path) ?? makefileStructure(text);
          // The recipes' environment is added below, once every caller is known.
          commands = makefileCommands(
            path,
            text,
            groupVariables(path),
            structure.recipePrefix,
            {},
            groupDefines(path),
          );
        } else {
          commands = extractCiCommands(path, text, kind);
        }
        commandsOf.set(path, commands);
      } catch (e) {
        commandsOf.set(path, []);
        problems.push({ path, message: (e as Error).message });
      }
    }
  };

  /** The files each GitLab pipeline file includes, adopted and linked to it, to a fixed point. */
  const includesRead = new Set<string>();
  const gitlabPaths = [...texts.keys(), ...yamlTexts.keys()].filter(p =>
    /\.ya?ml$/.test(p),
  );
  const readGitlabIncludes = () => {
    let added = false;
    for (const [path, kind] of kinds) {
      if (kind !== 'gitlab-ci' || includesRead.has(path)) continue;
      includesRead.add(path);
      for (const include of gitlabLocalIncludes(texts.get(path)!)) {
        for (const target of gitlabPaths.filter(p =>
          matchesLocalInclude(include, p),
        )) {
          if (target === path) continue;
          if (adopt(target, 'gitlab-ci')) added = true;
          if (kinds.get(target) === 'gitlab-ci') link(path, target);
        }
      }
    }
    return added;
  };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let more = true; more; ) more = readGitlabIncludes();
    readMakefiles();
    extract();
    let added = false;
    for (const [path, commands] of commandsOf) {
      for (const command of commands) {
        for (const { written, as } of runsByPath(command)) {
          for (const target of resolvedTargets(path, written, exists, allPaths))
            if (adopt(target, as)) added = true;
        }
      }
    }
    if (!added) break;
  }

  // A workflow's steps that use a local composite action run its steps in the same job.
  for (const [path, kind] of kinds) {
    if (kind !== 'github-actions') continue;
    for (const action of localActionsUsed(texts.get(path)!, kinds))
      link(path, action);
  }

  linksRead = true;

  // Who runs whom: each file's callers, with the commands that run it.
  const callsOf = new Map<
    string,
    { caller: string; command: ShellCommand }[]
  >();
  for (const [caller, commands] of commandsOf) {
    for (const command of commands) {
      for (const { written } of runsByPath(command)) {
        for (const callee of resolvedTargets(
          caller,
          written,
          exists,
          allPaths,
        )) {
          if (callee === caller || !kinds.has(callee)) continue;
          callsOf.set(callee, [
            ...(callsOf.get(callee) ?? []),
            { caller, command },
          ]);
        }
      }
    }
  }

  // The environment each file runs in, from its callers (a Makefile's: its group's), to a fixed point.
  const inherited = new Map<string, Record<string, string>>();
  const makeEnv = new Map<
    string,
    { exports: MakeExports; vars: MakeVariables }
  >();
  const gitlabGlobals = new Map<string, Record<string, string>>();
  const environmentOf = (path: string): Record<string, string> => {
    if (kinds.get(path) === 'gitlab-ci') {
      // The global variables of the files an include connects it to (its own are in each
      // command's environment already, and win).
      const env = { ...inherited.get(path) };
      for (const p of groupOf(path)) {
        if (p === path || kinds.get(p) !== 'gitlab-ci') continue;
        let globals = gitlabGlobals.get(p);
        if (!globals) {
          globals = gitlabGlobalVariables(texts.get(p)!);
          gitlabGlobals.set(p, globals);
        }
        for (const [k, v] of Object.entries(globals))
          if (!(k in env)) env[k] = v;
      }
      return env;
    }
    if (kinds.get(path) !== 'makefile') return inherited.get(path) ?? {};
    const env: Record<string, string> = {};
    for (const p of groupOf(path)) {
      for (const [k, v] of Object.entries(inherited.get(p) ?? {}))
        if (!(k in env)) env[k] = v;
    }
    return env;
  };
  const envOf = (
    path: string,
    command: ShellCommand,
  ): Record<string, string> => {
    const environment = environmentOf(path);
    if (kinds.get(path) !== 'makefile')
      return Object.keys(environment).length
        ? { ...environment, ...command.env }
        : command.env;
    let make = makeEnv.get(path);
    if (!make) {
      make = { exports: groupExports(path), vars: groupVariables(path) };
      makeEnv.set(path, make);
    }
    return {
      ...recipeEnvironment(make.exports, make.vars, environment),
      ...command.env,
    };
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = new Map<string, Record<string, string>>();
    for (const [callee, calls] of callsOf) {
      const env: Record<string, string> = {};
      for (const { caller, command } of calls) {
        for (const [k, v] of Object.entries(envOf(caller, command)))
          if (!(k in env)) env[k] = v;
      }
      if (Object.keys(env).length) next.set(callee, env);
    }
    const same =
      next.size === inherited.size &&
      [...next].every(
        ([p, env]) => JSON.stringify(env) === JSON.stringify(inherited.get(p)),
      );
    inherited.clear();
    for (const [p, env] of next) inherited.set(p, env);
    if (same) break;
  }

  // The files whose commands run in the same build as each file's: its group, the files that
  // run it and those it runs, and theirs (CI installs a tool in `install:`, a script it runs in
  // `script:` runs the tool).
  const calleesOf = new Map<string, string[]>();
  for (const [callee, calls] of callsOf) {
    for (const { caller } of calls)
      calleesOf.set(caller, [...(calleesOf.get(caller) ?? []), callee]);
  }
  const related: Record<string, string[]> = {};
  for (const path of kinds.keys()) {
    const scope = new Set<string>();
    const queue = [path];
    while (queue.length) {
      for (const p of groupOf(queue.shift()!)) {
        if (scope.has(p)) continue;
        scope.add(p);
        queue.push(...(callsOf.get(p) ?? []).map(c => c.caller));
        queue.push(...(calleesOf.get(p) ?? []));
      }
    }
    scope.delete(path);
    if (scope.size) related[path] = [...scope].sort();
  }

  const paths = [...kinds.keys()].sort();
  return {
    paths,
    commands: paths.flatMap(p =>
      (commandsOf.get(p) ?? []).map(c => {
        const env = envOf(p, c);
        return env === c.env ? c : { ...c, env };
      }),
    ),
    problems,
    related,
    kinds: Object.fromEntries(paths.map(p => [p, kinds.get(p)!])),
  };
}

/** The first of a command's alternatives for a path (`make` looks for GNUmakefile, makefile, Makefile) in the tree. */
function firstResolved(
  from: string,
  written: string[],
  exists: (path: string) => boolean,
): string | undefined {
  for (const w of written) {
    const target = resolveIn(from, w, exists);
    if (target) return target;
  }
  return undefined;
}

/** Most files one path with a variable in it is taken to run. */
const MAX_VARIABLE_TARGETS = 8;

/**
 * The files a command runs by path: the first of `written` that exists, else, for a path with
 * a variable the command does not set (`./test_${TRAVIS_OS_NAME}.sh`, `scripts/$TARGET.sh`),
 * every file it may be: the variable matched as a wildcard within one folder, from the file's
 * folder or the root, when the file name keeps three characters of its own.
 */
function resolvedTargets(
  from: string,
  written: string[],
  exists: (path: string) => boolean,
  all: string[],
): string[] {
  const target = firstResolved(from, written, exists);
  if (target) return [target];
  for (const w of written) {
    if (!w.includes('$') || w.startsWith('/')) continue;
    const pattern = w.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*/g, '*');
    const name = posix.basename(pattern);
    if (/[$?[]/.test(pattern) || name.replace(/\*/g, '').length < 3) continue;
    const found = new Set([
      ...globIn(from, pattern, all),
      ...globIn('.', pattern, all),
    ]);
    if (found.size) return [...found].sort().slice(0, MAX_VARIABLE_TARGETS);
  }
  return [];
}

/** `uses: ./.github/actions/setup-tools` (a local action, by its folder in the repository). */
const LOCAL_ACTION_USE =
  /^[ \t]*(?:-[ \t]+)?uses:[ \t]*['"]?\.\/([^'"\s@#]+?)\/?['"]?[ \t]*(?:#.*)?$/gm;

/**
 * The composite actions of the repository a workflow's steps use (`uses: ./.github/actions/x`:
 * the folder's `action.yml` or `action.yaml`, GitHub docs, "Workflow syntax": `jobs.<id>.steps[*].uses`),
 * among the files read as actions.
 */
function localActionsUsed(
  workflow: string,
  kinds: ReadonlyMap<string, CiFileKind>,
): string[] {
  const out: string[] = [];
  for (const m of workflow.matchAll(LOCAL_ACTION_USE)) {
    const dir = posix.normalize(m[1]);
    for (const name of ['action.yml', 'action.yaml']) {
      const path = `${dir}/${name}`;
      if (kinds.get(path) === 'github-action') out.push(path);
    }
  }
  return out;
}
