import {
  binaryOrigins,
  filled,
  formatOrigins,
  Origin,
  UNKNOWN_TEXT,
} from './origins';

const at = { path: 'main.go', line: 1, snippet: '' };
const str = (value: string): Origin => ({ k: 'string', value, at });
const env = (name: string): Origin => ({ k: 'env', name, at });
const templates = (origins: Origin[]) =>
  origins.flatMap(o =>
    o.k === 'env' ? [filled(o, 'X').split(UNKNOWN_TEXT).join('…')] : [],
  );

describe('origins of values built from parts', () => {
  it('puts a variable joined to text into the value it is part of', () => {
    expect(templates(binaryOrigins('+', [str('users.')], [env('NS')]))).toEqual(
      ['users.X'],
    );
    expect(templates(binaryOrigins('+', [env('HOST')], [env('PORT')]))).toEqual(
      ['X…', '…X'],
    );
  });

  it('leaves a variable added to a number as it is', () => {
    const number: Origin = { k: 'number', value: 5, seconds: false, at };
    expect(templates(binaryOrigins('+', [env('GRACE')], [number]))).toEqual([
      'X',
    ]);
  });

  it('formats a variable into the other parts, unknown ones as such', () => {
    expect(
      templates(
        formatOrigins(
          'metadata-svc.%s.svc.cluster.local.:%d',
          [[env('POD_NS')], []],
          at,
        ),
      ),
    ).toEqual(['metadata-svc.X.svc.cluster.local.:…']);
  });
});
