import { queryRows, type AnalyticsDatabase, type QueryLimits } from '../analytics/analytics-database.ts';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { Filter } from '../../contract/filter-schema.ts';
import { MetricSchema, type Metric } from '../../contract/metric-schema.ts';
import type { Database } from '../db/database-types.ts';
import { readJsonColumn } from '../db/json-column.ts';
import { metricFilterExpression } from './metric-filter-sql.ts';

const EnumValuesSchema = z.array(z.string()).nullable();

export interface MetricQuery {
  projectIds: readonly number[];
  /** Metrics linked to any of these agents (empty: no agent restriction). */
  agentIds?: readonly number[];
  /** Only the metric(s) with this slug. */
  slug?: string | null;
  /** A validated metrics-list filter (METRIC_FILTER_FIELDS). */
  filter?: Filter | null;
}

/**
 * Metrics (wire `MetricList` items) of the given projects, optionally narrowed to those linked to any
 * of `agentIds`, to one slug and by a filter tree, in id order. Each item is parsed with the contract schema on the way out.
 */
export async function listMetrics(db: Kysely<Database>, query: MetricQuery): Promise<Metric[]> {
  if (query.projectIds.length === 0) return [];
  const { slug, filter, agentIds = [] } = query;
  let select = db
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
    );
  if (slug != null) select = select.where('slug', '=', slug);
  if (filter) select = select.where((eb) => metricFilterExpression(eb, filter));
  const rows = await select.orderBy('id').execute();
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

export interface MetricScores {
  overall_score: number | null;
  total_score: number;
}

/**
 * `include_scores` (D23): per metric, `total_score` is the number of its evaluations and
 * `overall_score` their mean value (binary: the percentage that passed, one decimal; numeric and
 * continuous_qualitative: the mean, two decimals); null for enum metrics and metrics never evaluated.
 */
export async function scoreMetrics(
  analytics: AnalyticsDatabase,
  metrics: readonly Pick<Metric, 'id' | 'eval_type'>[],
  limits: QueryLimits | null,
): Promise<Map<number, MetricScores>> {
  if (metrics.length === 0) return new Map();
  const ids = metrics.map((m) => m.id);
  const rows = await analytics.read(limits, (connection) =>
    queryRows(
      connection,
      `SELECT metric_id, count(*), avg(value_num) FROM metric_evaluations
       WHERE metric_id IN (${ids.map(() => '?').join(', ')}) GROUP BY metric_id`,
      ids,
    ),
  );
  const byId = new Map(
    rows.map((row) => [
      Number(row[0]),
      { total: Number(row[1] ?? 0), mean: typeof row[2] === 'number' ? row[2] : null },
    ]),
  );
  return new Map(
    metrics.map((metric) => {
      const row = byId.get(metric.id);
      const mean = row?.mean ?? null;
      const overall =
        mean === null || metric.eval_type === 'enum'
          ? null
          : metric.eval_type === 'binary'
            ? Math.round(mean * 1000) / 10
            : Math.round(mean * 100) / 100;
      return [metric.id, { overall_score: overall, total_score: Number(row?.total ?? 0) }];
    }),
  );
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
