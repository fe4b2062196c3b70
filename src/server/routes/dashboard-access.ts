import type { Context } from 'hono';
import type { Metric } from '../../contract/metric-schema.ts';
import { findDashboard, type DashboardRow } from '../store/dashboard-store.ts';
import { notFound } from '../http/api-error.ts';
import { listMetrics } from '../store/metric-store.ts';
import type { Scope } from '../http/scope.ts';
import { idParam, type AppEnv, type ServerContext } from '../http/server-context.ts';

/** The dashboard of the `{id}` path parameter, or 404 when it is missing or outside the scope. */
export async function loadDashboard(ctx: ServerContext, c: Context<AppEnv>): Promise<DashboardRow> {
  const row = await findDashboard(ctx.database.db, c.get('scope'), idParam(c));
  if (!row) throw notFound();
  return row;
}

/** Metrics a dashboard's filters and widgets may refer to: its project's, or the scope's when it has none. */
export async function metricsForProject(
  ctx: ServerContext,
  scope: Scope,
  projectId: number | null,
): Promise<Metric[]> {
  return listMetrics(ctx.database.db, { projectIds: projectId === null ? scope.projectIds : [projectId] });
}
