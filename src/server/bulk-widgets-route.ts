import type { Hono } from 'hono';
import { BulkWidgetOperationRequestSchema, type BulkWidgetError } from '../contract/bulk-widgets-schema.ts';
import { loadDashboard, metricsForProject } from './dashboard-access.ts';
import { ApiError, badRequest } from './http/api-error.ts';
import { nextUpdatedAt } from './http/next-updated-at.ts';
import { readBody, requireObject } from './http/read-body.ts';
import { zodToDrf } from './http/zod-to-drf.ts';
import type { AppEnv, ServerContext } from './server-context.ts';
import {
  newWidgetCandidate,
  toWidgetValues,
  updatedWidgetCandidate,
  validateWidgetCandidate,
} from './widget-input.ts';
import { serializeWidget } from './widget-serializer.ts';
import { applyBulkWidgets, findWidgets, widgetsOfDashboard, type BulkWidgetPlan } from './widget-store.ts';

/**
 * `POST /dashboards/dashboards/{id}/bulk_widgets/`: creates, updates and deletes widgets of one
 * dashboard. Every item is validated first; if any is invalid nothing is applied and the answer is
 * 400 with per-item errors (D15). Otherwise everything is written in one transaction.
 */
export function registerBulkWidgetsRoute(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;
  app.post('/dashboards/dashboards/:id{[0-9]+}/bulk_widgets/', async (c) => {
    const scope = c.get('scope');
    const dashboard = await loadDashboard(ctx, c);
    const body = requireObject(await readBody(c));
    const parsed = BulkWidgetOperationRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const request = parsed.data;
    const metrics = await metricsForProject(ctx, scope, dashboard.project_id);
    const own = new Map((await widgetsOfDashboard(db, scope, dashboard.id)).map((w) => [w.id, w]));
    const now = ctx.clock();
    const errors: BulkWidgetError[] = [];
    const plan: BulkWidgetPlan = { create: [], update: [], delete: [] };
    const notHere = (id: unknown) => [`Invalid pk "${String(id)}" - object does not exist.`];

    (request.create ?? []).forEach((item, index) => {
      // Items join the dashboard in the path, whatever `dashboard` they carry.
      const result = validateWidgetCandidate(
        { ...newWidgetCandidate(item), dashboard: dashboard.id },
        metrics,
      );
      if (result.ok) plan.create.push(toWidgetValues(result.input, dashboard.id));
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
        { ...updatedWidgetCandidate(record, item), dashboard: dashboard.id },
        metrics,
      );
      if (result.ok) {
        plan.update.push({
          id: record.id,
          values: toWidgetValues(result.input, dashboard.id),
          updatedAt: nextUpdatedAt(record.updated_at, now),
        });
      } else errors.push({ index, op: 'update', errors: result.errors });
    });
    (request.delete ?? []).forEach((id, index) => {
      if (own.has(id)) plan.delete.push(id);
      else errors.push({ index, op: 'delete', errors: { id: notHere(id) } });
    });

    if (errors.length > 0) {
      throw new ApiError(400, {
        detail: `Nothing was changed: ${errors.length} item${errors.length === 1 ? ' is' : 's are'} invalid.`,
        errors,
      });
    }
    const createdIds = applyBulkWidgets(sqlite, plan, nextUpdatedAt(null, now));
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
