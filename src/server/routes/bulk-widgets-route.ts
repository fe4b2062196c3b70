import type { Hono } from 'hono';
import {
  BulkWidgetOperationRequestSchema,
  type BulkWidgetError,
  type BulkWidgetOperationRequest,
} from '../../contract/bulk-widgets-schema.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { loadDashboard, metricsForProject } from './dashboard-access.ts';
import { ApiError, badRequest, notFound } from '../http/api-error.ts';
import { retryWhileStale, STALE } from '../http/conditional-write.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import type { AppEnv, ServerContext } from '../http/server-context.ts';
import {
  newWidgetCandidate,
  toWidgetValues,
  updatedWidgetCandidate,
  validateWidgetCandidate,
} from '../store/widget-input.ts';
import { WIDGET_CONFLICT } from './widget-routes.ts';
import { serializeWidget } from '../store/widget-serializer.ts';
import { trashContext, versionContext } from '../history/version-context.ts';
import { recordingVersions } from '../history/version-store.ts';
import {
  applyBulkWidgets,
  findWidgets,
  widgetsOfDashboard,
  type BulkWidgetPlan,
  type WidgetRecord,
} from '../store/widget-store.ts';

/**
 * Validates every item of a bulk request against the dashboard's widgets as read (`own`): the plan to
 * apply, or a 400 with per-item errors when any item is invalid (D15).
 */
function planBulkWidgets(
  request: BulkWidgetOperationRequest,
  dashboardId: number,
  own: ReadonlyMap<number, WidgetRecord>,
  metrics: Metric[],
  now: Date,
): BulkWidgetPlan {
  const errors: BulkWidgetError[] = [];
  const plan: BulkWidgetPlan = { create: [], update: [], delete: [], basedOn: new Map() };
  const notHere = (id: unknown) => [`Invalid pk "${String(id)}" - object does not exist.`];

  (request.create ?? []).forEach((item, index) => {
    // Items join the dashboard in the path, whatever `dashboard` they carry.
    const result = validateWidgetCandidate({ ...newWidgetCandidate(item), dashboard: dashboardId }, metrics);
    if (result.ok) plan.create.push(toWidgetValues(result.input, dashboardId));
    else errors.push({ index, op: 'create', errors: result.errors });
  });
  (request.update ?? []).forEach((item, index) => {
    const id = item.id;
    const record = typeof id === 'number' ? own.get(id) : undefined;
    if (!record) {
      errors.push({
        index,
        op: 'update',
        errors: { id: id === undefined ? ['This field is required.'] : notHere(id) },
      });
      return;
    }
    const result = validateWidgetCandidate(
      { ...updatedWidgetCandidate(record, item), dashboard: dashboardId },
      metrics,
    );
    if (result.ok) {
      plan.update.push({
        id: record.id,
        values: toWidgetValues(result.input, dashboardId),
        updatedAt: nextUpdatedAt(record.updated_at, now),
      });
      plan.basedOn.set(record.id, record.updated_at);
    } else errors.push({ index, op: 'update', errors: result.errors });
  });
  (request.delete ?? []).forEach((id, index) => {
    const record = own.get(id);
    if (record) {
      plan.delete.push(id);
      plan.basedOn.set(id, record.updated_at);
    } else errors.push({ index, op: 'delete', errors: { id: notHere(id) } });
  });

  if (errors.length > 0) {
    throw new ApiError(400, {
      detail: `Nothing was changed: ${errors.length} item${errors.length === 1 ? ' is' : 's are'} invalid.`,
      errors,
    });
  }
  return plan;
}

/**
 * `POST /dashboards/dashboards/{id}/bulk_widgets/`: creates, updates and deletes widgets of one
 * dashboard. Every item is validated first; if any is invalid nothing is applied and the answer is
 * 400 with per-item errors (D15). Otherwise everything is written in one transaction, on the widgets
 * as they were validated: a change in between makes it validate again, a deleted dashboard is a 404.
 */
export function registerBulkWidgetsRoute(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;
  app.post('/dashboards/dashboards/:id{[0-9]+}/bulk_widgets/', async (c) => {
    const scope = c.get('scope');
    let dashboard = await loadDashboard(ctx, c);
    const body = requireObject(await readBody(c));
    const parsed = BulkWidgetOperationRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const request = parsed.data;

    const { plan, createdIds } = await retryWhileStale(WIDGET_CONFLICT, async (round) => {
      if (round > 1) dashboard = await loadDashboard(ctx, c);
      const metrics = await metricsForProject(ctx, scope, dashboard.project_id);
      const own = new Map((await widgetsOfDashboard(db, scope, dashboard.id)).map((w) => [w.id, w]));
      const now = ctx.clock();
      const plan = planBulkWidgets(request, dashboard.id, own, metrics, now);
      const id = dashboard.id;
      const created = recordingVersions(
        sqlite,
        versionContext(ctx, c),
        [id],
        () => applyBulkWidgets(sqlite, id, plan, nextUpdatedAt(null, now), trashContext(ctx, c)),
        (result) => (Array.isArray(result) ? [id] : []),
      );
      if (created === 'gone') throw notFound();
      return created === 'stale' ? STALE : { plan, createdIds: created };
    });

    const deleted = new Set(plan.delete);
    const records = new Map(
      (await findWidgets(db, scope, [...createdIds, ...plan.update.map((u) => u.id)])).map((w) => [w.id, w]),
    );
    const pick = (ids: number[]) =>
      ids.flatMap((id) => {
        const record = records.get(id);
        return record ? [serializeWidget(record)] : [];
      });
    return c.json({
      created: pick(createdIds),
      updated: pick(plan.update.map((u) => u.id).filter((id) => !deleted.has(id))),
      deleted: [...deleted],
      errors: [],
    });
  });
}
