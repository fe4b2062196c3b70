import type { Kysely } from 'kysely';
import type { Database } from '../db/database-types.ts';

export interface NewMetric {
  projectId: number;
  name: string;
  slug: string;
  description: string | null;
  type: string;
  evalType: string;
  enumValues: readonly string[] | null;
  agentIds: readonly number[];
  createdAt: string;
}

/** Inserts a metric and its agent links in one transaction; returns its id. */
export async function insertMetric(db: Kysely<Database>, metric: NewMetric): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('metrics')
      .values({
        project_id: metric.projectId,
        name: metric.name,
        slug: metric.slug,
        description: metric.description,
        type: metric.type,
        eval_type: metric.evalType,
        enum_values: metric.enumValues === null ? null : JSON.stringify(metric.enumValues),
        function_name: null,
        created_at: metric.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (metric.agentIds.length > 0) {
      await trx
        .insertInto('metric_agents')
        .values([...new Set(metric.agentIds)].map((agentId) => ({ metric_id: row.id, agent_id: agentId })))
        .execute();
    }
    return row.id;
  });
}

/** Whether the project already has a metric with this name (names identify metrics in imports). */
export async function hasMetricNamed(
  db: Kysely<Database>,
  projectId: number,
  name: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('metrics')
    .select('id')
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}
