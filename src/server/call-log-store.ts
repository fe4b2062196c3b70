import type BetterSqlite3 from 'better-sqlite3';
import { CallLogSchema, type CallLog } from '../contract/call-log-schema.ts';
import type { Filter } from '../contract/filter-schema.ts';
import { compileFilter } from './filter-sql.ts';
import { readJsonColumn } from './json-column.ts';

export interface CallLogQuery {
  projectIds: readonly number[];
  fromMs: number;
  toMs: number;
  agentId: number | null;
  callIds: readonly number[] | null;
  filter: Filter | null;
  now: Date;
}

/**
 * The WHERE clause of a call-log query. The leading `project_id IN (…) AND ts_ms BETWEEN …` is what
 * lets SQLite use the `calls_project_ts` index (checked with EXPLAIN QUERY PLAN in the tests).
 */
export function callLogWhere(query: CallLogQuery): { sql: string; params: unknown[] } {
  const parts = [
    `c.project_id IN (${query.projectIds.map(() => '?').join(', ')})`,
    'c.ts_ms >= ?',
    'c.ts_ms <= ?',
  ];
  const params: unknown[] = [...query.projectIds, query.fromMs, query.toMs];
  if (query.agentId !== null) {
    parts.push('c.agent_id = ?');
    params.push(query.agentId);
  }
  if (query.callIds !== null) {
    parts.push(`c.id IN (${query.callIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...query.callIds);
  }
  if (query.filter !== null) {
    const compiled = compileFilter(query.filter, { now: query.now });
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

interface CallRow {
  id: number;
  agent_id: number | null;
  agent_name: string | null;
  timestamp: string;
  duration: number | null;
  success: number | null;
  is_reviewed: number;
  call_ended_reason: string | null;
  dropoff_point: string | null;
  topic: string | null;
  customer_number: string | null;
  call_id: string | null;
  metadata: string | null;
  created_at: string;
}
interface EvaluationRow {
  call_id: number;
  metric_id: number;
  name: string;
  eval_type: string;
  value_num: number | null;
  value_text: string | null;
}

function isCallRow(row: unknown): row is CallRow {
  return typeof row === 'object' && row !== null && 'id' in row && 'timestamp' in row;
}
function isEvaluationRow(row: unknown): row is EvaluationRow {
  return typeof row === 'object' && row !== null && 'metric_id' in row && 'call_id' in row;
}

/**
 * The ids of one page, newest first. Each project is read in `calls_project_ts` order and cut at
 * offset + limit rows, then the per-project runs are merged: a single `project_id IN (…)` query would
 * sort the whole window (hundreds of thousands of rows) to find one page. Parameters: for each
 * project its WHERE parameters and the cut, then limit and offset. Exported so a test can EXPLAIN it.
 */
export function callLogPageIdsSql(whereSqls: readonly string[]): string {
  const runs = whereSqls.map(
    (whereSql) =>
      `SELECT * FROM (SELECT c.id, c.ts_ms FROM calls c WHERE ${whereSql} ORDER BY c.ts_ms DESC, c.id DESC LIMIT ?)`,
  );
  return `SELECT id FROM (${runs.join(' UNION ALL ')}) ORDER BY ts_ms DESC, id DESC LIMIT ? OFFSET ?`;
}

/** SQLite's limit on the values one statement binds (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_BOUND_VALUES = 32_766;

export interface CallLogPageRequest {
  offset: number;
  limit: number;
}

export interface CallLogList {
  count: number;
  results: CallLog[];
}

/** One page of calls, newest first, as `CallLogList` items with their `metrics[]`. */
export function listCallLogs(
  sqlite: BetterSqlite3.Database,
  query: CallLogQuery,
  page: CallLogPageRequest,
): CallLogList {
  if (query.projectIds.length === 0) return { count: 0, results: [] };
  const where = callLogWhere(query);
  const countRow = sqlite
    .prepare(`SELECT COUNT(*) AS n FROM calls c WHERE ${where.sql}`)
    .get(...where.params);
  const count = typeof countRow === 'object' && countRow !== null && 'n' in countRow ? Number(countRow.n) : 0;
  const perProject = query.projectIds.map((projectId) => callLogWhere({ ...query, projectIds: [projectId] }));
  // Each run binds the filter again: past the limit, one run over all projects (a sort, but an answer).
  const bound = perProject.reduce((n, w) => n + w.params.length + 1, 2);
  const runs = bound <= MAX_BOUND_VALUES ? perProject : [where];
  const ids = sqlite
    .prepare(callLogPageIdsSql(runs.map((w) => w.sql)))
    .pluck()
    .all(...runs.flatMap((w) => [...w.params, page.offset + page.limit]), page.limit, page.offset)
    .map(Number);
  const byId = new Map(
    (ids.length === 0
      ? []
      : sqlite
          .prepare(
            `SELECT c.*, a.agent_name FROM calls c LEFT JOIN agents a ON a.id = c.agent_id
             WHERE c.id IN (${ids.map(() => '?').join(', ')})`,
          )
          .all(...ids)
          .filter(isCallRow)
    ).map((row) => [row.id, row]),
  );
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
  const evaluations =
    ids.length === 0
      ? []
      : sqlite
          .prepare(
            `SELECT me.call_id, me.metric_id, m.name, m.eval_type, me.value_num, me.value_text
             FROM metric_evaluations me JOIN metrics m ON m.id = me.metric_id
             WHERE me.call_id IN (${ids.map(() => '?').join(', ')}) ORDER BY me.metric_id`,
          )
          .all(...ids)
          .filter(isEvaluationRow);
  const results = rows.map((row) =>
    CallLogSchema.parse({
      id: row.id,
      timestamp: row.timestamp,
      duration: mmss(row.duration),
      success: row.success === null ? null : row.success === 1,
      is_reviewed: row.is_reviewed === 1,
      status: statusOf(row.success, row.is_reviewed),
      feedback: '',
      call_ended_reason: row.call_ended_reason,
      customer_number: row.customer_number,
      dropoff_point: row.dropoff_point,
      topic: row.topic,
      agent: row.agent_id,
      agent_name: row.agent_name,
      call_id: row.call_id,
      trace_id: '',
      error_message: null,
      metadata: readJsonColumn(row.metadata),
      metrics: evaluations
        .filter((e) => e.call_id === row.id)
        .map((e) => ({
          id: e.metric_id,
          name: e.name,
          type: e.eval_type,
          score: e.value_num,
          enum: e.eval_type === 'enum' ? e.value_text : null,
          value: e.value_text ?? (e.value_num === null ? null : String(e.value_num)),
        })),
      created_at: row.created_at,
      updated_at: row.created_at,
    }),
  );
  return { count, results };
}
