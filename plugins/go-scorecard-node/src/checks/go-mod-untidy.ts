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

/** Requirements whose go.mod comes from the module cache (not replaced by a directory). */
function downloadedRequires(
  module: GoModule,
): { require: GoModRequire; path: string; version: string }[] {
  return module.mod.requires.flatMap(r => {
    const p = replacementOf(module, r);
    if (!p) return [{ require: r, path: r.path, version: r.version }];
    return p.newVersion
      ? [{ require: r, path: p.newPath, version: p.newVersion }]
      : [];
  });
}

function provides(modulePath: string, importPath: string): boolean {
  return importPath === modulePath || importPath.startsWith(`${modulePath}/`);
}

/** go.sum problems of one module: missing file, or a requirement without its `/go.mod` hash. */
function sumFindings(module: GoModule): Finding[] {
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
    sum.entries.filter(e => e.goMod).map(e => `${e.path} ${e.version}`),
  );
  return required
    .filter(r => !hashed.has(`${r.path} ${r.version}`))
    .map(r => ({
      path: mod.path,
      line: r.require.line,
      snippet: `${r.require.path} ${r.require.version}`,
      message: `${sum.path} has no \`${r.path} ${r.version}/go.mod\` hash for this requirement; run \`go mod tidy\``,
    }));
}

/**
 * `go-mod-untidy`: what `go mod tidy` would fix: a requirement whose `/go.mod` hash go.sum
 * lacks (finding on the require line), a missing go.sum (on the module line), or an
 * import of a non-standard package that neither the module itself nor any requirement
 * provides (on the import line).
 */
export const goModUntidyCheck: Check = {
  id: 'go-mod-untidy',
  reads: ['go.mod', 'go.sum', 'go'],
  run(facts) {
    // No go.mod: a file of another kind that could not be read cannot change that.
    if (facts.modules.length === 0)
      return { notApplicable: 'no go.mod', decidedBy: ['go.mod'] };
    const findings = facts.modules.flatMap(sumFindings);
    for (const file of facts.goFiles) {
      const module = moduleOfFile(facts.modules, file);
      if (!module) continue;
      const own = module.mod.module?.path;
      for (const i of file.imports) {
        if (!i.path.split('/')[0].includes('.')) continue;
        if (own !== undefined && provides(own, i.path)) continue;
        if (module.mod.requires.some(r => provides(r.path, i.path))) continue;
        findings.push({
          path: file.path,
          line: i.line,
          snippet: i.alias ? `${i.alias} "${i.path}"` : `"${i.path}"`,
          message: `no requirement of ${module.mod.path} provides the imported package ${i.path}; run \`go mod tidy\` to add it`,
        });
      }
    }
    return { findings };
  },
};
