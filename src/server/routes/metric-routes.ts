import { limitsFromNow } from '../analytics/analytics-database.ts';
import { queryTimeLimitMs } from '../analytics/query-time-limit.ts';
import type { Context, Hono } from 'hono';
import { METRIC_FILTER_FIELDS } from '../../contract/metric-filter-fields.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { notFound } from '../http/api-error.ts';
import { parseFilterText } from '../http/filter-param.ts';
import { listAgents, listMetrics, scoreMetrics } from '../store/metric-store.ts';
import { canSeeProject } from '../http/scope.ts';
import {
  booleanQuery,
  intQuery,
  QueryError,
  type AppEnv,
  type ServerContext,
} from '../http/server-context.ts';

function readIdList(url: URL, name: string): number[] | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw.trim() === '') return null;
  const parts = raw.split(',').map((part) => part.trim());
  if (!parts.every((part) => /^\d{1,15}$/.test(part))) {
    throw new QueryError(name, 'Enter a comma-separated list of integer ids.');
  }
  return parts.map(Number);
}

/** DRF's BooleanField spellings; anything else is a 400. */
/**
 * `GET /test_framework/v1|v2/metrics/` (contract 7.1): a plain array. `agent_id` gives the agent's
 * metrics, `project_id` the project's, both together their union; `agents` keeps metrics linked to
 * any listed agent; `slug` keeps the metric(s) with that slug; `filters` is a filter tree over
 * metric fields (METRIC_FILTER_FIELDS); `include_scores=true` adds `overall_score` and `total_score`
 * (D23). Without parameters: every metric the key can see. A project or agent outside the scope is
 * 404 (D18).
 */
export function registerMetricRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db } = ctx.database;
  const handler = async (c: Context<AppEnv>) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const projectId = intQuery(url, 'project_id');
    const agentId = intQuery(url, 'agent_id');
    const agents = readIdList(url, 'agents');
    const slug = url.searchParams.get('slug') || null;
    const filtersText = url.searchParams.get('filters');
    const filter = filtersText?.trim()
      ? parseFilterText(filtersText, 'filters', { fields: METRIC_FILTER_FIELDS })
      : null;
    const includeScores = booleanQuery(url, 'include_scores');
    if (projectId !== null && !canSeeProject(scope, projectId)) throw notFound();
    if (agentId !== null && !(await listAgents(db, scope.projectIds)).some((a) => a.id === agentId))
      throw notFound();

    let metrics: Metric[];
    if (projectId === null && agentId === null) {
      metrics = await listMetrics(db, { projectIds: scope.projectIds, slug, filter });
    } else {
      const byProject =
        projectId === null ? [] : await listMetrics(db, { projectIds: [projectId], slug, filter });
      const byAgent =
        agentId === null
          ? []
          : await listMetrics(db, { projectIds: scope.projectIds, agentIds: [agentId], slug, filter });
      const union = new Map([...byProject, ...byAgent].map((m) => [m.id, m]));
      metrics = [...union.values()].sort((a, b) => a.id - b.id);
    }
    if (agents) metrics = metrics.filter((m) => (m.agents ?? []).some((id) => agents.includes(id)));
    if (!includeScores) return c.json(metrics);
    const scores = await scoreMetrics(
      ctx.database.analytics,
      metrics,
      limitsFromNow(queryTimeLimitMs(), c.req.raw.signal),
    );
    return c.json(metrics.map((metric) => ({ ...metric, ...scores.get(metric.id) })));
  };
  app.get('/test_framework/v1/metrics/', handler);
  app.get('/test_framework/v2/metrics/', handler);
}
