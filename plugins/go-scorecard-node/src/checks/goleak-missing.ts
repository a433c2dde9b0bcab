import { Finding } from '@internal/plugin-go-scorecard-common';
import { GoFileFacts } from '../facts';
import { Check } from './types';
import { moduleOfFile } from './moduleOfFile';

/**
 * `goleak-missing`: a module whose non-test code has `go` statements and that has tests, but
 * no file of it (a test, or a test helper package) calls goleak.VerifyTestMain or
 * goleak.VerifyNone. Reported on go.mod's module line.
 */
export const goleakMissingCheck: Check = {
  id: 'goleak-missing',
  reads: ['go', 'go.mod'],
  run(facts) {
    // No go.mod: a file of another kind that could not be read cannot change that.
    if (facts.modules.length === 0)
      return { notApplicable: 'no go.mod', decidedBy: ['go.mod'] };
    const filesOf = new Map(facts.modules.map(m => [m, [] as GoFileFacts[]]));
    for (const file of facts.goFiles) {
      const m = moduleOfFile(facts.modules, file);
      if (m) filesOf.get(m)!.push(file);
    }
    let applicable = false;
    const findings: Finding[] = [];
    for (const [m, files] of filesOf) {
      const goStatements = files
        .filter(f => !f.isTest)
        .reduce((n, f) => n + f.goStatements, 0);
      const tests = files.filter(f => f.isTest);
      if (goStatements === 0 || tests.length === 0) continue;
      applicable = true;
      // A shared test helper (`testutil.VerifyTestMain(m)` wrapping goleak's) is a file of
      // its own package, not a _test.go file: any file of the module counts.
      if (files.some(f => f.goleakVerifications > 0)) continue;
      const name = m.mod.module?.path ?? m.dir;
      findings.push({
        path: m.mod.path,
        line: m.mod.module?.line ?? 1,
        message: `module ${name} starts goroutines (${goStatements} go statement${
          goStatements === 1 ? '' : 's'
        }) and has ${tests.length} test file${
          tests.length === 1 ? '' : 's'
        }, but nothing in it calls goleak.VerifyTestMain or goleak.VerifyNone`,
        snippet: m.mod.module ? `module ${m.mod.module.path}` : '',
      });
    }
    return applicable
      ? { findings }
      : { notApplicable: 'no module has both go statements and tests' };
  },
};
