import type BetterSqlite3 from 'better-sqlite3';
import { metadataKeyOf } from '../contract/field-catalogue.ts';
import {
  isFilterGroup,
  type Filter,
  type FilterCondition,
  type FilterOp,
} from '../contract/filter-schema.ts';
import { resolveTimeValue } from '../contract/relative-time.ts';
import { checkQueryDeadline } from './query-time-limit.ts';
import { matchesRe2 } from './re2-pattern.ts';

/** A parameterised SQL fragment: `sql` holds only `?` placeholders for user values. */
export interface CompiledSql {
  sql: string;
  params: unknown[];
}

export interface FilterContext {
  /** The request time that relative values (`now-7d`, `today`) resolve against (D10). */
  now: Date;
}

/**
 * How a filter field maps onto SQL. `scope: 'row'` fields live on one `metric_evaluations me` row
 * (joined to `metrics m` when `needsMetric`), everything else on the call `c`.
 */
interface FieldTarget {
  scope: 'call' | 'row';
  expr: string;
  exprParams: unknown[];
  kind: 'number' | 'boolean' | 'string' | 'timestamp' | 'metric_value';
  needsMetric?: boolean;
}

const CALL_COLUMNS: Record<string, Pick<FieldTarget, 'expr' | 'kind'>> = {
  id: { expr: 'c.id', kind: 'number' },
  timestamp: { expr: 'c.ts_ms', kind: 'timestamp' },
  duration: { expr: 'c.duration', kind: 'number' },
  success: { expr: 'c.success', kind: 'boolean' },
  is_reviewed: { expr: 'c.is_reviewed', kind: 'boolean' },
  call_ended_reason: { expr: 'c.call_ended_reason', kind: 'string' },
  dropoff_point: { expr: 'c.dropoff_point', kind: 'string' },
  topic: { expr: 'c.topic', kind: 'string' },
  customer_number: { expr: 'c.customer_number', kind: 'string' },
  'agent.id': { expr: 'c.agent_id', kind: 'number' },
  // A scalar subquery: null for calls without an agent, so `neq`/`isnull` keep working.
  'agent.agent_name': { expr: '(SELECT a.agent_name FROM agents a WHERE a.id = c.agent_id)', kind: 'string' },
};

/** The SQL target of a filter field, or null for a field the engine does not know. Total. */
function resolveField(field: string): FieldTarget | null {
  const column = CALL_COLUMNS[field];
  if (column) return { scope: 'call', exprParams: [], ...column };
  const key = metadataKeyOf(field);
  // The key is allowlisted by METADATA_KEY_PATTERN and still bound as a parameter, never spliced.
  if (key !== null) {
    return { scope: 'call', expr: 'json_extract(c.metadata, ?)', exprParams: [`$.${key}`], kind: 'string' };
  }
  if (field === 'metric_evaluations.value')
    return { scope: 'row', expr: '', exprParams: [], kind: 'metric_value' };
  if (field === 'metric_evaluations.metric.id')
    return { scope: 'row', expr: 'me.metric_id', exprParams: [], kind: 'number' };
  if (field === 'metric_evaluations.metric.name')
    return { scope: 'row', expr: 'm.name', exprParams: [], kind: 'string', needsMetric: true };
  return null;
}

const COMPARISON_SQL: Partial<Record<FilterOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NEVER: CompiledSql = { sql: '0', params: [] };

