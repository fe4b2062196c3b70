import type { Hono } from 'hono';
import {
  hasValueCounts,
  VALUE_COUNT_FIELDS,
  VALUE_COUNTS_DEFAULT_LIMIT,
  VALUE_COUNTS_MAX_LIMIT,
  VALUE_COUNTS_PATH,
  VALUE_COUNTS_WINDOW_DAYS,
} from '../contract/value-counts-schema.ts';
import { badRequest, notFound } from './http/api-error.ts';
import { canSeeProject } from './scope.ts';
import { intQuery, type AppEnv, type ServerContext } from './server-context.ts';
import { countFieldValues } from './value-count-store.ts';
import { limitsFromNow } from './analytics/analytics-database.ts';
import { queryTimeLimitMs } from './query-time-limit.ts';

const DAY_MS = 86_400_000;

/**
 * `GET /studio/v1/value-counts/` (our extension, see `value-counts-schema.ts`): the top values of an
 * allowlisted text field over the calls of the key's projects (or `project_id`, 404 outside the
 * scope) in the data window, for value suggestions. Needs the API key like every API route.
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
    const toMs = ctx.clock().getTime();
    const results = await countFieldValues(
      ctx.database,
      {
        projectIds: projectId === null ? scope.projectIds : [projectId],
        fromMs: toMs - VALUE_COUNTS_WINDOW_DAYS * DAY_MS,
        toMs,
        field,
        limit,
      },
      limitsFromNow(queryTimeLimitMs(), c.req.raw.signal),
    );
    return c.json({ field, window_days: VALUE_COUNTS_WINDOW_DAYS, results });
  });
}
