import type { Kysely } from 'kysely';
import * as z from 'zod';
import { MetricSchema, type Metric } from '../contract/metric-schema.ts';
import type { Database } from './db/database-types.ts';
import { readJsonColumn } from './json-column.ts';

const EnumValuesSchema = z.array(z.string()).nullable();

export interface MetricQuery {
  projectIds: readonly number[];
  /** Metrics linked to any of these agents (empty: no agent restriction). */
  agentIds?: readonly number[];
}

/**
 * Metrics (wire `MetricList` items) of the given projects, optionally narrowed to those linked to any
 * of `agentIds`, in id order. Each item is parsed with the contract schema on the way out.
 */
export async function listMetrics(db: Kysely<Database>, query: MetricQuery): Promise<Metric[]> {
  if (query.projectIds.length === 0) return [];
  const agentIds = query.agentIds ?? [];
  const rows = await db
    .selectFrom('metrics')
    .selectAll()
    .where('project_id', 'in', [...query.projectIds])
    .$if(agentIds.length > 0, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('metric_agents')
          .select('metric_id')
          .where('agent_id', 'in', [...agentIds]),
      ),
    )
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('metric_agents as ma')
    .innerJoin('agents as a', 'a.id', 'ma.agent_id')
    .select(['ma.metric_id', 'a.id', 'a.agent_name'])
    .where(
      'ma.metric_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((row) => {
    const agents = links.filter((l) => l.metric_id === row.id);
    const enumValues = EnumValuesSchema.safeParse(readJsonColumn(row.enum_values));
    return MetricSchema.parse({
      id: row.id,
      name: row.name,
      slug: row.slug,
      project: row.project_id,
      agents: agents.map((a) => a.id),
      agent_names: agents.map((a) => a.agent_name),
      description: row.description,
      type: row.type,
      eval_type: row.eval_type,
      enum_values: enumValues.success ? enumValues.data : null,
      observability_enabled: true,
      simulation_enabled: false,
      audio_enabled: false,
      function_name: row.function_name,
      alert_filters: null,
    });
  });
}

/** The latency metric of a project (function_name `get_latency`, D3/D16), or null. */
export async function findLatencyMetricId(
  db: Kysely<Database>,
  projectIds: readonly number[],
): Promise<number | null> {
  if (projectIds.length === 0) return null;
  const row = await db
    .selectFrom('metrics')
    .select('id')
    .where('project_id', 'in', [...projectIds])
    .where('function_name', '=', 'get_latency')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Agents of the given projects (id and name). */
export async function listAgents(
  db: Kysely<Database>,
  projectIds: readonly number[],
): Promise<{ id: number; project_id: number; agent_name: string }[]> {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('agents')
    .select(['id', 'project_id', 'agent_name'])
    .where('project_id', 'in', [...projectIds])
    .orderBy('id')
    .execute();
}
