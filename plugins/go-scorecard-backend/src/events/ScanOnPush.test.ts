import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { ScorecardStore } from '../database/ScorecardStore';
import { pushPayload } from '../__testUtils__/pushEvents';
import { fakeReport } from '../__testUtils__/reports';
import { createTestStore, testTarget as target } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { GITHUB_PUSH_TOPIC } from './githubPushEvent';
import { ScanOnPush } from './ScanOnPush';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

const SCANNED_AT = 1000;
const NEXT_SCAN_AT = 1000 + 60 * 60_000;
const PUSHED_AT = 5000;

describe.each(databases.eachSupportedId())('ScanOnPush on %p', databaseId => {
  let store: ScorecardStore;
  let events: DefaultEventsService;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let onDue: jest.Mock;

  beforeEach(async () => {
    ({ store } = await createTestStore(databases, databaseId));
    await store.syncTargets(
      [
        target('checkout', {
          source: 'url:https://github.com/acme/shop/tree/main/checkout/',
        }),
        // Source elsewhere, manifests in the pushed repository.
        target('cart', {
          source: 'url:https://github.com/acme/cart/tree/main/',
          manifests: 'url:https://github.com/Acme/Shop/tree/main/deploy/cart/',
        }),
        target('shop-api', {
          source: 'url:https://github.com/acme/shop-api/tree/main/',
        }),
        target('preview', {
          source: 'url:https://github.com/acme/shop/tree/develop/',
        }),
        target('local'),
      ],
      SCANNED_AT,
    );
    // Every entity scanned: none is due before the next hourly scan.
    const claims = await store.claimDue({
      owner: 'r1',
      now: SCANNED_AT,
      limit: 10,
      leaseMs: 60_000,
    });
    await store.completeScans(
      claims.map(c => ({
        unchanged: false as const,
        entityRef: c.entityRef,
        report: fakeReport(),
        etag: 'e1',
      })),
      'r1',
      { now: SCANNED_AT, nextScanAt: NEXT_SCAN_AT },
    );
    events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    logger = mockServices.logger.mock();
    onDue = jest.fn();
    await new ScanOnPush({
      events: events.forPlugin('go-scorecard'),
      store,
      logger,
      onDue,
      now: () => PUSHED_AT,
    }).subscribe();
  });

  /** The refs a worker would claim right after the push. */
  async function due() {
    const claims = await store.claimDue({
      owner: 'r2',
      now: PUSHED_AT,
      limit: 10,
      leaseMs: 60_000,
    });
    return claims.map(c => c.entityRef).sort();
  }

  function publish(eventPayload: unknown) {
    return events.publish({
      topic: GITHUB_PUSH_TOPIC,
      eventPayload,
      metadata: { 'x-github-event': 'push' },
    });
  }

  it('makes the entities reading the pushed repository and default branch due at once', async () => {
    await publish(pushPayload());
    expect(await due()).toEqual([
      'component:default/cart',
      'component:default/checkout',
    ]);
    expect(onDue).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Scanning 2 entities after push to acme/shop refs/heads/main: component:default/cart, component:default/checkout',
    );
    // The hourly schedule of the others stays.
    expect(
      (await store.getSummary('component:default/shop-api'))!.nextScanAt,
    ).toBe(NEXT_SCAN_AT);
  });

  it('gives an entity whose reads failed its retries afresh: the pushed source is a new one', async () => {
    const [claim] = (
      await store.claimDue({
        owner: 'r1',
        now: NEXT_SCAN_AT,
        limit: 10,
        leaseMs: 60_000,
      })
    ).filter(c => c.entityRef === 'component:default/checkout');
    await store.failScan(claim.entityRef, 'r1', {
      error: 'socket hang up',
      now: NEXT_SCAN_AT,
      nextScanAt: NEXT_SCAN_AT + 60_000,
      attempts: 3,
    });
    await publish(pushPayload());
    const [again] = (
      await store.claimDue({
        owner: 'r2',
        now: NEXT_SCAN_AT + 1,
        limit: 10,
        leaseMs: 60_000,
      })
    ).filter(c => c.entityRef === 'component:default/checkout');
    expect(again.attempts).toBe(0);
  });

  it('keeps an entity that is already overdue where it is', async () => {
    await store.makeDue(['component:default/checkout'], 2000);
    await publish(pushPayload());
    expect(
      (await store.getSummary('component:default/checkout'))!.nextScanAt,
    ).toBe(2000);
  });

  it('does nothing for another branch, a tag, a deleted branch or an unknown repository', async () => {
    await publish(pushPayload({ ref: 'refs/heads/develop' }));
    await publish(pushPayload({ ref: 'refs/tags/v1.0.0' }));
    await publish(pushPayload({ deleted: true }));
    await publish(
      pushPayload({
        repository: {
          full_name: 'acme/unknown',
          html_url: 'https://github.com/acme/unknown',
          clone_url: 'https://github.com/acme/unknown.git',
        },
      }),
    );
    expect(await due()).toEqual([]);
    expect(onDue).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith(
      "Ignoring push to acme/shop refs/heads/develop: not the default branch 'main'",
    );
    expect(logger.debug).toHaveBeenCalledWith(
      'Ignoring push to acme/shop refs/tags/v1.0.0: not a branch',
    );
    expect(logger.debug).toHaveBeenCalledWith(
      'Ignoring push to acme/shop refs/heads/main: the ref was deleted',
    );
    expect(logger.debug).toHaveBeenCalledWith(
      'Ignoring push to acme/unknown refs/heads/main: no scanned entity reads it',
    );
  });

  it('warns about a malformed payload and changes nothing', async () => {
    await publish({ zen: 'Keep it logically awesome.', hook_id: 1 });
    await publish('not json');
    expect(await due()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      "Ignoring github.push event: Push event payload has no string 'ref'",
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring github.push event: Push event payload is not a JSON object',
    );
  });
});
