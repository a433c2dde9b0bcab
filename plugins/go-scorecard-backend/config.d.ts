import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Go Service Scorecard backend. Every key is optional. */
  goScorecard?: {
    /** Which catalog entities are scanned. Default: every Component, any spec.type. */
    selection?: {
      /** Entity kinds to scan. Default: ['Component']. */
      kinds?: string[];
      /** Restrict to these spec.type values. Default: any type. */
      types?: string[];
    };
    /**
     * Folders below which `dir:` and `file:` source locations may be read from disk.
     * Relative paths resolve against the backend's working directory. Empty by default:
     * no local reads.
     */
    localRoots?: string[];
    /** Files larger than this many bytes are not fetched or analyzed. Default 2 MiB. */
    maxFileBytes?: number;
    schedule?: {
      /** How often each entity is rescanned. Default 1 hour. */
      scanInterval?: HumanDuration | string;
      /** How often each replica looks for due entities. Default 10 seconds. */
      pollInterval?: HumanDuration | string;
      /** How often the list of entities is refreshed from the catalog. Default 30 seconds. */
      catalogSyncInterval?: HumanDuration | string;
      /** Entities one replica claims at a time. Default 20. */
      batchSize?: number;
      /** Scans running at the same time in one replica. Default 4. */
      concurrency?: number;
      /** Time limit of one entity's scan (read and analysis). Default 2 minutes. */
      timeout?: HumanDuration | string;
      /**
       * How long a claim on an entity lasts without renewal before another replica may
       * take it over. A replica renews its claims every quarter of this while it scans,
       * so a replica that dies (killed, crashed) leaves its entities to the others
       * within this bound. Default 1 minute.
       */
      leaseDuration?: HumanDuration | string;
      /** Retries of transient read errors, with exponential backoff. Default 3. */
      maxRetries?: number;
      /** First retry delay. Default 30 seconds. */
      retryBackoff?: HumanDuration | string;
      /** How long shutdown waits for running scans. Default 10 seconds. */
      shutdownTimeout?: HumanDuration | string;
      /** How long `POST .../scan` waits for the scan. Default 30 seconds. */
      scanNowTimeout?: HumanDuration | string;
      /**
       * Least time between two scan-now requests of one entity; a request within it gets
       * 429 with Retry-After. Default 60 seconds.
       */
      scanNowCooldown?: HumanDuration | string;
    };
    history?: {
      /** How long history rows are kept. Default 90 days. */
      retention?: HumanDuration | string;
    };
    analyzer?: {
      /**
       * Worker threads that parse and read Go files, shared by all scans of this replica
       * (node:worker_threads, one tree-sitter parser each): the `schedule.concurrency`
       * scans running at once hand their files to the same workers, so more workers than
       * cores gains nothing. 0 runs everything on the main thread. Default: the cores
       * available (os.availableParallelism()), at most 4, because each worker holds its own
       * parser and heap: about 75-95 MiB each when busy (bench:analyzer: 2 workers add
       * 150-190 MiB of peak RSS). The CLI, which scans one repository, uses every core.
       */
      workers?: number;
      factsCache?: {
        /**
         * Keep the facts of each Go file in Backstage's cache service (`backend.cache`),
         * keyed by the analyzer's code, the file's path and content and the declarations of
         * its tree, so a file unchanged since the last scan is not parsed again. Default:
         * on with a shared store (redis, valkey, memcache, infinispan), off with the
         * default in-memory store, which never evicts: set `true` there only for a small
         * fleet, knowing that every scanned Go file's facts (1.5-4x its size) stay in the
         * backend's heap until `ttl` passes and the entry is next read.
         */
        enabled?: boolean;
        /** How long stored facts are kept. Default 7 days. */
        ttl?: HumanDuration | string;
      };
    };
    /**
     * The org policy that bounds what each repository's `.go-scorecard.yaml` may do
     * (docs/policy.md). The CLI's `--policy FILE` takes the same keys, so CI agrees with
     * the portal. Validated at startup: an unknown key, an unknown check id or a bad value
     * stops the backend with an error naming the key.
     */
    policy?: {
      /**
       * The longest a waiver may run, in days from the day of the scan; a waiver further
       * ahead does not apply and yields a note. A whole number from 1. Default 180.
       */
      maxWaiverDays?: number;
      /**
       * The check ids a repository may turn off under `checks:`, `all` (the default) or
       * `[]` for none. A check turned off where this does not allow it runs, with a note.
       */
      allowTurningOff?: 'all' | string[];
      /**
       * A check's severity in place of the catalog's, per check id: `error` fails,
       * `warning` and `info` warn. Default none.
       */
      severityOverrides?: { [checkId: string]: 'error' | 'warning' | 'info' };
    };
    /**
     * Regression notifications (docs/notifications.md): when a scan turns a check of a
     * service from pass or not_applicable to fail or warn (or a waiver runs out), the
     * owning team gets one Backstage notification per scan cycle listing its
     * regressions. Needs the notifications backend in the portal.
     */
    notifications?: {
      /** Record status changes and send digests. Default true; false records and sends nothing. */
      enabled?: boolean;
      /** The new statuses of a regression that notify: `fail`, `warn`. Default both. */
      severities?: Array<'fail' | 'warn'>;
      /** List improvements (fail or warn to pass) in the same digest. Default true. */
      includeImprovements?: boolean;
    };
    scanOnPush?: {
      /**
       * Rescan on push: a GitHub push event (received by the GitHub events module at
       * `/api/events/http/github`, topic `github.push`) to a repository's default branch
       * makes the entities whose source or manifests location reads that repository and
       * branch due at once. The hourly schedule stays. Default true.
       */
      enabled?: boolean;
    };
    limits?: {
      /**
       * The most findings stored and returned for one check of one entity; the check's
       * `totalFindings` keeps the true count and its status is decided on all of them.
       * A positive integer. Default 100.
       */
      maxFindingsPerCheck?: number;
    };
  };
}
