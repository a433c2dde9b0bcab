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

  it('reads the analyzer settings; the facts cache is on by default only with a shared store', () => {
    const read = (config: object) =>
      readScorecardConfig(new ConfigReader(config));
    expect(read({}).factsCache).toEqual({
      enabled: false,
      ttlMs: 7 * 86_400_000,
    });
    expect(
      read({ backend: { cache: { store: 'memory' } } }).factsCache.enabled,
    ).toBe(false);
    expect(
      read({ backend: { cache: { store: 'redis' } } }).factsCache.enabled,
    ).toBe(true);
    const set = read({
      backend: { cache: { store: 'redis' } },
      goScorecard: {
        analyzer: {
          workers: 0,
          factsCache: { enabled: false, ttl: '1h' },
        },
      },
    });
    expect(set.analyzerWorkers).toBe(0);
    expect(set.factsCache).toEqual({ enabled: false, ttlMs: 3_600_000 });
    expect(
      read({ goScorecard: { analyzer: { factsCache: { enabled: true } } } })
        .factsCache.enabled,
    ).toBe(true);
    expect(() => read({ goScorecard: { analyzer: { workers: -1 } } })).toThrow(
      'goScorecard.analyzer.workers must be a whole number from 0 to 256, got -1',
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

  it('reads the org policy, with defaults for missing keys', () => {
    const read = (policy: unknown) =>
      readScorecardConfig(new ConfigReader({ goScorecard: { policy } as any }))
        .policy;
    expect(readScorecardConfig(new ConfigReader({})).policy).toEqual({
      maxWaiverDays: 180,
      allowTurningOff: 'all',
      severityOverrides: {},
    });
    expect(
      read({
        maxWaiverDays: 3650,
        allowTurningOff: ['grpc-deprecated-dial'],
        severityOverrides: { 'k8s-prestop': 'error' },
      }),
    ).toEqual({
      maxWaiverDays: 3650,
      allowTurningOff: ['grpc-deprecated-dial'],
      severityOverrides: { 'k8s-prestop': 'error' },
    });
    expect(read({ maxWaiverDays: 30 })).toEqual({
      maxWaiverDays: 30,
      allowTurningOff: 'all',
      severityOverrides: {},
    });
  });

  it('rejects a bad org policy, naming the key', () => {
    const read = (policy: unknown) => () =>
      readScorecardConfig(new ConfigReader({ goScorecard: { policy } as any }));
    expect(read({ maxWaiverDays: 0 })).toThrow(
      'goScorecard.policy.maxWaiverDays: expected a whole number of days from 1, got 0',
    );
    expect(read({ maxWaiverDay: 30 })).toThrow(
      /goScorecard\.policy: unknown key "maxWaiverDay"/,
    );
    expect(read({ allowTurningOff: ['no-such-check'] })).toThrow(
      /goScorecard\.policy\.allowTurningOff\[0\]: unknown check "no-such-check"/,
    );
    expect(read({ severityOverrides: { 'k8s-prestop': 'fatal' } })).toThrow(
      'goScorecard.policy.severityOverrides.k8s-prestop: expected error, warning or info, got "fatal"',
    );
    expect(read('strict')).toThrow('goScorecard.policy: expected a mapping');
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

  it('scans on push unless goScorecard.scanOnPush.enabled is false', () => {
    const read = (config: object) =>
      readScorecardConfig(new ConfigReader(config)).scanOnPush;
    expect(read({})).toEqual({ enabled: true });
    expect(read({ goScorecard: { localRoots: [] } })).toEqual({
      enabled: true,
    });
    expect(read({ goScorecard: { scanOnPush: { enabled: false } } })).toEqual({
      enabled: false,
    });
    expect(() =>
      read({ goScorecard: { scanOnPush: { enabled: 'maybe' } } }),
    ).toThrow(/goScorecard\.scanOnPush\.enabled/);
  });

  it('renews leases four times per lease duration', () => {
    expect(leaseHeartbeatMs({ leaseMs: 60_000 })).toBe(15_000);
    expect(leaseHeartbeatMs({ leaseMs: 2 })).toBe(1);
  });

  it('reads goScorecard.notifications with its defaults, refusing an unknown severity', () => {
    const read = (notifications: object) =>
      readScorecardConfig(new ConfigReader({ goScorecard: { notifications } }))
        .notifications;
    expect(read({})).toEqual({
      enabled: true,
      severities: ['fail', 'warn'],
      includeImprovements: true,
    });
    expect(
      read({
        enabled: false,
        severities: ['fail'],
        includeImprovements: false,
      }),
    ).toEqual({
      enabled: false,
      severities: ['fail'],
      includeImprovements: false,
    });
    expect(() => read({ severities: ['fail', 'error'] })).toThrow(
      "goScorecard.notifications.severities may hold fail and warn, got 'error'",
    );
  });
});
