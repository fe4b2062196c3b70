import type { Context, Hono } from 'hono';
import type { DrfErrors } from '../../contract/drf-errors.ts';
import { metricsForProject } from './dashboard-access.ts';
import { findDashboard } from '../store/dashboard-store.ts';
import { badRequest, notFound } from '../http/api-error.ts';
import { retryWhileStale, STALE, writeOnVersion } from '../http/conditional-write.ts';
import { assertIfMatch, etagOf } from '../http/etag.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { pageEnvelope, readPageRequest } from '../http/pagination.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { mergeDrfErrors } from '../http/zod-to-drf.ts';
import type { Scope } from '../http/scope.ts';
import { idParam, intQuery, type AppEnv, type ServerContext } from '../http/server-context.ts';
import {
  newWidgetCandidate,
  toWidgetValues,
  updatedWidgetCandidate,
  validateWidgetCandidate,
} from '../store/widget-input.ts';
import { serializeWidget } from '../store/widget-serializer.ts';
import { isCurrentVersion, trashWidget } from '../store/trash-store.ts';
import { trashContext, versionContext } from '../history/version-context.ts';
import { recordingVersions } from '../history/version-store.ts';
import {
  deleteWidget,
  findWidget,
  insertWidget,
  listWidgets,
  updateWidget,
  type WidgetRecord,
  type WidgetValues,
} from '../store/widget-store.ts';

export const WIDGET_CONFLICT = 'The widget was changed by someone else.';
/**
 * The document makes `dashboard` optional; here a widget always has one, because its tenancy, its
 * dashboard filters and its deletion all come from it (docs/decisions/0001).
 */
const DASHBOARD_REQUIRED = 'A widget belongs to a dashboard: give the id of one of yours.';
const BASE = '/dashboards/widgets';

/** The widget of the `{id}` path parameter, or 404 when it is missing or outside the scope. */
export async function loadWidget(ctx: ServerContext, c: Context<AppEnv>): Promise<WidgetRecord> {
  const record = await findWidget(ctx.database.db, c.get('scope'), idParam(c));
  if (!record) throw notFound();
  return record;
}

/**
 * Validates a full widget candidate for a write: its dashboard must exist in the scope (the widget
 * lives on it), then the contract rules run against that dashboard's project metrics. All problems
 * come back together as one DRF 400.
 */
async function prepareWidgetWrite(
  ctx: ServerContext,
  scope: Scope,
  candidate: Record<string, unknown>,
): Promise<WidgetValues> {
  const dashboardValue = candidate.dashboard;
  let dashboardErrors: DrfErrors | null = null;
  let projectId: number | null = null;
  let dashboardId: number | null = null;
  if (dashboardValue === undefined || dashboardValue === null) {
    dashboardErrors = { dashboard: [DASHBOARD_REQUIRED] };
  } else if (typeof dashboardValue === 'number' && Number.isSafeInteger(dashboardValue)) {
    const dashboard = await findDashboard(ctx.database.db, scope, dashboardValue);
    if (dashboard) {
      dashboardId = dashboard.id;
      projectId = dashboard.project_id;
    } else dashboardErrors = { dashboard: [`Invalid pk "${dashboardValue}" - object does not exist.`] };
  }
  const metrics = await metricsForProject(ctx, scope, projectId);
  const result = validateWidgetCandidate(candidate, metrics);
  const errors = mergeDrfErrors(dashboardErrors, result.ok ? null : result.errors);
  if (errors || !result.ok || dashboardId === null)
    throw badRequest(errors ?? { dashboard: [DASHBOARD_REQUIRED] });
  return toWidgetValues(result.input, dashboardId);
}

async function respondWithWidget(ctx: ServerContext, c: Context<AppEnv>, id: number, status: 200 | 201) {
  const record = await findWidget(ctx.database.db, c.get('scope'), id);
  if (!record) throw notFound();
  c.header('ETag', etagOf(record.id, record.updated_at));
  return c.json(serializeWidget(record), status);
}

