import { GoFileFacts, GoModule } from '../facts';
import {
  ImportRoot,
  importRoots,
  mayNameTreePackage,
} from '../gomod/importRoots';

/**
 * A Go package of the tree: the Go files of one directory with one package clause. An external
 * test package (`package foo_test`) is a package of its own.
 */
export interface PackageInfo {
  /** `dir`, or `dir [name]` for an external test package. */
  id: string;
  dir: string;
  name: string;
  /** The import path, when a go.mod of the tree (or the GOPATH layout) gives one. */
  importPath?: string;
  files: GoFileFacts[];
}

/**
 * The packages of a tree and the import paths that name them (Go Modules Reference: "Modules,
 * packages, and versions"): each go.mod's module path names its directory, a package's path is its
 * module's path joined with its directory below the module root, and a `replace` whose target is a
 * directory of the tree makes the replaced path name that directory too. A tree without go.mod
 * (the GOPATH layout) resolves an import by the longest directory its path ends with.
 */
export class ModuleIndex {
  readonly packages: PackageInfo[] = [];
  private readonly byImportPath = new Map<string, PackageInfo>();
  /** Import paths more than one package has (modules of the tree that declare the same path). */
  private readonly sharedPaths = new Set<string>();
  private readonly byDir = new Map<string, PackageInfo>();
  private readonly packageOfFile = new Map<GoFileFacts, PackageInfo>();
  /** Module path → directory, longest path first (module lines and in-tree replaces). */
  private readonly roots: ImportRoot[];
  /** The directories of the tree's go.mod files: a module owns its subtree but nested modules'. */
  private readonly moduleDirs: string[] = [];

  constructor(modules: readonly GoModule[], goFiles: readonly GoFileFacts[]) {
    const byId = new Map<string, PackageInfo>();
    for (const file of goFiles) {
      const name = file.packageName || '_';
      const external = file.isTest && name.endsWith('_test');
      const id = external ? `${file.dir} [${name}]` : file.dir;
      let pkg = byId.get(id);
      if (!pkg) {
        pkg = {
          id,
          dir: file.dir,
          name: external ? name : name.replace(/_test$/, ''),
          files: [],
        };
        byId.set(id, pkg);
        this.packages.push(pkg);
        if (!external) this.byDir.set(file.dir, pkg);
      }
      // A package's name is its non-test files' package clause.
      if (!file.isTest && !external) pkg.name = name;
      pkg.files.push(file);
      this.packageOfFile.set(file, pkg);
    }

    for (const m of modules) this.moduleDirs.push(m.dir);
    const { declared, roots } = importRoots(modules);
    this.roots = roots;

    for (const pkg of this.packages) {
      if (pkg.id !== pkg.dir) continue;
      const importPath = this.importPathOfDir(pkg.dir, declared);
      if (importPath !== undefined) {
        pkg.importPath = importPath;
        if (this.byImportPath.has(importPath)) this.sharedPaths.add(importPath);
        else this.byImportPath.set(importPath, pkg);
      }
    }
  }

  /** The package a file belongs to. */
  packageOf(file: GoFileFacts): PackageInfo {
    return this.packageOfFile.get(file)!;
  }

  /**
   * The package of the tree an import path names, if any. `fromDir`, the importing file's
   * directory, decides between modules of the tree that declare the same module path (copies of
   * a service in tutorial chapters): a module's own package wins, as the go command builds each
   * module with its own packages.
   */
  resolveImport(importPath: string, fromDir?: string): PackageInfo | undefined {
    if (!mayNameTreePackage(this.roots, importPath)) return undefined;
    const shared = this.sharedPaths.has(importPath);
    const known = this.byImportPath.get(importPath);
    if (known && !shared) return known;
    const own =
      shared && fromDir !== undefined ? this.moduleDirOf(fromDir) : undefined;
    let first: PackageInfo | undefined;
    for (const root of this.roots) {
      if (importPath !== root.path && !importPath.startsWith(`${root.path}/`))
        continue;
      const rest = importPath.slice(root.path.length).replace(/^\//, '');
      let dir = root.dir;
      if (rest) dir = root.dir === '.' ? rest : `${root.dir}/${rest}`;
      const pkg = this.byDir.get(dir);
      // A directory under a nested module belongs to that module, not to the enclosing one.
      if (!pkg || this.moduleDirOf(dir) !== root.dir) continue;
      if (!shared || own === undefined || root.dir === own) return pkg;
      first ??= pkg;
    }
    if (first) return first;
    if (this.roots.length === 0 && importPath.includes('/')) {
      // GOPATH layout: the longest directory of the tree the import path ends with (a path of
      // one element, `errors`, is the standard library's).
      let best: PackageInfo | undefined;
      for (const [dir, pkg] of this.byDir) {
        if (dir === '.') continue;
        if (
          (importPath === dir || importPath.endsWith(`/${dir}`)) &&
          (!best || dir.length > best.dir.length)
        ) {
          best = pkg;
        }
      }
      return best;
    }
    return undefined;
  }

  /** The directory of the module that owns a directory: the deepest go.mod at or above it. */
  private moduleDirOf(dir: string): string | undefined {
    let best: string | undefined;
    for (const m of this.moduleDirs) {
      const inside = m === '.' || dir === m || dir.startsWith(`${m}/`);
      if (
        inside &&
        (best === undefined || best === '.' || m.length > best.length)
      )
        best = m;
    }
    return best;
  }

  /** A directory's import path, from the module that owns it (its go.mod's module line). */
  private importPathOfDir(
    dir: string,
    declared: readonly ImportRoot[],
  ): string | undefined {
    let best: ImportRoot | undefined;
    for (const root of declared) {
      const inside =
        root.dir === '.' || dir === root.dir || dir.startsWith(`${root.dir}/`);
      if (
        inside &&
        (!best || root.dir.length > best.dir.length || best.dir === '.')
      )
        best = root;
    }
    if (!best) return undefined;
    if (dir === best.dir) return best.path;
    const rest = best.dir === '.' ? dir : dir.slice(best.dir.length + 1);
    return `${best.path}/${rest}`;
  }
}
