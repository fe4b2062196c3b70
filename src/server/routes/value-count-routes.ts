import type { Hono } from 'hono';
import {
  hasValueCounts,
  VALUE_COUNT_FIELDS,
  VALUE_COUNTS_DEFAULT_LIMIT,
  VALUE_COUNTS_MAX_LIMIT,
  VALUE_COUNTS_PATH,
  VALUE_COUNTS_WINDOW_DAYS,
} from '../../contract/value-counts-schema.ts';
import { badRequest, notFound } from '../http/api-error.ts';
import { canSeeProject } from '../http/scope.ts';
import { resolveTimeValue } from '../../contract/relative-time.ts';
import {
  booleanQuery,
  intQuery,
  QueryError,
  type AppEnv,
  type ServerContext,
} from '../http/server-context.ts';
import { countFieldValues, countMissingValues } from '../engine/value-count-store.ts';
import { limitsFromNow } from '../analytics/analytics-database.ts';
import { queryTimeLimitMs } from '../analytics/query-time-limit.ts';

const DAY_MS = 86_400_000;

/** `from`/`to` in the filter's time grammar (`now-7d`, `today-1d`, ISO), resolved like a `gte`/`lte` bound. */
function timeQuery(url: URL, name: 'from' | 'to', now: Date): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const at = resolveTimeValue(raw, name === 'from' ? 'gte' : 'lte', now);
  if (at === null) throw new QueryError(name, 'Enter a time like now-7d, today-1d or an ISO-8601 date.');
  return at.getTime();
}

/**
 * `GET /studio/v1/value-counts/` (our extension, see `value-counts-schema.ts`): the top values of an
 * allowlisted text field over the calls of the key's projects (or `project_id`, 404 outside the
 * scope) in the data window (or the part of it between `from` and `to`), for value suggestions and
 * dashboard variables; `missing=true` adds the count of calls without a value. Needs the API key like
 * every API route.
 */
export function registerValueCountRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get(VALUE_COUNTS_PATH, async (c) => {
    const scope = c.get('scope');
    const url = new URL(c.req.url);
    const field = url.searchParams.get('field') ?? '';
    if (field === '') throw badRequest({ field: ['This field is required.'] });
    if (!hasValueCounts(field)) {
      throw badRequest({
        field: [
          `Value counts are not available for "${field.slice(0, 80)}": use ${VALUE_COUNT_FIELDS.join(', ')} or metadata.<key>.`,
        ],
      });
    }
    const limit = intQuery(url, 'limit') ?? VALUE_COUNTS_DEFAULT_LIMIT;
    if (limit < 1 || limit > VALUE_COUNTS_MAX_LIMIT) {
      throw badRequest({ limit: [`Ensure this value is between 1 and ${VALUE_COUNTS_MAX_LIMIT}.`] });
    }
    const projectId = intQuery(url, 'project_id');
    if (projectId !== null && !canSeeProject(scope, projectId)) throw notFound();
    const now = ctx.clock();
    const windowStart = now.getTime() - VALUE_COUNTS_WINDOW_DAYS * DAY_MS;
    // A dashboard's own range narrows the count; nothing reaches before the data window (D11).
    const fromMs = Math.max(windowStart, timeQuery(url, 'from', now) ?? windowStart);
    const toMs = Math.min(now.getTime(), timeQuery(url, 'to', now) ?? now.getTime());
    const withMissing = booleanQuery(url, 'missing');
    const window = { projectIds: projectId === null ? scope.projectIds : [projectId], fromMs, toMs, field };
    const limits = limitsFromNow(queryTimeLimitMs(), c.req.raw.signal);
    const results = await countFieldValues(ctx.database, { ...window, limit }, limits);
    const missing = withMissing ? { missing: await countMissingValues(ctx.database, window, limits) } : {};
    return c.json({ field, window_days: VALUE_COUNTS_WINDOW_DAYS, results, ...missing });
  });
}
