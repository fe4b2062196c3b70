import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import { MetricInputSchema, MetricInputV1Schema } from '../../contract/metric-input-schema.ts';
import { ApiError, badRequest } from '../http/api-error.ts';
import { answerOtherMethodsWith405 } from '../http/method-not-allowed.ts';
import { readBody, requireObject } from '../http/read-body.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import { writeProjectOf } from '../ingest/write-project.ts';
import { listAgents, listMetrics } from '../store/metric-store.ts';
import { slugify } from '../store/metric-slug.ts';
import { hasMetricNamed, insertMetric } from '../store/metric-write-store.ts';
import type { AppEnv, ServerContext } from '../http/server-context.ts';

const PATHS = { v1: '/test_framework/v1/metrics/', v2: '/test_framework/v2/metrics/' } as const;

/**
 * `POST /test_framework/v1|v2/metrics/`: creates a metric in the key's project (201 with it as the
 * list shows it). Names are unique within a project here (imports and sync find metrics by name).
 */
export function registerMetricWriteRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const { db } = ctx.database;
  const create = (schema: z.ZodType<z.infer<typeof MetricInputSchema>>) => async (c: Context<AppEnv>) => {
    const body = requireObject(await readBody(c));
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw badRequest(zodToDrf(parsed.error, body));
    const input = parsed.data;
    const scope = c.get('scope');
    const projectId = writeProjectOf(scope, input.project);
    const agentIds = (input.agents ?? []).filter((id): id is number => id !== null);
    const known = new Set((await listAgents(db, [projectId])).map((a) => a.id));
    const unknown = agentIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw badRequest({ agents: unknown.map((id) => `Invalid pk "${id}" - object does not exist.`) });
    if (await hasMetricNamed(db, projectId, input.name))
      throw badRequest({ name: ['A metric with this name already exists in this project.'] });
    const evalType = input.eval_type ?? 'binary';
    const id = await insertMetric(db, {
      projectId,
      name: input.name,
      slug: input.slug ?? slugify(input.name),
      description: input.description ?? null,
      type: input.type ?? 'basic',
      evalType,
      enumValues: evalType === 'enum' ? (input.enum_values ?? []) : null,
      agentIds,
      createdAt: ctx.clock().toISOString(),
    });
    const created = (await listMetrics(db, { projectIds: [projectId] })).find((m) => m.id === id);
    if (!created) throw new ApiError(500, { detail: 'The metric was not stored.' });
    return c.json(created, 201);
  };
  app.post(PATHS.v1, create(MetricInputV1Schema));
  app.post(PATHS.v2, create(MetricInputSchema));
  for (const path of Object.values(PATHS)) answerOtherMethodsWith405(app, path, ['GET', 'POST']);
}
