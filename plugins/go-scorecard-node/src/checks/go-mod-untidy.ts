import { Finding } from '@internal/plugin-go-scorecard-common';
import { GoModReplace, GoModRequire, GoModule } from '../facts';
import { Check } from './types';
import { moduleOfFile } from './moduleOfFile';

/** The replace directive that applies to a requirement, if any. */
function replacementOf(
  module: GoModule,
  r: GoModRequire,
): GoModReplace | undefined {
  return module.mod.replaces.find(
    p =>
      p.oldPath === r.path &&
      (p.oldVersion === undefined || p.oldVersion === r.version),
  );
}

/** Where a requirement's content comes from: the module cache (`path version`), or a directory (undefined). */
function downloaded(
  module: GoModule,
  r: GoModRequire,
): { path: string; version: string } | undefined {
  const p = replacementOf(module, r);
  if (!p) return { path: r.path, version: r.version };
  return p.newVersion ? { path: p.newPath, version: p.newVersion } : undefined;
}

/** Requirements whose go.mod comes from the module cache (not replaced by a directory). */
function downloadedRequires(
  module: GoModule,
): { require: GoModRequire; path: string; version: string }[] {
  return module.mod.requires.flatMap(r => {
    const d = downloaded(module, r);
    return d ? [{ require: r, ...d }] : [];
  });
}

function provides(modulePath: string, importPath: string): boolean {
  return importPath === modulePath || importPath.startsWith(`${modulePath}/`);
}

/**
 * Whether the module itself holds a package whose path starts with its own: the package's folder
 * (its path below the module path, below the module's root) is not in a nested module, a folder
 * of the tree with a go.mod of its own, which the module's packages leave out (Go Modules
 * Reference, "Modules, packages, and versions": `example.com/svc/api` is no package of
 * `example.com/svc` when `api/go.mod` exists).
 */
function ownPackage(
  module: GoModule,
  modules: readonly GoModule[],
  importPath: string,
): boolean {
  const own = module.mod.module?.path;
  if (own === undefined || !provides(own, importPath)) return false;
  const below = importPath.slice(own.length + 1);
  const dir =
    module.dir === '.' ? below || '.' : `${module.dir}${below && `/${below}`}`;
  return moduleOfFile(modules, { dir }) === module;
}

/**
 * The module that provides an imported package (Go Modules Reference, "Resolving a package
 * to a module"): of the module itself ({@link ownPackage}) and its requirements, the one with
 * the longest path the import path starts with. Undefined when none does.
 */
function providerOf(
  module: GoModule,
  modules: readonly GoModule[],
  importPath: string,
): GoModRequire | 'self' | undefined {
  const own = module.mod.module?.path;
  let best: GoModRequire | 'self' | undefined = ownPackage(
    module,
    modules,
    importPath,
  )
    ? 'self'
    : undefined;
  let length = best ? own!.length : -1;
  for (const r of module.mod.requires) {
    if (provides(r.path, importPath) && r.path.length > length) {
      best = r;
      length = r.path.length;
    }
  }
  return best;
}

/**
 * Whether the go command leaves a file of a module out of its packages: a directory or file
 * name below the module's root begins with `.` or `_` (`go help packages`; `testdata` is never
 * read), so `go mod tidy` takes nothing from its imports (`_examples/`, `.github/scripts/`).
 */
function ignoredByGoTool(module: GoModule, path: string): boolean {
  const rel = module.dir === '.' ? path : path.slice(module.dir.length + 1);
  return rel
    .split('/')
    .some(part => part.startsWith('.') || part.startsWith('_'));
}

/** An import of a module's code, and the file it is in. */
interface ImportSite {
  file: string;
  path: string;
}

/**
 * go.sum problems of one module: missing file; a requirement without its `/go.mod` hash; a
 * requirement providing an imported package without the hash of its content (`go build`:
 * "missing go.sum entry for module providing package").
 */
function sumFindings(
  module: GoModule,
  imported: Map<GoModRequire, ImportSite>,
): Finding[] {
  const { mod, sum } = module;
  const required = downloadedRequires(module);
  if (!sum) {
    if (required.length === 0) return [];
    const line = mod.module?.line ?? 1;
    return [
      {
        path: mod.path,
        line,
        snippet: mod.module ? `module ${mod.module.path}` : mod.path,
        message: `${mod.path} requires ${required.length} module(s) but there is no go.sum beside it; run \`go mod tidy\` and commit go.sum`,
      },
    ];
  }
  const hashed = new Set(
    sum.entries.map(e => `${e.path} ${e.version}${e.goMod ? '/go.mod' : ''}`),
  );
  return required.flatMap(r => {
    const at = {
      path: mod.path,
      line: r.require.line,
      snippet: `${r.require.path} ${r.require.version}`,
    };
    if (!hashed.has(`${r.path} ${r.version}/go.mod`))
      return [
        {
          ...at,
          message: `${sum.path} has no \`${r.path} ${r.version}/go.mod\` hash for this requirement; run \`go mod tidy\``,
        },
      ];
    const site = imported.get(r.require);
    if (site && !hashed.has(`${r.path} ${r.version}`))
      return [
        {
          ...at,
          message: `${sum.path} has only the \`/go.mod\` hash of ${r.path} ${r.version}, not the hash of its content, but ${site.file} imports its package ${site.path}: \`go build\` fails with "missing go.sum entry for module providing package"; run \`go mod tidy\``,
        },
      ];
    return [];
  });
}

/**
 * `go-mod-untidy`: what `go mod tidy` would fix: a requirement whose `/go.mod` hash go.sum
 * lacks, or that provides a package the module imports while go.sum lacks the hash of its
 * content (finding on the require line); a missing go.sum (on the module line); an import of
 * a non-standard package that neither the module itself nor any requirement provides (on the
 * import line). Generated files' imports count, as `go mod tidy` reads them; a file
 * `go mod tidy` leaves out (`//go:build ignore`, or below a `.` or `_` folder) imports nothing here.
 */
export const goModUntidyCheck: Check = {
  id: 'go-mod-untidy',
  reads: ['go.mod', 'go.sum', 'go'],
  run(facts) {
    // No go.mod: a file of another kind that could not be read cannot change that.
    if (facts.modules.length === 0)
      return { notApplicable: 'no go.mod', decidedBy: ['go.mod'] };
    const importFindings: Finding[] = [];
    const imported = new Map<GoModule, Map<GoModRequire, ImportSite>>();
    // Generated files too: the go command builds them like any other.
    for (const file of [...facts.goFiles, ...(facts.generatedGoFiles ?? [])]) {
      if (file.buildIgnored) continue;
      const module = moduleOfFile(facts.modules, file);
      if (!module || ignoredByGoTool(module, file.path)) continue;
      for (const i of file.imports) {
        if (!i.path.split('/')[0].includes('.')) continue;
        const provider = providerOf(module, facts.modules, i.path);
        if (provider === 'self') continue;
        if (provider) {
          const sites = imported.get(module) ?? new Map();
          if (!sites.has(provider))
            sites.set(provider, { file: file.path, path: i.path });
          imported.set(module, sites);
          continue;
        }
        importFindings.push({
          path: file.path,
          line: i.line,
          snippet: i.alias ? `${i.alias} "${i.path}"` : `"${i.path}"`,
          message: `no requirement of ${module.mod.path} provides the imported package ${i.path}; run \`go mod tidy\` to add it`,
        });
      }
    }
    const findings = facts.modules.flatMap(m =>
      sumFindings(m, imported.get(m) ?? new Map()),
    );
    return { findings: [...findings, ...importFindings] };
  },
};
