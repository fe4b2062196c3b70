import { setMaxListeners } from 'node:events';
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { checkDataWindow, mergeFilters } from '../../contract/effective-filters.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import { validateFilter } from '../../contract/filter-validation.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import {
  BULK_DATA_MAX_WIDGET_IDS,
  BulkWidgetDataRequestSchema,
  WidgetDataResponseSchema,
  type WidgetDataResponse,
} from '../../contract/widget-data-schema.ts';
import type { WidgetInput } from '../../contract/widget-schema.ts';
import type { EngineStores } from '../engine/chart-data.ts';
import { computeWidgetDataShared } from '../engine/chart-data-shared.ts';
import { metricsForProject } from './dashboard-access.ts';
import { findDashboard } from '../store/dashboard-store.ts';
import { ApiError, badRequest, badRequestDetail, notFound } from '../http/api-error.ts';
import { checkFilterValue, parseFilterText } from '../http/filter-param.ts';
import { pageEnvelope, readPageRequest } from '../http/pagination.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { mergeDrfErrors, zodToDrf } from '../http/zod-to-drf.ts';
import { readFilterColumn } from '../db/json-column.ts';
import { re2PatternProblem } from '../http/re2-pattern.ts';
import { canSeeProject, type Scope } from '../http/scope.ts';
import { intQuery, QueryError, type AppEnv, type ServerContext } from '../http/server-context.ts';
import { loadWidget } from './widget-routes.ts';
import {
  newWidgetCandidate,
  updatedWidgetCandidate,
  validateWidgetCandidate,
} from '../store/widget-input.ts';
import { findWidgets, type WidgetRecord } from '../store/widget-store.ts';

/** The response around `data`, which computeWidgetDataShared has already checked. */
const WidgetDataEnvelopeSchema = WidgetDataResponseSchema.extend({
  data: z.custom<WidgetDataResponse['data']>(() => true),
});

export interface DataJob {
  widgetId: number | null;
  widget: WidgetInput;
  effective: Filter | null;
  projectIds: readonly number[];
  metrics: readonly Metric[];
  maxPoints?: number;
}

/** `max_points` (an extension): the SPA asks for about its pixel width; LTTB downsamples line series. */
function readMaxPoints(url: URL): number | undefined {
  const value = intQuery(url, 'max_points');
  if (value === null) return undefined;
  if (value < 3) throw new QueryError('max_points', 'Ensure this value is greater than or equal to 3.');
  return value;
}

/**
 * Runs one data request: the D11 window check on the effective filter (400 with its `detail`), then
 * the chart engine. The response is parsed with the contract schema on the way out.
 */
async function runJob(
  stores: EngineStores,
  job: DataJob,
  now: Date,
  signal?: AbortSignal,
): Promise<WidgetDataResponse> {
  const windowError = checkDataWindow(job.effective, now);
  if (windowError !== null) throw badRequestDetail(windowError);
  const metric =
    job.widget.metric == null ? null : (job.metrics.find((m) => m.id === job.widget.metric) ?? null);
  const result = await computeWidgetDataShared(
    stores,
    {
      widget: job.widget,
      filter: job.effective,
      projectIds: [...job.projectIds],
      now,
      metric,
      maxPoints: job.maxPoints,
    },
    signal,
  );
  // `data` was checked once when it was computed (a shared result is not re-parsed per request).
  return WidgetDataEnvelopeSchema.parse({
    widget_id: job.widgetId,
    field_name: job.widget.field ?? '',
    chart_type: job.widget.chart_type,
    data: result.data,
    aggregation_function: job.widget.aggregation_function || null,
    time_period: job.widget.time_period || null,
    group_by: job.widget.group_by ?? null,
    can_group_by: result.can_group_by,
    metadata: {
      display_name: result.display_name,
      data_type: result.data_type,
      filter_value: job.widget.metric ?? null,
    },
  });
}

/**
 * A dashboard's stored filters, checked again on every read: they may predate a limit or the regex
 * dialect, and must answer 400 then, never reach the database. Metric ids are not checked here (a
 * deleted metric makes a condition match nothing, as before).
 */
function storedDashboardFilter(column: string | null): Filter | null {
  const filter = readFilterColumn(column);
  const messages = validateFilter(filter, { checkRegex: re2PatternProblem });
  if (messages.length > 0) throw badRequest({ dashboard_filters: messages });
  return filter;
}

function projectIdsOf(scope: Scope, projectId: number | null): readonly number[] {
  return projectId === null ? scope.projectIds : [projectId];
}

