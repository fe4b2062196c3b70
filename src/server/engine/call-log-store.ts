import type { DuckDBConnection } from '@duckdb/node-api';
import { CallLogSchema, type CallLog } from '../../contract/call-log-schema.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import { queryRows, type QueryLimits, type SqlParam } from '../analytics/analytics-database.ts';
import { dimensionsOf, type EngineStores } from './chart-data.ts';
import { formatInstant } from './engine-buckets.ts';
import { compileFilter, type CompiledSql, type Dimensions } from './filter-sql.ts';
import { readJsonColumn } from '../db/json-column.ts';

export interface CallLogQuery {
  projectIds: readonly number[];
  fromMs: number;
  toMs: number;
  agentId: number | null;
  callIds: readonly number[] | null;
  filter: Filter | null;
  now: Date;
}

/** The WHERE clause of a call-log query over `calls c`, every value bound. */
export function callLogWhere(query: CallLogQuery, dimensions: Dimensions): CompiledSql {
  const parts = [
    `c.project_id IN (${query.projectIds.map(() => '?').join(', ')})`,
    'c.ts_ms >= CAST(? AS BIGINT)',
    'c.ts_ms <= CAST(? AS BIGINT)',
  ];
  const params: SqlParam[] = [...query.projectIds, query.fromMs, query.toMs];
  if (query.agentId !== null) {
    parts.push('c.agent_id = ?');
    params.push(query.agentId);
  }
  if (query.callIds !== null) {
    parts.push(query.callIds.length === 0 ? 'FALSE' : `c.id IN (${query.callIds.map(() => '?').join(', ')})`);
    params.push(...query.callIds);
  }
  if (query.filter !== null) {
    const compiled = compileFilter(query.filter, { now: query.now, dimensions });
    parts.push(`(${compiled.sql})`);
    params.push(...compiled.params);
  }
  return { sql: parts.join(' AND '), params };
}

function mmss(seconds: number | null): string | null {
  if (seconds === null) return null;
  const total = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function statusOf(success: number | null, reviewed: number): string | null {
  if (success === null) return null;
  return `${reviewed ? 'reviewed_' : ''}${success ? 'success' : 'failure'}`;
}

const CALL_SELECT =
  'c.id, c.agent_id, c.ts_ms, c.duration, c.success, c.is_reviewed, c.call_ended_reason, c.dropoff_point, ' +
  'c.topic, c.customer_number, c.call_id, c.metadata, c.created_ms';

export interface CallLogPageRequest {
  offset: number;
  limit: number;
}

export interface CallLogList {
  count: number;
  results: CallLog[];
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

async function readPage(
  connection: DuckDBConnection,
  where: CompiledSql,
  page: CallLogPageRequest,
): Promise<{ count: number; rows: unknown[][]; evaluations: unknown[][] }> {
  const [countRow = []] = await queryRows(
    connection,
    `SELECT count(*) FROM calls c WHERE ${where.sql}`,
    where.params,
  );
  const rows = await queryRows(
    connection,
    `SELECT ${CALL_SELECT} FROM calls c WHERE ${where.sql} ORDER BY c.ts_ms DESC, c.id DESC LIMIT ? OFFSET ?`,
    [...where.params, page.limit, page.offset],
  );
  const ids = rows.map((row) => Number(row[0]));
  const evaluations =
    ids.length === 0
      ? []
      : await queryRows(
          connection,
          `SELECT call_id, metric_id, value_num, value_text FROM metric_evaluations
           WHERE call_id IN (${ids.map(() => '?').join(', ')}) ORDER BY call_id, metric_id`,
          ids,
        );
  return { count: Number(countRow[0] ?? 0), rows, evaluations };
}

/** One page of calls, newest first, as `CallLogList` items with their `metrics[]`. */
export async function listCallLogs(
  stores: EngineStores,
  query: CallLogQuery,
  page: CallLogPageRequest,
  limits: QueryLimits | null,
): Promise<CallLogList> {
  if (query.projectIds.length === 0) return { count: 0, results: [] };
  const dimensions = dimensionsOf(stores, query.projectIds);
  const where = callLogWhere(query, dimensions);
  const { count, rows, evaluations } = await stores.analytics.read(limits, (connection) =>
    readPage(connection, where, page),
  );
  const evalTypes = new Map(
    stores.sqlite
      .prepare(
        `SELECT id, eval_type FROM metrics WHERE project_id IN (${query.projectIds.map(() => '?').join(', ')})`,
      )
      .raw()
      .all(...query.projectIds)
      .flatMap((row) => (Array.isArray(row) ? [[Number(row[0]), String(row[1])] as const] : [])),
  );
  const byCall = new Map<number, unknown[][]>();
  for (const evaluation of evaluations) {
    const callId = Number(evaluation[0]);
    const list = byCall.get(callId);
    if (list) list.push(evaluation);
    else byCall.set(callId, [evaluation]);
  }
  const results = rows.map((row) => {
    const id = Number(row[0]);
    const agentId = numberOrNull(row[1]);
    const success = numberOrNull(row[4]);
    const reviewed = Number(row[5] ?? 0);
    const timestamp = formatInstant(Number(row[2]));
    const created = formatInstant(Number(row[12]));
    return CallLogSchema.parse({
      id,
      timestamp,
      duration: mmss(numberOrNull(row[3])),
      success: success === null ? null : success === 1,
      is_reviewed: reviewed === 1,
      status: statusOf(success, reviewed),
      feedback: '',
      call_ended_reason: textOrNull(row[6]),
      customer_number: textOrNull(row[9]),
      dropoff_point: textOrNull(row[7]),
      topic: textOrNull(row[8]),
      agent: agentId,
      agent_name: agentId === null ? null : (dimensions.agentNames.get(agentId) ?? null),
      call_id: textOrNull(row[10]),
      trace_id: '',
      error_message: null,
      metadata: readJsonColumn(textOrNull(row[11])),
      // An evaluation of a metric deleted since is not listed (the metric is gone from the API).
      metrics: (byCall.get(id) ?? [])
        .filter((e) => evalTypes.has(Number(e[1])))
        .map((e) => {
          const metricId = Number(e[1]);
          const evalType = evalTypes.get(metricId) ?? 'numeric';
          const valueNum = numberOrNull(e[2]);
          const valueText = textOrNull(e[3]);
          return {
            id: metricId,
            name: dimensions.metricNames.get(metricId) ?? '',
            type: evalType,
            score: valueNum,
            enum: evalType === 'enum' ? valueText : null,
            value: valueText ?? (valueNum === null ? null : String(valueNum)),
          };
        }),
      created_at: created,
      updated_at: created,
    });
  });
  return { count, results };
}
