import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checks as catalog } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from './analyze';
import { DirectoryTree } from './tree/DirectoryTree';
import { readExpectations } from './__testUtils__/expectations';

/**
 * The analysistest of this analyzer: every case folder `testdata/<check-id>/<case>/` is
 * scanned whole, and the findings of its check (and of any check its want comments
 * name) must be exactly the findings its want comments, want.txt and statuses.txt state;
 * a want with a message (`// want "id: regexp"`, `# want: id "regexp"`) also asserts it.
 */
const testdata = join(__dirname, '..', 'testdata');
const cases = catalog.flatMap(check => {
  const dir = join(testdata, check.id);
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map(name => [check.id, name] as const)
    : [];
});

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await Analyzer.create();
});

describe('fixtures', () => {
  it('has a failing and a passing case for every check', () => {
    for (const check of catalog) {
      const names = cases.filter(([id]) => id === check.id).map(([, n]) => n);
      expect({ check: check.id, cases: names.length >= 2 }).toEqual({
        check: check.id,
        cases: true,
      });
    }
  });

  it.each(cases)('%s/%s', async (checkId, name) => {
    const dir = join(testdata, checkId, name);
    const expected = await readExpectations(dir);
    const report = await analyzer.analyze(await DirectoryTree.open(dir), dir);

    const underTest = new Set([
      checkId,
      ...expected.findings.map(f => f.split(' ')[1]),
    ]);
    const actual = report.checks
      .filter(c => underTest.has(c.id))
      .flatMap(c => c.findings.map(f => `${f.path}:${f.line} ${c.id}`))
      .sort();
    expect(actual).toEqual(expected.findings);
    // A want that gives a message regexp: some finding at that place matches it.
    for (const { finding, message } of expected.messages) {
      const [place, id] = finding.split(' ');
      const messages = (report.checks.find(c => c.id === id)?.findings ?? [])
        .filter(f => `${f.path}:${f.line}` === place)
        .map(f => f.message);
      expect({ finding, messages }).toEqual({
        finding,
        messages: expect.arrayContaining([expect.stringMatching(message)]),
      });
    }

    // A case that expects no finding of its own check expects it to pass, unless
    // statuses.txt says otherwise.
    const statuses = { ...expected.statuses };
    if (!expected.findings.some(f => f.endsWith(` ${checkId}`))) {
      statuses[checkId] ??= 'pass';
    }
    const actualStatuses = Object.fromEntries(
      Object.keys(statuses).map(id => [
        id,
        report.checks.find(c => c.id === id)?.status,
      ]),
    );
    expect(actualStatuses).toEqual(statuses);
  });
});