export type MetricsOf = (projectId: number | null) => Promise<Metric[]>;

/**
 * metricsForProject, read once per project for the whole request: the widgets of one bulk_data all
 * ask for the same project's metrics, and reading them per widget cost more than a shared chart result.
 */
export function metricsOnce(ctx: ServerContext, scope: Scope): MetricsOf {
  const read = new Map<number | null, Promise<Metric[]>>();
  return (projectId) => {
    let metrics = read.get(projectId);
    if (!metrics) {
      metrics = metricsForProject(ctx, scope, projectId);
      read.set(projectId, metrics);
    }
    return metrics;
  };
}

/** A saved widget as a data job; `override` (when given) replaces the widget's own filters (D5). */
export async function savedWidgetJob(
  metricsOf: MetricsOf,
  scope: Scope,
  record: WidgetRecord,
  override: { filter: Filter | null } | null,
  dashboardOverride: { filter: Filter | null } | null = null,
): Promise<DataJob> {
  const metrics = await metricsOf(record.dashboard_project_id);
  const validation = validateWidgetCandidate(updatedWidgetCandidate(record, {}), metrics);
  // A stored widget that no longer passes the rules (e.g. its metric was deleted) answers 400, not 500.
  if (!validation.ok) throw badRequest(validation.errors);
  const widgetFilters = override ? override.filter : readFilterColumn(record.filters);
  return {
    widgetId: record.id,
    widget: validation.input,
    effective: mergeFilters(
      dashboardOverride ? dashboardOverride.filter : storedDashboardFilter(record.dashboard_filters),
      widgetFilters,
    ),
    projectIds: projectIdsOf(scope, record.dashboard_project_id),
    metrics,
  };
}

/**
 * A `preview_data` body as a data job: the candidate checked with the widget rules, its dashboard's
 * stored filters or the body's `dashboard_filters` (D6), on the dashboard's project or `projectId`.
 * Throws the route's 400/404 errors. Shared by `preview_data` and `bulk_data`'s `previews`.
 */
async function previewJob(
  ctx: ServerContext,
  scope: Scope,
  metricsOf: MetricsOf,
  body: Record<string, unknown>,
  asked: number | null,
): Promise<DataJob> {
  const candidate = newWidgetCandidate(body);
  const dashboardId = candidate.dashboard;
  let dashboard = null;
  let dashboardErrors = null;
  if (typeof dashboardId === 'number') {
    dashboard = (await findDashboard(ctx.database.db, scope, dashboardId)) ?? null;
    if (!dashboard) dashboardErrors = { dashboard: [`Invalid pk "${dashboardId}" - object does not exist.`] };
  }
  const projectId = dashboard ? dashboard.project_id : asked;
  const metrics = await metricsOf(projectId);
  const validation = validateWidgetCandidate(candidate, metrics);
  let dashboardFilters: Filter | null = null;
  let filterErrors = null;
  if ('dashboard_filters' in body) {
    // D6: `dashboard_filters` replaces the stored dashboard filters for this preview.
    const messages =
      body.dashboard_filters === null
        ? []
        : validateFilter(body.dashboard_filters, { metrics, checkRegex: re2PatternProblem });
    if (messages.length > 0) filterErrors = { dashboard_filters: messages };
    else
      dashboardFilters = checkFilterValue(body.dashboard_filters, 'dashboard_filters', {
        metrics,
        checkRegex: re2PatternProblem,
      });
  } else if (dashboard) {
    dashboardFilters = storedDashboardFilter(dashboard.filters);
  }
  const errors = mergeDrfErrors(dashboardErrors, filterErrors, validation.ok ? null : validation.errors);
  if (errors || !validation.ok) throw badRequest(errors ?? { non_field_errors: ['Invalid widget.'] });
  return {
    widgetId: null,
    widget: validation.input,
    effective: mergeFilters(dashboardFilters, validation.input.filters ?? null),
    projectIds: projectIdsOf(scope, projectId),
    metrics,
  };
}

