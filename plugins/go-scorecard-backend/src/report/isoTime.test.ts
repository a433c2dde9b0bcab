import { isoTime } from './isoTime';

describe('isoTime', () => {
  it('writes what toISOString writes', () => {
    const times = [
      0,
      1,
      999,
      86_399_999,
      86_400_000,
      -1,
      -86_400_001,
      Date.UTC(2026, 10, 30, 12, 0, 0, 5),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 0, 1),
    ];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      times.push(Math.floor((seed / 2147483647) * 4e12) - 1e12);
    }
    for (const ms of times) {
      expect([ms, isoTime(ms)]).toEqual([ms, new Date(ms).toISOString()]);
    }
  });
});
