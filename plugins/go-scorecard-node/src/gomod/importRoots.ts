import { posix } from 'node:path';
import { GoModFile } from '../facts';

/** An import path that names a directory of the tree, and the paths below it its subdirectories. */
export interface ImportRoot {
  path: string;
  /** The directory, relative to the tree's root (`.` for the root). */
  dir: string;
}

/**
 * The import paths the tree's go.mod files make name its directories (Go Modules Reference:
 * "Modules, packages, and versions", "replace directive"): each module line names its go.mod's
 * directory (`declared`), and a `replace` whose target is a relative directory inside the tree
 * names that directory too. `roots` holds both, longest path first.
 */
export function importRoots(
  modules: readonly { dir: string; mod: GoModFile }[],
): { declared: ImportRoot[]; roots: ImportRoot[] } {
  const declared: ImportRoot[] = [];
  for (const m of modules) {
    if (m.mod.module?.path)
      declared.push({ path: m.mod.module.path, dir: m.dir });
  }
  const roots = [...declared];
  for (const m of modules) {
    for (const r of m.mod.replaces) {
      // Only a relative path (`./x`, `../x`) can point inside the tree.
      if (!/^\.\.?(\/|$)/.test(r.newPath)) continue;
      const dir = posix
        .normalize(posix.join(m.dir, r.newPath))
        .replace(/\/$/, '');
      if (!dir.startsWith('..') && !dir.startsWith('/'))
        roots.push({ path: r.oldPath, dir });
    }
  }
  roots.sort((a, b) => b.path.length - a.path.length);
  return { declared, roots };
}

/**
 * Whether an import path can name a package of the tree, from the roots alone: it is a root's
 * path or lies below one; in a tree without go.mod (the GOPATH layout, no roots), any path of
 * more than one element can (`errors` is the standard library's). `ModuleIndex.resolveImport`
 * finds a package only for such paths, so a reference through any other path leads outside
 * the tree.
 */
export function mayNameTreePackage(
  roots: readonly ImportRoot[],
  importPath: string,
): boolean {
  if (roots.length === 0) return importPath.includes('/');
  return roots.some(
    r => importPath === r.path || importPath.startsWith(`${r.path}/`),
  );
}
