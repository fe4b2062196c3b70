import type { Hono } from 'hono';
import { RestoreVersionRequestSchema } from '../../contract/dashboard-version-schema.ts';
import { loadDashboard, metricsForProject } from './dashboard-access.ts';
import { DASHBOARD_CONFLICT } from './dashboard-routes.ts';
import { updateDashboard } from '../store/dashboard-store.ts';
import { ApiError, badRequest, notFound } from '../http/api-error.ts';
import { retryWhileStale, STALE } from '../http/conditional-write.ts';
import { nextUpdatedAt } from '../http/next-updated-at.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { writeJsonColumn } from '../db/json-column.ts';
import { idParam, intQuery, type AppEnv, type ServerContext } from '../http/server-context.ts';
import { versionContext } from '../history/version-context.ts';
import { planRestore } from '../history/version-restore.ts';
import {
  findVersion,
  latestVersionId,
  listVersions,
  recordingVersions,
  snapshotDashboard,
} from '../history/version-store.ts';
import { applyBulkWidgets, widgetsOfDashboard } from '../store/widget-store.ts';

const BASE = '/studio/dashboards/:id{[0-9]+}';
export const HISTORY_CONFLICT = 'The dashboard was changed by someone else since you opened its history.';

/** Something changed between the restore's read and its transaction: read again and retry. */
class StaleRestore extends Error {}

/**
 * Our extension (issue 16), not Cekura's contract: a dashboard's version history and restore. Same key
 * and scope as the API (a dashboard the key cannot see is a 404, and so are its versions).
 */
export function registerVersionRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db, sqlite } = ctx.database;

  app.get(`${BASE}/versions/`, async (c) => {
    const row = await loadDashboard(ctx, c);
    // `?widget=` keeps the versions that changed that widget (the widget editor's history).
    const widgetId = intQuery(new URL(c.req.url), 'widget');
    return c.json({
      results: listVersions(sqlite, row.id, widgetId),
      retention: ctx.retention,
      recorded: 'every-write',
    });
  });

  app.get(`${BASE}/versions/:version{[0-9]+}/`, async (c) => {
    const row = await loadDashboard(ctx, c);
    const version = findVersion(sqlite, row.id, idParam(c, 'version'));
    if (!version) throw notFound();
    return c.json(version);
  });

  app.post(`${BASE}/restore/`, async (c) => {
    const scope = c.get('scope');
    const first = await loadDashboard(ctx, c);
    const body = requireObject(await readBody(c));
    const parsed = RestoreVersionRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const request = parsed.data;
    const version = findVersion(sqlite, first.id, request.version);
    if (!version) throw badRequest({ version: [`Invalid pk "${request.version}" - object does not exist.`] });

    await retryWhileStale(DASHBOARD_CONFLICT, async (round) => {
      const row = round === 1 ? first : await loadDashboard(ctx, c);
      const seen = latestVersionId(sqlite, row.id);
      const current = await widgetsOfDashboard(db, scope, row.id);
      const metrics = await metricsForProject(ctx, scope, row.project_id);
      const now = ctx.clock();
      const plan = planRestore(version.snapshot, row, current, request.widget, metrics, now);
      try {
        recordingVersions(
          sqlite,
          versionContext(ctx, c, version.id),
          [row.id],
          () => {
            const latest = latestVersionId(sqlite, row.id);
            // The client restores from the history it saw: a newer change is its conflict to resolve.
            if (request.based_on !== undefined && latest !== request.based_on)
              throw new ApiError(412, { detail: HISTORY_CONFLICT });
            if (latest !== seen) throw new StaleRestore();
            const applied = applyBulkWidgets(sqlite, row.id, plan.widgets, nextUpdatedAt(null, now));
            if (applied === 'gone') throw notFound();
            if (applied === 'stale') throw new StaleRestore();
            if (plan.dashboard) {
              const values = {
                name: plan.dashboard.name,
                project_id: row.project_id,
                filters: writeJsonColumn(plan.dashboard.filters),
              };
              const updatedAt = nextUpdatedAt(row.updated_at, now);
              if (!updateDashboard(sqlite, row.id, values, updatedAt, row.updated_at))
                throw new StaleRestore();
            }
            return true;
          },
          () => [row.id],
        );
      } catch (error) {
        if (error instanceof StaleRestore) return STALE;
        throw error;
      }
      return true;
    });

    const dashboard = snapshotDashboard(sqlite, first.id);
    const newest = listVersions(sqlite, first.id)[0];
    if (!dashboard || !newest) throw notFound();
    return c.json({ version: newest, dashboard });
  });
}
