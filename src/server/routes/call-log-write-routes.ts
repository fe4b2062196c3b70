import type { Context, Hono } from 'hono';
import { CallLogInputSchema, toIngestCall } from '../../contract/call-log-input-schema.ts';
import type { DrfErrors } from '../../contract/drf-errors.ts';
import { readStoredCallLog, storeCallLogs } from '../ingest/call-ingest-store.ts';
import { badRequest } from '../http/api-error.ts';
import { answerOtherMethodsWith405 } from '../http/method-not-allowed.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { loadIngestCatalogue } from '../ingest/ingest-catalogue.ts';
import { resolveIngestCall } from '../ingest/resolve-ingest-call.ts';
import { writeProjectOf } from '../ingest/write-project.ts';
import type { AppEnv, ServerContext } from '../http/server-context.ts';

const BLANK_TEXT_FIELDS = [
  'call_ended_reason',
  'customer_number',
  'dropoff_point',
  'topic',
  'duration',
] as const;

const PATHS = { v1: '/observability/v1/call-logs/', v2: '/observability/v2/call-logs/' } as const;

/**
 * `POST /observability/v1|v2/call-logs/` (published `CallLogDetail`, only `call_id` required):
 * stores one call in the key's project and answers 201 with it as the list shows it. Idempotent by
 * call_id: a call_id the project already has answers 200 with the stored call, unchanged. v2 also
 * stores the evaluations of its `metrics` list (the v2 list's shape); v1 ignores them. The write
 * commits before the answer, and chart data sees it at once (the result cache keys on the
 * database's generation, which every commit changes).
 */
export function registerCallLogWriteRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const create = (version: keyof typeof PATHS) => async (c: Context<AppEnv>) => {
    const body = requireObject(await readBody(c));
    const parsed = CallLogInputSchema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const projectId = writeProjectOf(c.get('scope'), parsed.data.project);
    const call = toIngestCall(version === 'v2' ? parsed.data : { ...parsed.data, metrics: [] });
    const resolved = resolveIngestCall(call, loadIngestCatalogue(ctx.database.sqlite, projectId));
    if (!resolved.ok) {
      const errors: DrfErrors = {};
      for (const problem of resolved.problems) (errors[problem.field] ??= []).push(problem.message);
      throw badRequest(errors);
    }
    const now = ctx.clock();
    const result = await storeCallLogs(ctx.database, projectId, [resolved.call], { now });
    const id = result.ids[0] ?? 0;
    const stored = await readStoredCallLog(ctx.database, projectId, id, now);
    const detail = {
      ...stored,
      // CallLogDetail publishes these as non-null strings (DRF's blank CharFields) and an object.
      ...Object.fromEntries(BLANK_TEXT_FIELDS.map((field) => [field, stored?.[field] ?? ''])),
      metadata: stored?.metadata ?? {},
      project: projectId,
      agent_id: stored?.agent == null ? '' : String(stored.agent),
    };
    return c.json(detail, result.stored === 1 ? 201 : 200);
  };
  app.post(PATHS.v1, create('v1'));
  app.post(PATHS.v2, create('v2'));
  for (const path of Object.values(PATHS)) answerOtherMethodsWith405(app, path, ['GET', 'POST']);
}
