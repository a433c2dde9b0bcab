import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CheckCatalog,
  checkDocPath,
  checks,
  DEFAULT_MAX_FINDINGS_PER_CHECK,
  ExpiringWaivers,
  goScorecardScanTriggerPermission,
  History,
  lessonDocFile,
  lessons,
  normalizeEntityRef,
  ScanNowResult,
} from '@internal/plugin-go-scorecard-common';
import express from 'express';
import { HistoryStore } from '../database/HistoryStore';
import { ResultStore } from '../database/ResultStore';
import { TargetStore } from '../database/TargetStore';
import { defaultScorecardConfig } from '../config/ScorecardConfig';
import { ReportStore } from '../database/ReportStore';
import { WaiverStore } from '../database/WaiverStore';
import { queryReport } from '../report/queryReport';
import { reportCsvChunks } from '../report/queryReportCsv';
import {
  parseReportQuery,
  ReportFilterParameters,
} from '../report/ReportQuery';
import { EntitySelection } from '../scanning/EntitySelection';
import { DAY_MS } from '../database/conversion';
import { ScanWorker } from '../scanning/ScanWorker';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { entityResponse } from './entityResponse';
import { readEntityResult } from './readEntityResult';
import { ReadableEntities } from './ReadableEntities';
import { LocalRoots } from '../source/LocalRoots';

/** What the router needs. */
export interface RouterOptions {
  /** Reads results and history; adds a selected entity the catalog sync has not copied yet. */
  store: ResultStore &
    ReportStore &
    Pick<HistoryStore, 'entityHistory'> &
    Pick<TargetStore, 'upsertTarget'> &
    WaiverStore;
  worker: ScanWorker;
  selection: EntitySelection;
  readable: ReadableEntities;
  /** The allowed local roots: a local source is shown relative to its root. */
  localRoots: LocalRoots;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** How long history is kept (ms, `goScorecard.history.retention`): the longest window `GET /history` serves. */
  historyRetentionMs: number;
  /**
   * How often the catalog sync copies the selected entities (ms): an unsynced one is
   * picked up within it. Default: the config's default.
   */
  catalogSyncIntervalMs?: number;
  /**
   * The most findings per check an entity's result carries (`totalFindings` keeps the
   * true count); results stored before the cap, or under a higher one, are capped here.
   * Default 100.
   */
  maxFindingsPerCheck?: number;
  /** Least time between two accepted scan-now requests of one entity (ms); shown to callers. Default: the config's default. */
  scanNowCooldownMs?: number;
}