export function registerWidgetDataRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db } = ctx.database;
  const stores = ctx.database;

  app.get('/dashboards/widgets/:id{[0-9]+}/data/', async (c: Context<AppEnv>) => {
    const scope = c.get('scope');
    const record = await loadWidget(ctx, c);
    const url = new URL(c.req.url);
    const maxPoints = readMaxPoints(url);
    const overrideText = url.searchParams.get('filters');
    const metricsOf = metricsOnce(ctx, scope);
    const metrics = await metricsOf(record.dashboard_project_id);
    const override =
      overrideText === null ? null : { filter: parseFilterText(overrideText, 'filters', { metrics }) };
    const job = await savedWidgetJob(metricsOf, scope, record, override);
    return c.json(await runJob(stores, { ...job, maxPoints }, ctx.clock(), c.req.raw.signal));
  });

  app.post('/dashboards/widgets/preview_data/', async (c) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const body = requireObject(await readBody(c));
    // Our extension: `project_id` draws a widget of no dashboard yet (an import, a template) on one project.
    const asked = intQuery(url, 'project_id');
    if (asked !== null && !canSeeProject(scope, asked)) throw notFound();
    const job = await previewJob(ctx, scope, metricsOnce(ctx, scope), body, asked);
    return c.json(
      await runJob(stores, { ...job, maxPoints: readMaxPoints(url) }, ctx.clock(), c.req.raw.signal),
    );
  });

  app.post('/dashboards/widgets/bulk_data/', async (c) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const page = readPageRequest(url);
    const maxPoints = readMaxPoints(url);
    const body = requireObject(await readBody(c));
    const parsed = BulkWidgetDataRequestSchema.omit({
      filters: true,
      dashboard_filters: true,
      previews: true,
    }).safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const previews = readPreviews(body, parsed.data.widget_ids.length);
    const metricsOf = metricsOnce(ctx, scope);
    const scopeMetrics = await metricsOf(null);
    const override =
      'filters' in body
        ? { filter: checkFilterValue(body.filters, 'filters', { metrics: scopeMetrics }) }
        : null;
    const dashboardOverride =
      'dashboard_filters' in body
        ? {
            filter: checkFilterValue(body.dashboard_filters, 'dashboard_filters', { metrics: scopeMetrics }),
          }
        : null;
    // Order of widget_ids kept, duplicates once, ids outside the scope left out (D12).
    const visible = new Map((await findWidgets(db, scope, parsed.data.widget_ids)).map((w) => [w.id, w]));
    const ordered = [...new Set(parsed.data.widget_ids)].flatMap((id) => {
      const record = visible.get(id);
      return record ? [record] : [];
    });
    // Our extension: `previews` (preview_data bodies) are answered after the saved widgets, in order.
    // Every preview is checked before anything is computed, so a bad one is a 400 naming its index.
    const previewJobs = await Promise.all(
      previews.map(async (preview, index) => {
        try {
          return await previewJob(ctx, scope, metricsOf, preview, null);
        } catch (error: unknown) {
          if (error instanceof ApiError && error.status === 400)
            throw badRequest({ previews: { [index]: error.body } });
          throw error;
        }
      }),
    );
    const items: (WidgetRecord | DataJob)[] = [...ordered, ...previewJobs];
    const slice = items.slice(page.offset, page.offset + page.pageSize);
    const now = ctx.clock();
    // Each job listens for the client leaving (its work is then dropped): one or two listeners per job.
    setMaxListeners(slice.length * 2 + 10, c.req.raw.signal);
    // In parallel: the analytics store runs several reads at once, each on DuckDB's threads.
    const results: WidgetDataResponse[] = await Promise.all(
      slice.map(async (item) => {
        const job =
          'widget' in item ? item : await savedWidgetJob(metricsOf, scope, item, override, dashboardOverride);
        return runJob(stores, { ...job, maxPoints }, now, c.req.raw.signal);
      }),
    );
    return c.json(pageEnvelope(url, page, items.length, results));
  });
}

/**
 * `previews` of a bulk_data body: a list of objects (each a `preview_data` body), together with the
 * widget ids at most BULK_DATA_MAX_WIDGET_IDS items. Missing: none.
 */
function readPreviews(body: Record<string, unknown>, idCount: number): Record<string, unknown>[] {
  if (!('previews' in body)) return [];
  const { previews } = body;
  if (!Array.isArray(previews)) throw badRequest({ previews: ['Expected a list of items.'] });
  if (previews.length + idCount > BULK_DATA_MAX_WIDGET_IDS)
    throw badRequest({
      previews: [
        `Ensure widget_ids and previews have no more than ${BULK_DATA_MAX_WIDGET_IDS} elements together.`,
      ],
    });
  return previews.map((item: unknown, index) => {
    if (!isPlainObject(item))
      throw badRequest({ previews: { [index]: { non_field_errors: ['Expected an object.'] } } });
    return item;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
