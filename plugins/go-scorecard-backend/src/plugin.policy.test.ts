import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import plugin from './index';

jest.setTimeout(60_000);

describe('go-scorecard backend with goScorecard.policy', () => {
  const start = (policy: unknown) =>
    startTestBackend({
      features: [
        plugin,
        mockServices.rootConfig.factory({
          data: { goScorecard: { policy } as any },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

  it('does not start with a bad policy, and the error names the key', async () => {
    await expect(start({ maxWaiverDays: -1 })).rejects.toThrow(
      /goScorecard\.policy\.maxWaiverDays: expected a whole number of days from 1, got -1/,
    );
    await expect(
      start({ severityOverrides: { 'no-such-check': 'error' } }),
    ).rejects.toThrow(
      /goScorecard\.policy\.severityOverrides\.no-such-check: unknown check/,
    );
  });

  it('starts with a valid policy', async () => {
    const backend = await start({
      maxWaiverDays: 3650,
      allowTurningOff: 'all',
      severityOverrides: { 'k8s-prestop': 'error' },
    });
    expect(backend.server.listening).toBe(true);
    await backend.stop();
  });
});
