import { ConfigReader } from '@backstage/config';
import {
  defaultScorecardConfig,
  leaseHeartbeatMs,
  readScorecardConfig,
} from './ScorecardConfig';

describe('readScorecardConfig', () => {
  it('uses the defaults when nothing is configured', () => {
    expect(readScorecardConfig(new ConfigReader({}))).toEqual(
      defaultScorecardConfig,
    );
  });

  it('reads durations as strings or objects and resolves local roots', () => {
    const config = readScorecardConfig(
      new ConfigReader({
        goScorecard: {
          selection: { kinds: ['Component', 'Resource'], types: ['service'] },
          localRoots: ['../../examples', '/srv/repos'],
          schedule: {
            scanInterval: '15m',
            timeout: { seconds: 30 },
            batchSize: 5,
          },
          history: { retention: 'P7D' },
        },
      }),
      { baseDir: '/work/main/packages/backend' },
    );
    expect(config.kinds).toEqual(['Component', 'Resource']);
    expect(config.types).toEqual(['service']);
    expect(config.localRoots).toEqual(['/work/main/examples', '/srv/repos']);
    expect(config.scanIntervalMs).toBe(15 * 60_000);
    expect(config.timeoutMs).toBe(30_000);
    expect(config.batchSize).toBe(5);
    expect(config.historyRetentionMs).toBe(7 * 24 * 3600_000);
  });

  it('rejects a bad batch size', () => {
    expect(() =>
      readScorecardConfig(
        new ConfigReader({ goScorecard: { schedule: { batchSize: 0 } } }),
      ),
    ).toThrow(/batchSize/);
  });

  it('reads the findings cap and rejects one that is not a positive integer', () => {
    expect(defaultScorecardConfig.maxFindingsPerCheck).toBe(100);
    expect(
      readScorecardConfig(
        new ConfigReader({
          goScorecard: { limits: { maxFindingsPerCheck: 25 } },
        }),
      ).maxFindingsPerCheck,
    ).toBe(25);
    for (const bad of [0, -1, 2.5]) {
      expect(() =>
        readScorecardConfig(
          new ConfigReader({
            goScorecard: { limits: { maxFindingsPerCheck: bad } },
          }),
        ),
      ).toThrow(/limits\.maxFindingsPerCheck/);
    }
  });

  it('renews leases four times per lease duration', () => {
    expect(leaseHeartbeatMs({ leaseMs: 60_000 })).toBe(15_000);
    expect(leaseHeartbeatMs({ leaseMs: 2 })).toBe(1);
  });
});
