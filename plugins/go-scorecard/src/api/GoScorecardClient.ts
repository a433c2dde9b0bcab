import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { GoScorecardApi } from './GoScorecardApi';
import { reportFilterParams } from './reportFilterParams';
import {
  CheckCatalog,
  EntityResult,
  ExpiringWaivers,
  ExpiringWaiversRequest,
  History,
  HistoryRequest,
  Report,
  ReportFilters,
  ReportPageRequest,
  ScanNowResult,
} from './types';

/** {@link GoScorecardApi} over the backend's REST API, with the signed-in user's token. */
export class GoScorecardClient implements GoScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getChecks(): Promise<CheckCatalog> {
    return this.getJson('/checks');
  }

  async getEntityResult(
    entity: CompoundEntityRef,
  ): Promise<EntityResult | undefined> {
    const response = await this.request(entityPath(entity));
    if (response.status === 404) return undefined;
    return this.json(response);
  }

  async scanEntity(entity: CompoundEntityRef): Promise<ScanNowResult> {
    return this.json(
      await this.request(`${entityPath(entity)}/scan`, { method: 'POST' }),
    );
  }

  async getReport(request: ReportPageRequest): Promise<Report> {
    const params = reportFilterParams(request);
    if (request.offset !== undefined)
      params.set('offset', String(request.offset));
    if (request.limit !== undefined) params.set('limit', String(request.limit));
    return this.getJson(`/report${queryString(params)}`);
  }

  async getReportCsvUrl(filters: ReportFilters): Promise<string> {
    const base = await this.discoveryApi.getBaseUrl('go-scorecard');
    return `${base}/report.csv${queryString(reportFilterParams(filters))}`;
  }

  async getReportCsv(filters: ReportFilters): Promise<string> {
    const response = await this.fetchApi.fetch(
      await this.getReportCsvUrl(filters),
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }

  async getHistory(request: HistoryRequest): Promise<History> {
    const { entityRef, days, ...filters } = request;
    const params = reportFilterParams(filters);
    if (entityRef) params.set('entityRef', entityRef);
    if (days) params.set('days', String(days));
    return this.getJson(`/history${queryString(params)}`);
  }

  async getExpiringWaivers(
    request: ExpiringWaiversRequest,
  ): Promise<ExpiringWaivers> {
    const params = new URLSearchParams();
    if (request.owners?.length) params.set('owner', request.owners.join(','));
    if (request.days !== undefined) params.set('days', String(request.days));
    if (request.limit !== undefined) params.set('limit', String(request.limit));
    return this.getJson(`/waivers/expiring${queryString(params)}`);
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.discoveryApi.getBaseUrl('go-scorecard');
    return this.fetchApi.fetch(`${base}${path}`, init);
  }

  private async getJson<T>(path: string): Promise<T> {
    return this.json(await this.request(path));
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/entities/${[kind, namespace, name]
    .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
    .join('/')}`;
}

function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}
