import {
  filtersOf,
  parseReportView,
  toSearchParams,
} from './reportSearchParams';

describe('report search params', () => {
  it('round-trips filters, sorting and the page through the URL', () => {
    const view = parseReportView(
      new URLSearchParams(
        'owner=team-a&owner=team-b&system=shop&lesson=4&check=k8s-ndots&status=fail&status=stale&text=cart&orderBy=score&order=desc&page=2&pageSize=50',
      ),
    );
    expect(view).toEqual({
      owners: ['team-a', 'team-b'],
      systems: ['shop'],
      lesson: '4',
      check: 'k8s-ndots',
      statuses: ['fail', 'stale'],
      text: 'cart',
      orderBy: 'score',
      order: 'desc',
      page: 2,
      pageSize: 50,
    });
    expect(parseReportView(toSearchParams(view))).toEqual(view);
  });

  it('drops unknown values and defaults', () => {
    expect(
      parseReportView(
        new URLSearchParams('status=bogus&orderBy=x&page=-1&pageSize=9999'),
      ),
    ).toEqual({
      page: 0,
      pageSize: 25,
    });
    expect(toSearchParams({ page: 0, pageSize: 25 }).toString()).toBe('');
  });

  it('gives the filters without the page', () => {
    expect(filtersOf({ owners: ['a'], page: 3, pageSize: 10 })).toEqual({
      owners: ['a'],
    });
  });
});
