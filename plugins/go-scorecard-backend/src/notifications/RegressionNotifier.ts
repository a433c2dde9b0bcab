import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSettings } from '../config/ScorecardConfig';
import { StatusChangeStore } from '../database/StatusChangeStore';
import { digestOf, isEmptyDigest, notificationOf } from './digest';

/** How long a flush holds the changes it claimed before another replica may take them. */
const DEFAULT_CLAIM_MS = 5 * 60_000;

/**
 * Sends the owners' regression digests (issue 16, item 1): claims the status changes
 * scans recorded, builds one digest per owner ({@link digestOf}) and sends it through
 * the notifications service to the owner entity (its members get it), then marks the
 * changes sent. Called after every scan run and scan-now scan of this replica; pending
 * changes of any replica are sent by whichever flushes first. A failed send gives its
 * claim back and is retried by the next flush with the same scope. Changes sent longer
 * ago than `retentionMs` are deleted.
 */
export class RegressionNotifier {
  private flushing: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly options: {
      store: StatusChangeStore;
      notifications: NotificationService;
      settings: NotificationSettings;
      logger: LoggerService;
      /** How long sent changes are kept (epoch ms difference). */
      retentionMs: number;
      claimMs?: number;
      now?: () => number;
    },
  ) {}

  /**
   * Sends every pending digest. Calls on one replica run one after another. Never
   * rejects: failures are logged. Returns how many notifications this call sent.
   */
  flush(): Promise<number> {
    const next = this.flushing.then(() => this.flushOnce());
    this.flushing = next;
    return next;
  }

  private async flushOnce(): Promise<number> {
    const { store, settings, logger, retentionMs } = this.options;
    if (!settings.enabled) return 0;
    const now = this.options.now ?? Date.now;
    let sent = 0;
    try {
      const digests = await store.claimPending({
        now: now(),
        claimMs: this.options.claimMs ?? DEFAULT_CLAIM_MS,
      });
      for (const claimed of digests) {
        if (await this.send(claimed)) sent++;
      }
      if (digests.length) await store.pruneNotified(now() - retentionMs);
    } catch (error) {
      logger.error('Could not send regression notifications', toError(error));
    }
    return sent;
  }

  /** Sends one claimed digest; true when a notification went out. */
  private async send(claimed: {
    digestId: string;
    owner?: string;
    changes: Parameters<typeof digestOf>[1];
  }): Promise<boolean> {
    const { store, notifications, settings, logger } = this.options;
    const now = this.options.now ?? Date.now;
    const { digestId, owner, changes } = claimed;
    if (!owner) {
      logger.debug(
        `Not notifying ${changes.length} status changes of entities without an owner`,
      );
      await store.markNotified(digestId, now());
      return false;
    }
    const digest = digestOf(owner, changes, settings);
    if (isEmptyDigest(digest)) {
      await store.markNotified(digestId, now());
      return false;
    }
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: notificationOf(digest, digestId),
      });
    } catch (error) {
      logger.warn(
        `Could not notify ${owner} of ${digest.regressions.length} regressions; retrying after the next scan run`,
        toError(error),
      );
      await store.release(digestId);
      return false;
    }
    await store.markNotified(digestId, now());
    return true;
  }
}