export function registerWidgetRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;

  app.get(`${BASE}/`, async (c) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const dashboardId = intQuery(url, 'dashboard_id');
    if (dashboardId !== null && !(await findDashboard(db, scope, dashboardId))) throw notFound();
    const page = readPageRequest(url);
    const { count, rows } = await listWidgets(db, scope, {
      dashboardId,
      offset: page.offset,
      limit: page.pageSize,
    });
    return c.json(pageEnvelope(url, page, count, rows.map(serializeWidget)));
  });

  app.post(`${BASE}/`, async (c) => {
    const scope = c.get('scope');
    const body = requireObject(await readBody(c));
    // A dashboard deleted after the validation is seen by the next round's validation (400).
    const id = await retryWhileStale(WIDGET_CONFLICT, async () => {
      const values = await prepareWidgetWrite(ctx, scope, newWidgetCandidate(body));
      const id = recordingVersions(
        sqlite,
        versionContext(ctx, c),
        [values.dashboard_id],
        () => insertWidget(sqlite, values, nextUpdatedAt(null, ctx.clock())),
        (newId) => (newId === null ? [] : [values.dashboard_id]),
      );
      return id ?? STALE;
    });
    return respondWithWidget(ctx, c, id, 201);
  });

  app.get(`${BASE}/:id{[0-9]+}/`, async (c) => {
    const record = await loadWidget(ctx, c);
    c.header('ETag', etagOf(record.id, record.updated_at));
    return c.json(serializeWidget(record));
  });

  const update = (requireChartType: boolean) => async (c: Context<AppEnv>) => {
    const scope = c.get('scope');
    const checked = await loadWidget(ctx, c);
    assertIfMatch(c, etagOf(checked.id, checked.updated_at), WIDGET_CONFLICT);
    const body = requireObject(await readBody(c));
    // PUT is a full update: `chart_type`, the one required field, must be sent (DRF). Fields left
    // out keep their values, as in DRF's ModelSerializer.update.
    if (requireChartType && !('chart_type' in body))
      throw badRequest({ chart_type: ['This field is required.'] });
    await writeOnVersion(c, checked, {
      conflict: WIDGET_CONFLICT,
      reload: () => loadWidget(ctx, c),
      write: async (record) => {
        const values = await prepareWidgetWrite(ctx, scope, updatedWidgetCandidate(record, body));
        const updatedAt = nextUpdatedAt(record.updated_at, ctx.clock());
        const dashboards = [record.dashboard_id, values.dashboard_id];
        return recordingVersions(
          sqlite,
          versionContext(ctx, c),
          dashboards,
          () => updateWidget(sqlite, record.id, values, updatedAt, record.updated_at),
          (landed) => (landed ? dashboards : []),
        );
      },
    });
    return respondWithWidget(ctx, c, checked.id, 200);
  };
  app.put(`${BASE}/:id{[0-9]+}/`, update(true));
  app.patch(`${BASE}/:id{[0-9]+}/`, update(false));

  app.delete(`${BASE}/:id{[0-9]+}/`, async (c) => {
    const checked = await loadWidget(ctx, c);
    assertIfMatch(c, etagOf(checked.id, checked.updated_at), WIDGET_CONFLICT);
    await writeOnVersion(c, checked, {
      conflict: WIDGET_CONFLICT,
      reload: () => loadWidget(ctx, c),
      write: (record) =>
        recordingVersions(
          sqlite,
          versionContext(ctx, c),
          [record.dashboard_id],
          () => {
            if (!isCurrentVersion(sqlite, 'widgets', record.id, record.updated_at)) return false;
            trashWidget(sqlite, record.id, trashContext(ctx, c));
            return deleteWidget(sqlite, record.id, record.updated_at);
          },
          (landed) => (landed ? [record.dashboard_id] : []),
        ),
    });
    return c.body(null, 204);
  });
}