/** Escapes LIKE wildcards so user text is matched literally (used with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function likePattern(op: FilterOp, value: unknown): string {
  const text = escapeLike(typeof value === 'string' ? value : String(value));
  if (op === 'startswith') return `${text}%`;
  if (op === 'endswith') return `%${text}`;
  return `%${text}%`;
}

/** A JSON filter value as a bindable SQLite value: booleans become 1/0, times epoch ms. */
function bindValue(kind: FieldTarget['kind'], op: FilterOp, value: unknown, now: Date): unknown {
  if (kind === 'timestamp') return resolveTimeValue(value, op, now)?.getTime() ?? null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** One leaf over a plain expression. */
function compileScalarLeaf(target: FieldTarget, op: FilterOp, value: unknown, now: Date): CompiledSql {
  const { expr, exprParams } = target;
  const bind = (v: unknown) => bindValue(target.kind, op, v, now);
  const comparison = COMPARISON_SQL[op];
  if (comparison) return { sql: `${expr} ${comparison} ?`, params: [...exprParams, bind(value)] };
  switch (op) {
    case 'eq':
      if (value === null) return { sql: `${expr} IS NULL`, params: exprParams };
      return { sql: `${expr} = ?`, params: [...exprParams, bind(value)] };
    case 'neq':
      // IS NOT: a null field counts as "not equal" (a call without a topic is "not 'billing'").
      return { sql: `${expr} IS NOT ?`, params: [...exprParams, bind(value)] };
    case 'contains':
    case 'startswith':
    case 'endswith':
      return { sql: `${expr} LIKE ? ESCAPE '\\'`, params: [...exprParams, likePattern(op, value)] };
    case 'in': {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return NEVER;
      return {
        sql: `${expr} IN (${values.map(() => '?').join(', ')})`,
        params: [...exprParams, ...values.map(bind)],
      };
    }
    case 'isnull':
      return { sql: value === false ? `${expr} IS NOT NULL` : `${expr} IS NULL`, params: exprParams };
    case 'regex':
      return {
        sql: `regexp(?, ${expr})`,
        params: [typeof value === 'string' ? value : String(value), ...exprParams],
      };
    default:
      return NEVER;
  }
}

/**
 * `metric_evaluations.value`: numbers compare with `value_num`, strings and booleans with
 * `value_text` ('true'/'false' for binary metrics), so each value picks its own column.
 */
function metricValueTarget(value: unknown): FieldTarget {
  const numeric = typeof value === 'number';
  return { scope: 'row', expr: numeric ? 'me.value_num' : 'me.value_text', exprParams: [], kind: 'string' };
}

function metricTextValue(value: unknown): unknown {
  return typeof value === 'boolean' ? String(value) : value;
}

function compileMetricValueLeaf(op: FilterOp, value: unknown, now: Date): CompiledSql {
  if (op === 'isnull') {
    return value === false
      ? { sql: '(me.value_num IS NOT NULL OR me.value_text IS NOT NULL)', params: [] }
      : { sql: '(me.value_num IS NULL AND me.value_text IS NULL)', params: [] };
  }
  if (value === null && (op === 'eq' || op === 'neq')) {
    return op === 'eq'
      ? { sql: '(me.value_num IS NULL AND me.value_text IS NULL)', params: [] }
      : { sql: '(me.value_num IS NOT NULL OR me.value_text IS NOT NULL)', params: [] };
  }
  if (op === 'in') {
    const values = Array.isArray(value) ? value : [value];
    const numbers = values.filter((v) => typeof v === 'number');
    const texts = values.filter((v) => typeof v !== 'number').map(metricTextValue);
    const parts: CompiledSql[] = [];
    if (numbers.length > 0) parts.push(compileScalarLeaf(metricValueTarget(0), 'in', numbers, now));
    if (texts.length > 0) parts.push(compileScalarLeaf(metricValueTarget(''), 'in', texts, now));
    return joinParts(parts, 'OR');
  }
  return compileScalarLeaf(metricValueTarget(value), op, metricTextValue(value), now);
}

function joinParts(parts: CompiledSql[], operator: 'AND' | 'OR'): CompiledSql {
  if (parts.length === 0) return { sql: operator === 'AND' ? '1' : '0', params: [] };
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`,
    params: parts.flatMap((p) => p.params),
  };
}

function compileLeafOnRow(condition: FilterCondition, target: FieldTarget, now: Date): CompiledSql {
  if (target.kind === 'metric_value') return compileMetricValueLeaf(condition.op, condition.value, now);
  return compileScalarLeaf(target, condition.op, condition.value, now);
}

function evaluationExists(inner: CompiledSql, needsMetric: boolean): CompiledSql {
  const join = needsMetric ? ' JOIN metrics m ON m.id = me.metric_id' : '';
  return {
    sql: `EXISTS (SELECT 1 FROM metric_evaluations me${join} WHERE me.call_id = c.id AND ${inner.sql})`,
    params: inner.params,
  };
}

interface RowCompilation {
  compiled: CompiledSql;
  needsMetric: boolean;
}

/** Compiles a subtree where metric leaves refer to one shared evaluation row `me` (same_row). */
function compileOnRow(filter: Filter, now: Date): RowCompilation {
  if (isFilterGroup(filter)) {
    const children = filter.conditions.map((child) => compileOnRow(child, now));
    return {
      // Nested same_row inside same_row is the same row; and/or keep their meaning.
      compiled: joinParts(
        children.map((c) => c.compiled),
        filter.operator === 'or' ? 'OR' : 'AND',
      ),
      needsMetric: children.some((c) => c.needsMetric),
    };
  }
  const target = resolveField(filter.field);
  if (!target) return { compiled: NEVER, needsMetric: false };
  return { compiled: compileLeafOnRow(filter, target, now), needsMetric: target.needsMetric === true };
}

function compileNode(filter: Filter, now: Date): CompiledSql {
  if (isFilterGroup(filter)) {
    if (filter.operator === 'same_row') {
      const { compiled, needsMetric } = compileOnRow(filter, now);
      return evaluationExists(compiled, needsMetric);
    }
    return joinParts(
      filter.conditions.map((child) => compileNode(child, now)),
      filter.operator === 'or' ? 'OR' : 'AND',
    );
  }
  const target = resolveField(filter.field);
  if (!target) return NEVER;
  const leaf = compileLeafOnRow(filter, target, now);
  // A metric leaf outside same_row: some evaluation of the call satisfies it, on its own.
  return target.scope === 'row' ? evaluationExists(leaf, target.needsMetric === true) : leaf;
}

/**
 * Compiles a validated filter tree into one parameterised boolean SQL expression over `calls c`.
 *
 * Semantics (documented in docs/decisions/0002): `neq` is SQL `IS NOT` (nulls count as different);
 * contains/startswith/endswith are `LIKE … ESCAPE '\'` with wildcards escaped, case-insensitive for
 * ASCII letters (SQLite's LIKE); `regex` is an unanchored RE2 search (docs/decisions/0009) through the
 * `regexp` function that `registerSqlFunctions` installs; a `same_row` group is one EXISTS over a
 * single metric evaluation row; a metric leaf outside same_row is its own EXISTS; an empty `and` is
 * true, an empty `or` false; unknown fields match nothing. No user value is ever spliced into `sql`.
 */
export function compileFilter(filter: Filter, context: FilterContext): CompiledSql {
  return compileNode(filter, context.now);
}

/** A SQLite value as the text a regex sees (numbers as JavaScript prints them); null for NULL/blobs. */
function sqlText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}
const registered = new WeakSet<BetterSqlite3.Database>();

/**
 * Installs the engine's SQL functions (`regexp(pattern, value)`, an RE2 search) on a connection.
 * Idempotent: calling it again on the same connection does nothing. The function is where a query
 * on the main thread can be stopped at its deadline (query-time-limit.ts): it runs once per row.
 */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) => {
    checkQueryDeadline(sqlite);
    const subject = sqlText(value);
    if (typeof pattern !== 'string' || subject === null) return null;
    return matchesRe2(pattern, subject) ? 1 : 0;
  });
  registered.add(sqlite);
}
