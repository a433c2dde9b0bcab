import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { countOf } from '@internal/plugin-go-scorecard-common';
import { ScanQueueStore } from '../database/ScanQueueStore';
import { TargetStore } from '../database/TargetStore';
import {
  locationReadsBranch,
  repositoryKey,
} from '../source/repositoryLocations';
import {
  GITHUB_PUSH_TOPIC,
  GithubPush,
  parseGithubPush,
} from './githubPushEvent';

/** The subscriber id (the events service prefixes the plugin id): replicas share one delivery. */
const SUBSCRIBER_ID = 'scan-on-push';

/**
 * Scan on push: on a GitHub push to a repository's default branch, makes the stored
 * entities whose source or manifests location reads that repository at that branch due
 * at once, so the next pick-up of the scan worker (`onDue` starts one right away)
 * rescans them instead of waiting for the hourly schedule, which stays.
 *
 * A push to another branch, a tag, a deleted branch, a repository no entity reads, or a
 * payload that is not a push event changes nothing and is logged (debug, or warn for a
 * malformed payload). Never throws to the events service.
 */
export class ScanOnPush {
  constructor(
    private readonly options: {
      events: EventsService;
      store: Pick<TargetStore, 'locationsUnder'> &
        Pick<ScanQueueStore, 'makeDue'>;
      logger: LoggerService;
      /** Called when entities were made due (start a scan run without waiting for the poll). */
      onDue?: () => void;
      /** The clock (epoch ms); for tests. */
      now?: () => number;
    },
  ) {}

  /** Subscribes to {@link GITHUB_PUSH_TOPIC}. */
  async subscribe(): Promise<void> {
    await this.options.events.subscribe({
      id: SUBSCRIBER_ID,
      topics: [GITHUB_PUSH_TOPIC],
      onEvent: async params => {
        await this.handle(params);
      },
    });
  }

  /** Handles one event; returns the refs made due (empty when the push concerns none). */
  async handle(params: EventParams): Promise<string[]> {
    const { logger } = this.options;
    let push: GithubPush;
    try {
      push = parseGithubPush(params.eventPayload);
    } catch (error) {
      logger.warn(
        `Ignoring ${params.topic} event: ${(error as Error).message}`,
      );
      return [];
    }
    const what = `push to ${push.fullName} ${push.ref}`;
    if (push.deleted || push.branch === undefined) {
      logger.debug(
        `Ignoring ${what}: ${
          push.deleted ? 'the ref was deleted' : 'not a branch'
        }`,
      );
      return [];
    }
    if (push.branch !== push.defaultBranch) {
      logger.debug(
        `Ignoring ${what}: not the default branch '${push.defaultBranch}'`,
      );
      return [];
    }
    try {
      const refs = await this.dueEntities(push, push.branch);
      if (!refs.length) {
        logger.debug(`Ignoring ${what}: no scanned entity reads it`);
        return [];
      }
      const due = await this.options.store.makeDue(
        refs,
        (this.options.now ?? Date.now)(),
      );
      logger.info(
        `Scanning ${countOf(
          due.length,
          'entity',
          'entities',
        )} after ${what}: ${due.join(', ')}`,
      );
      if (due.length) this.options.onDue?.();
      return due;
    } catch (error) {
      logger.warn(`Could not handle ${what}: ${(error as Error).message}`);
      return [];
    }
  }

  private async dueEntities(push: GithubPush, branch: string) {
    const keys = push.repositoryUrls
      .map(repositoryKey)
      .filter((k): k is string => k !== undefined);
    if (!keys.length) return [];
    const pushed = {
      repositoryUrls: push.repositoryUrls,
      branch,
      isDefaultBranch: true,
    };
    const candidates = await this.options.store.locationsUnder(keys);
    return candidates
      .filter(
        c =>
          (c.source !== undefined && locationReadsBranch(c.source, pushed)) ||
          (c.manifests !== undefined &&
            locationReadsBranch(c.manifests, pushed)),
      )
      .map(c => c.entityRef);
  }
}
