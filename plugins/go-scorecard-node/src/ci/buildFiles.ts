import { posix } from 'node:path';
import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { ciFileKind, CiFileKind } from './ciFileKind';
import { extractCiCommands } from './extractCiCommands';
import {
  expandMakeVariables,
  MakeVariables,
  makefileCommands,
  makefileStructure,
} from './makefile';

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

/** The scripts and Makefiles a command runs by path: `./hack/bootstrap`, `bash tools/setup`, `make -f x.mk`. */
function runsByPath(
  command: ShellCommand,
): { written: string; as: 'shell' | 'makefile' }[] {
  const [first, second, ...rest] = command.argv;
  if (!first) return [];
  if (MAKES.has(first)) {
    const args = [second, ...rest];
    const i = args.findIndex(a => a === '-f' || a === '--file');
    if (i >= 0 && args[i + 1])
      return [{ written: args[i + 1], as: 'makefile' }];
    const inline = args.find(a => a?.startsWith('--file='));
    return inline ? [{ written: inline.slice(7), as: 'makefile' }] : [];
  }
  if (SHELLS.has(first)) {
    const script = [second, ...rest].find(a => a && !a.startsWith('-'));
    return script ? [{ written: script, as: 'shell' }] : [];
  }
  return first.includes('/') ? [{ written: first, as: 'shell' }] : [];
}

/**
 * Reads a tree's CI and build files (design.md, Rule notes: "Files read"): the files named as
 * such, and, among the candidates (extension-less files, Make fragments of any name), those a
 * shell shebang opens, those a Makefile pulls in with `include` (read as Makefiles, whatever
 * their names), and those a CI or build file runs by path (read as scripts). A Makefile's recipes
 * see the variables of every Makefile its include lines connect it to.
 */
export function readBuildFiles(
  ciFiles: BuildFileText[],
  candidates: BuildFileText[],
): BuildFiles {
  const texts = new Map<string, string>();
  const kinds = new Map<string, CiFileKind>();
  for (const f of ciFiles) {
    texts.set(f.path, f.text);
    kinds.set(f.path, ciFileKind(f.path)!);
  }
  const candidateTexts = new Map(candidates.map(c => [c.path, c.text]));
  const allPaths = [...texts.keys(), ...candidateTexts.keys()];
  const exists = (p: string) => texts.has(p) || candidateTexts.has(p);
  const adopt = (path: string, kind: CiFileKind) => {
    const text = candidateTexts.get(path);
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

  const commandsOf = new Map<string, ShellCommand[]>();
  const problems: BuildFiles['problems'] = [];
  const groupVariables = (path: string): MakeVariables => {
    const seen = new Set<string>([path]);
    const queue = [path];
    const merged: MakeVariables = new Map();
    while (queue.length) {
      const p = queue.shift()!;
      for (const [name, values] of structures.get(p)?.variables ?? []) {
        merged.set(name, [...(merged.get(name) ?? []), ...values]);
      }
      for (const q of links.get(p) ?? []) {
        if (!seen.has(q)) {
          seen.add(q);
          queue.push(q);
        }
      }
    }
    return merged;
  };
  const extract = () => {
    for (const [path, kind] of kinds) {
      if (commandsOf.has(path)) continue;
      const text = texts.get(path)!;
      try {
        let commands: ShellCommand[];
        if (kind === 'makefile') {
          const structure = structures.get(path) ?? makefileStructure(text);
          commands = makefileCommands(
            path,
            text,
            groupVariables(path),
            structure.recipePrefix,
          );
        } else if (kind === 'shell' && !ciFileKind(path)) {
          commands = shellCommands(text, 1, path);
        } else {
          commands = extractCiCommands(path, text);
        }
        commandsOf.set(path, commands);
      } catch (e) {
        commandsOf.set(path, []);
        problems.push({ path, message: (e as Error).message });
      }
    }
  };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    readMakefiles();
    extract();
    let added = false;
    for (const [path, commands] of commandsOf) {
      for (const command of commands) {
        for (const { written, as } of runsByPath(command)) {
          const target = resolveIn(path, written, exists);
          if (target && adopt(target, as)) added = true;
        }
      }
    }
    if (!added) break;
  }
  const paths = [...kinds.keys()].sort();
  return {
    paths,
    commands: paths.flatMap(p => commandsOf.get(p) ?? []),
    problems,
  };
}