/**
 * The REST API described by `src/schema/openapi.yaml`. Requests are checked against the
 * spec before they reach a handler (a 400 InputError naming the bad parameter); the
 * handlers check only what the spec cannot say.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, worker, selection, readable, httpAuth, permissions } = options;
  const maxFindingsPerCheck =
    options.maxFindingsPerCheck ?? DEFAULT_MAX_FINDINGS_PER_CHECK;
  const scanNowCooldownMs =
    options.scanNowCooldownMs ?? defaultScorecardConfig.scanNowCooldownMs;
  const router = await createOpenApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/checks', (_req, res) => {
    res.json({
      lessons: lessons.map(l => ({
        ...l,
        docFile: lessonDocFile(l),
        docPath: `/go-scorecard/lessons/${l.slug}`,
      })),
      checks: checks.map(c => ({ ...c, docPath: checkDocPath(c) })),
    } satisfies CheckCatalog);
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await readEntityResult(
        {
          store,
          readable,
          selection,
          localRoots: options.localRoots,
          maxFindingsPerCheck,
          catalogSyncIntervalMs:
            options.catalogSyncIntervalMs ??
            defaultScorecardConfig.catalogSyncIntervalMs,
        },
        entityRefFromParams(req.params),
        credentials,
      ),
    );
  });

  router.post('/entities/:kind/:namespace/:name/scan', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = entityRefFromParams(req.params);
    const [decision] = await permissions.authorize(
      [{ permission: goScorecardScanTriggerPermission, resourceRef: ref }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed to scan ${ref}`);
    }
    const entity = await readable.get(ref, credentials);
    if (!entity) throw new NotFoundError(`No entity ${ref}`);
    if (!selection.includes(entity)) {
      throw new NotFoundError(
        `Entity ${ref} is not scanned by the Go scorecard`,
      );
    }
    if (!(await store.getSummary(ref))) {
      await store.upsertTarget(selection.toTarget(entity), Date.now());
    }
    const state = await worker.scanNow(ref);
    if (!state)
      throw new NotFoundError(
        `Entity ${ref} is not scanned by the Go scorecard`,
      );
    if (typeof state === 'object') {
      // Within the cooldown (RFC 9110 Retry-After: delay-seconds).
      const seconds = Math.max(
        1,
        Math.ceil((state.retryAt - Date.now()) / 1000),
      );
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({
          error: {
            name: 'TooManyRequestsError',
            // Shown as is on the card: the entity is the card's own, so not named.
            message: `Scanned on request less than ${Math.round(
              scanNowCooldownMs / 1000,
            )} s ago: Scan now is allowed again in ${seconds} s`,
          },
          // Backstage's error body (ErrorResponseBody), so clients' ResponseError reads
          // the message instead of showing the raw body.
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 429 },
          nextScanAllowedAt: new Date(state.retryAt).toISOString(),
        });
      return;
    }
    const result = await store.getEntityResult(ref);
    res.status(state === 'completed' ? 200 : 202).json({
      scan: {
        state,
        nextScanAllowedAt: new Date(
          Date.now() + scanNowCooldownMs,
        ).toISOString(),
      },
      ...entityResponse(result!, options.localRoots, maxFindingsPerCheck),
    } satisfies ScanNowResult);
  });

  // Filtered, sorted, paged and summed in the database; the readable refs are cached
  // per caller for a short while (see ReadableEntities).
  // A stored scan error may name a server path (a failed read): shown relative to the roots.
  const redact = (error: string) => options.localRoots.redactPaths(error);

  // Written as the database hands out the rows (see reportCsvChunks): the response
  // starts once the first batch is there and never holds every line at once.
  router.get('/report.csv', async (req, res) => {
    const query = parseReportQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    const chunks = reportCsvChunks(
      store,
      await readable.refs(credentials),
      query,
      redact,
    );
    // A failing query fails here, before anything is written, as an error response.
    const first = await chunks.next();
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set(
        'Content-Disposition',
        'attachment; filename="go-scorecard-report.csv"',
      );
    try {
      let closed = false;
      res.once('close', () => {
        closed = true;
      });
      for (
        let chunk = first;
        !chunk.done && !closed;
        chunk = await chunks.next()
      ) {
        if (!res.write(chunk.value)) {
          await new Promise<void>(resolve => {
            const done = () => {
              res.off('drain', done).off('close', done);
              resolve();
            };
            res.on('drain', done).on('close', done);
          });
        }
      }
      res.end();
    } catch (error) {
      // Too late for an error response: the download ends unfinished.
      options.logger.error(`The report's CSV failed: ${error}`);
      res.destroy(error as Error);
    } finally {
      // The client left early: closes the database's cursor.
      await chunks.return(undefined);
    }
  });

  router.get('/report', async (req, res) => {
    const { offset, limit } = req.query;
    const query = parseReportQuery(req.query, { offset, limit });
    const credentials = await httpAuth.credentials(req);
    res.json(
      await queryReport(store, await readable.refs(credentials), query, {
        redact,
      }),
    );
  });

  router.get('/history', async (req, res) => {
    const { entityRef, days, ...filters } = req.query;
    // The API counts whole days; the setting is a duration.
    const maxDays = Math.max(
      1,
      Math.floor(options.historyRetentionMs / DAY_MS),
    );
    if (days > maxDays) {
      throw new InputError(
        `Invalid days '${days}'; expected an integer from 1 to ${maxDays}`,
      );
    }
    const since = Date.now() - days * DAY_MS;
    const credentials = await httpAuth.credentials(req);
    if (entityRef !== undefined) {
      const given = Object.keys(filters);
      if (given.length)
        throw new InputError(
          `Give either 'entityRef' or the report's filters, not both (${given.join(
            ', ',
          )})`,
        );
      const ref = parseRef(entityRef);
      if (
        !(await readable.get(ref, credentials)) ||
        !(await store.getSummary(ref))
      ) {
        throw new NotFoundError(`No scanned entity ${ref}`);
      }
      res.json({
        entityRef: ref,
        days,
        points: await store.entityHistory(ref, since),
      } satisfies History);
      return;
    }
    // The report's rows for the same filters, as the table lists them (every page).
    const query = parseReportQuery({
      ...filters,
      orderBy: 'entity',
      order: 'asc',
    });
    res.json({
      days,
      points: await store.queryHistory(
        await readable.refs(credentials),
        query,
        since,
      ),
    } satisfies History);
  });

  router.get('/waivers/expiring', async (req, res) => {
    const { days, limit } = req.query;
    // The window's last day: today (UTC) and `days` more.
    const until = new Date(Date.now() + days * DAY_MS)
      .toISOString()
      .slice(0, 10);
    // Owner refs as the report reads them (`team-a` is `group:default/team-a`).
    const { owners } = parseReportQuery({
      owner: req.query.owner,
      orderBy: 'entity',
      order: 'asc',
    } as ReportFilterParameters);
    const credentials = await httpAuth.credentials(req);
    const found = await store.expiringWaivers(
      await readable.refs(credentials),
      { owners, until, limit },
    );
    res.json({ days, until, ...found } satisfies ExpiringWaivers);
  });

  return router;
}

/** The lowercased ref of the entity in a path; the spec checked each part. */
function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return normalizeEntityRef(params);
}

function parseRef(value: string, defaultKind?: string): string {
  try {
    return normalizeEntityRef(value, { defaultKind });
  } catch (e) {
    throw new InputError(
      `Invalid entity ref '${value}': ${(e as Error).message}`,
    );
  }
}
