import { checks as catalog } from '@internal/plugin-go-scorecard-common';
import { allChecks, joinCatalog, registeredChecks } from '.';
import { Check } from './types';

describe('check registry', () => {
  it('has exactly one check for every catalog id, in catalog order', () => {
    expect(registeredChecks.map(r => r.check.id)).toEqual(
      catalog.map(d => d.id),
    );
    for (const { id } of catalog)
      expect(allChecks.filter(c => c.id === id)).toHaveLength(1);
  });

  it('has no check whose id is not in the catalog', () => {
    const ids = new Set(catalog.map(d => d.id));
    expect(allChecks.filter(c => !ids.has(c.id))).toEqual([]);
    expect(allChecks).toHaveLength(catalog.length);
  });

  it('joins each check with its own catalog entry', () => {
    for (const { check, definition } of registeredChecks)
      expect(definition.id).toBe(check.id);
  });

  it('says what every check reads', () => {
    for (const check of allChecks)
      expect(check.reads.length).toBeGreaterThan(0);
  });

  describe('joinCatalog', () => {
    const check = (id: string): Check => ({
      id,
      reads: ['go'],
      run: () => ({ findings: [] }),
    });
    const [a, b] = catalog;

    it('refuses a catalog id without a check', () => {
      expect(() => joinCatalog([a, b], [check(a.id)])).toThrow(
        `catalog ids without a check: ${b.id}`,
      );
    });

    it('refuses two checks with one id', () => {
      expect(() => joinCatalog([a], [check(a.id), check(a.id)])).toThrow(
        `two checks have the id ${a.id}`,
      );
    });

    it('refuses a check not in the catalog', () => {
      expect(() => joinCatalog([a], [check(a.id), check('nope')])).toThrow(
        'checks not in the catalog: nope',
      );
    });

    it('refuses a catalog listing an id twice', () => {
      expect(() => joinCatalog([a, a], [check(a.id)])).toThrow(
        `the catalog lists ${a.id} twice`,
      );
    });
  });
});
