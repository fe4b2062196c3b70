import type { Hono } from 'hono';
import { CreateSavedViewRequestSchema, SAVED_VIEWS_PER_DASHBOARD } from '../../contract/saved-view-schema.ts';
import { loadDashboard } from './dashboard-access.ts';
import { badRequest, notFound } from '../http/api-error.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { createSavedView, deleteSavedView, listSavedViews } from '../store/saved-view-store.ts';
import { idParam, type AppEnv, type ServerContext } from '../http/server-context.ts';

const BASE = '/studio/dashboards/:id{[0-9]+}/views';

/**
 * Our extension (issue 17, ADR 0016): named views of a dashboard (its variables and group-by). Same key
 * and scope as the API: the views of a dashboard the key cannot see are a 404, like the dashboard.
 */
export function registerSavedViewRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { sqlite } = ctx.database;

  app.get(`${BASE}/`, async (c) => {
    const dashboard = await loadDashboard(ctx, c);
    return c.json({ results: listSavedViews(sqlite, dashboard.id) });
  });

  app.post(`${BASE}/`, async (c) => {
    const dashboard = await loadDashboard(ctx, c);
    const body = requireObject(await readBody(c));
    const parsed = CreateSavedViewRequestSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const outcome = createSavedView(sqlite, {
      dashboardId: dashboard.id,
      name: parsed.data.name,
      state: parsed.data.state,
      now: ctx.clock(),
      limit: SAVED_VIEWS_PER_DASHBOARD,
    });
    if (!outcome.ok) {
      throw badRequest(
        outcome.reason === 'duplicate'
          ? { name: ['This dashboard already has a view with this name.'] }
          : { detail: `A dashboard keeps at most ${SAVED_VIEWS_PER_DASHBOARD} views: delete one first.` },
      );
    }
    return c.json(outcome.view, 201);
  });

  app.delete(`${BASE}/:view{[0-9]+}/`, async (c) => {
    const dashboard = await loadDashboard(ctx, c);
    if (!deleteSavedView(sqlite, dashboard.id, idParam(c, 'view'))) throw notFound();
    return c.body(null, 204);
  });
}
