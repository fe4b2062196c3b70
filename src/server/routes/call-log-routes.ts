import type { Context, Hono } from 'hono';
import type { Filter } from '../../contract/filter-schema.ts';
import { validateFilter } from '../../contract/filter-validation.ts';
import { metricsForProject } from './dashboard-access.ts';
import { limitsFromNow } from '../analytics/analytics-database.ts';
import { listCallLogs, type CallLogQuery } from '../engine/call-log-store.ts';
import { badRequestDetail, notFound } from '../http/api-error.ts';
import { parseFilterText } from '../http/filter-param.ts';
import { pageEnvelope, readPageRequest } from '../http/pagination.ts';
import { listAgents } from '../store/metric-store.ts';
import { queryTimeLimitMs } from '../analytics/query-time-limit.ts';
import { re2PatternProblem } from '../http/re2-pattern.ts';
import { canSeeProject } from '../http/scope.ts';
import { intQuery, QueryError, type AppEnv, type ServerContext } from '../http/server-context.ts';

const DAY_MS = 86_400_000;
/** D19: the call-log window may span at most 31 days; without bounds it is the last 30 days. */
export const CALL_LOG_MAX_DAYS = 31;
const DEFAULT_WINDOW_DAYS = 30;
const MAX_CALL_IDS = 1000;

function readTime(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(ms)) throw new QueryError(name, 'Enter a valid date/time.');
  return ms;
}

function readCallIds(url: URL): number[] | null {
  const raw = url.searchParams.get('call_ids');
  if (raw === null || raw.trim() === '') return null;
  const parts = raw.split(',').map((p) => p.trim());
  if (!parts.every((p) => /^\d{1,15}$/.test(p)))
    throw new QueryError('call_ids', 'Enter a comma-separated list of call log ids.');
  if (parts.length > MAX_CALL_IDS)
    throw new QueryError('call_ids', `Ensure this list has at most ${MAX_CALL_IDS} ids.`);
  return parts.map(Number);
}

function readFiltersV2(url: URL, options: Parameters<typeof validateFilter>[1]): Filter | null {
  const raw = url.searchParams.get('filters_v2');
  if (raw === null || raw.trim() === '') return null;
  return parseFilterText(raw, 'filters_v2', options);
}

/**
 * `GET /observability/v1|v2/call-logs/` (contract 7.2, D19): newest first, paginated, narrowed by
 * project, agent, call ids, a time window and a `filters_v2` tree (a widget's `effective_filters`
 * fits straight in). An org-level key without `project_id` sees all its projects.
 */
export function registerCallLogRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const handler = async (c: Context<AppEnv>) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const page = readPageRequest(url);
    const projectId = intQuery(url, 'project_id');
    const agentId = intQuery(url, 'agent_id');
    if (projectId !== null && !canSeeProject(scope, projectId)) throw notFound();
    if (
      agentId !== null &&
      !(await listAgents(ctx.database.db, scope.projectIds)).some((a) => a.id === agentId)
    ) {
      throw notFound();
    }
    const now = ctx.clock();
    const from = readTime(url, 'timestamp_from');
    const to = readTime(url, 'timestamp_to');
    const toMs = to ?? (from === null ? now.getTime() : Math.max(now.getTime(), from));
    const fromMs = from ?? toMs - DEFAULT_WINDOW_DAYS * DAY_MS;
    if (fromMs > toMs) throw badRequestDetail('timestamp_from must not be after timestamp_to.');
    if (toMs - fromMs > CALL_LOG_MAX_DAYS * DAY_MS) {
      throw badRequestDetail(`The time range may not exceed ${CALL_LOG_MAX_DAYS} days.`);
    }
    const metrics = await metricsForProject(ctx, scope, projectId);
    const filter = readFiltersV2(url, { metrics, checkRegex: re2PatternProblem });
    const query: CallLogQuery = {
      projectIds: projectId === null ? scope.projectIds : [projectId],
      fromMs,
      toMs,
      agentId,
      callIds: readCallIds(url),
      filter,
      now,
    };
    // Within the time limit, like chart data, and interrupted when the client goes away.
    const list = await listCallLogs(
      ctx.database,
      query,
      { offset: page.offset, limit: page.pageSize },
      limitsFromNow(queryTimeLimitMs(), c.req.raw.signal),
    );
    return c.json(pageEnvelope(url, page, list.count, list.results));
  };
  app.get('/observability/v1/call-logs/', handler);
  app.get('/observability/v2/call-logs/', handler);
}
