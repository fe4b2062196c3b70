import { metadataKeyOf } from '../../contract/field-catalogue.ts';
import type { MetadataColumns } from '../analytics/metadata-slots.ts';
import {
  isFilterGroup,
  type Filter,
  type FilterCondition,
  type FilterOp,
} from '../../contract/filter-schema.ts';
import { resolveTimeValue } from '../../contract/relative-time.ts';
import { sqlParam, type SqlParam } from '../analytics/analytics-database.ts';

/** A parameterised DuckDB SQL fragment: `sql` holds only `?` placeholders for user values. */
export interface CompiledSql {
  sql: string;
  params: SqlParam[];
}

/**
 * Names that live in SQLite (the system of record) but that filters and groups read: agent names and
 * metric names of the request's projects. They are bound into the SQL as a CASE over ids, so a name
 * filter has exactly the semantics of any other text column (null for an unknown id).
 */
export interface Dimensions {
  agentNames: ReadonlyMap<number, string>;
  metricNames: ReadonlyMap<number, string>;
  /** The analytics store's promoted metadata keys (`AnalyticsDatabase.metadataColumns`); absent: none. */
  metadataColumns?: MetadataColumns;
}

export const NO_DIMENSIONS: Dimensions = { agentNames: new Map(), metricNames: new Map() };

export interface FilterContext {
  /** The request time that relative values (`now-7d`, `today`) resolve against (D10). */
  now: Date;
  dimensions: Dimensions;
}

type Kind = 'number' | 'boolean' | 'string' | 'timestamp' | 'metric_value';

/**
 * How a filter field maps onto SQL. `scope: 'row'` fields live on one `metric_evaluations me` row,
 * everything else on the call `c`.
 */
interface FieldTarget {
  scope: 'call' | 'row';
  expr: string;
  exprParams: SqlParam[];
  kind: Kind;
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
};

/**
 * `CASE <idExpr> WHEN ? THEN ? … END`: a name looked up by id, every id and name bound. NULL for ids
 * not in the map (a call without an agent, a deleted metric), so `neq` and `isnull` keep working.
 */
export function nameLookupSql(idExpr: string, names: ReadonlyMap<number, string>): CompiledSql {
  if (names.size === 0) return { sql: 'CAST(NULL AS VARCHAR)', params: [] };
  const params: SqlParam[] = [];
  let sql = `CASE ${idExpr}`;
  for (const [id, name] of names) {
    sql += ' WHEN ? THEN ?';
    params.push(id, name);
  }
  return { sql: `(${sql} ELSE CAST(NULL AS VARCHAR) END)`, params };
}

/** The key as a JSON path: allowlisted by METADATA_KEY_PATTERN and still bound, never spliced. */
export function metadataSql(key: string, columns?: MetadataColumns): CompiledSql {
  // A promoted key reads its column (same values, filled by json_extract_string at write time).
  const column = columns?.get(key);
  if (column !== undefined) return { sql: `c.${column}`, params: [] };
  return { sql: 'json_extract_string(c.metadata, ?)', params: [`$.${key}`] };
}

/** The SQL target of a filter field, or null for a field the engine does not know. Total. */
function resolveField(field: string, dimensions: Dimensions): FieldTarget | null {
  const column = CALL_COLUMNS[field];
  if (column) return { scope: 'call', exprParams: [], ...column };
  if (field === 'agent.agent_name') {
    const lookup = nameLookupSql('c.agent_id', dimensions.agentNames);
    return { scope: 'call', expr: lookup.sql, exprParams: lookup.params, kind: 'string' };
  }
  const key = metadataKeyOf(field);
  if (key !== null) {
    const metadata = metadataSql(key, dimensions.metadataColumns);
    return { scope: 'call', expr: metadata.sql, exprParams: metadata.params, kind: 'string' };
  }
  if (field === 'metric_evaluations.value')
    return { scope: 'row', expr: '', exprParams: [], kind: 'metric_value' };
  if (field === 'metric_evaluations.metric.id')
    return { scope: 'row', expr: 'me.metric_id', exprParams: [], kind: 'number' };
  if (field === 'metric_evaluations.metric.name') {
    const lookup = nameLookupSql('me.metric_id', dimensions.metricNames);
    return { scope: 'row', expr: lookup.sql, exprParams: lookup.params, kind: 'string' };
  }
  return null;
}

const COMPARISON_SQL: Partial<Record<FilterOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NEVER: CompiledSql = { sql: 'FALSE', params: [] };

/**
 * A JSON filter value as a bound parameter with its SQL cast, so that DuckDB never has to guess a
 * type (and never fails converting text to a number): numbers as DOUBLE (TRY_CAST: a value of the
 * wrong type compares as NULL, matching nothing), booleans as 1/0, times as epoch ms BIGINT, text as
 * VARCHAR.
 */
function bound(kind: Kind, op: FilterOp, value: unknown, now: Date): CompiledSql {
  if (kind === 'timestamp') {
    return { sql: 'TRY_CAST(? AS BIGINT)', params: [resolveTimeValue(value, op, now)?.getTime() ?? null] };
  }
  if (kind === 'number' || kind === 'boolean') {
    const numeric = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    return {
      sql: 'TRY_CAST(? AS DOUBLE)',
      params: [typeof numeric === 'number' ? numeric : sqlParam(numeric)],
    };
  }
  const text =
    typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : sqlParam(value);
  return { sql: 'CAST(? AS VARCHAR)', params: [text === null ? null : String(text)] };
}

const TEXT_MATCH: Partial<Record<FilterOp, string>> = {
  contains: 'contains',
  startswith: 'starts_with',
  endswith: 'ends_with',
};

/** One leaf over a plain expression. */
function compileScalarLeaf(target: FieldTarget, op: FilterOp, value: unknown, now: Date): CompiledSql {
  const { expr, exprParams, kind } = target;
  const comparison = COMPARISON_SQL[op];
  if (comparison) {
    const right = bound(kind, op, value, now);
    return { sql: `${expr} ${comparison} ${right.sql}`, params: [...exprParams, ...right.params] };
  }
  const textFunction = TEXT_MATCH[op];
  if (textFunction) {
    // Case-insensitive with Unicode case folding (É = é): lower() on both sides.
    const text = typeof value === 'string' ? value : String(value);
    return {
      sql: `${textFunction}(lower(CAST(${expr} AS VARCHAR)), lower(CAST(? AS VARCHAR)))`,
      params: [...exprParams, text],
    };
  }
  switch (op) {
    case 'eq': {
      if (value === null) return { sql: `${expr} IS NULL`, params: exprParams };
      const right = bound(kind, op, value, now);
      return { sql: `${expr} = ${right.sql}`, params: [...exprParams, ...right.params] };
    }
    case 'neq': {
      // IS DISTINCT FROM: a null field counts as "not equal" (a call without a topic is "not 'billing'").
      const right = value === null ? { sql: 'NULL', params: [] } : bound(kind, op, value, now);
      return { sql: `${expr} IS DISTINCT FROM ${right.sql}`, params: [...exprParams, ...right.params] };
    }
    case 'in': {
      const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== null);
      if (values.length === 0) return NEVER;
      const items = values.map((v) => bound(kind, op, v, now));
      return {
        sql: `${expr} IN (${items.map((item) => item.sql).join(', ')})`,
        params: [...exprParams, ...items.flatMap((item) => item.params)],
      };
    }
    case 'isnull':
      return { sql: value === false ? `${expr} IS NOT NULL` : `${expr} IS NULL`, params: exprParams };
    case 'regex':
      // DuckDB's RE2: an unanchored, linear-time search (docs/decisions/0009).
      return {
        sql: `regexp_matches(CAST(${expr} AS VARCHAR), CAST(? AS VARCHAR))`,
        params: [...exprParams, typeof value === 'string' ? value : String(value)],
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
  return {
    scope: 'row',
    expr: numeric ? 'me.value_num' : 'me.value_text',
    exprParams: [],
    kind: numeric ? 'number' : 'string',
  };
}

function compileMetricValueLeaf(op: FilterOp, value: unknown, now: Date): CompiledSql {
  const bothNull = { sql: '(me.value_num IS NULL AND me.value_text IS NULL)', params: [] };
  const eitherSet = { sql: '(me.value_num IS NOT NULL OR me.value_text IS NOT NULL)', params: [] };
  if (op === 'isnull') return value === false ? eitherSet : bothNull;
  if (value === null && (op === 'eq' || op === 'neq')) return op === 'eq' ? bothNull : eitherSet;
  if (op === 'in') {
    const values = Array.isArray(value) ? value : [value];
    const numbers = values.filter((v) => typeof v === 'number');
    const texts = values.filter((v) => typeof v !== 'number' && v !== null);
    const parts: CompiledSql[] = [];
    if (numbers.length > 0) parts.push(compileScalarLeaf(metricValueTarget(0), 'in', numbers, now));
    if (texts.length > 0) parts.push(compileScalarLeaf(metricValueTarget(''), 'in', texts, now));
    return joinParts(parts, 'OR');
  }
  return compileScalarLeaf(metricValueTarget(value), op, value, now);
}

function joinParts(parts: CompiledSql[], operator: 'AND' | 'OR'): CompiledSql {
  if (parts.length === 0) return { sql: operator === 'AND' ? 'TRUE' : 'FALSE', params: [] };
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

function evaluationExists(inner: CompiledSql): CompiledSql {
  return {
    sql: `EXISTS (SELECT 1 FROM metric_evaluations me WHERE me.call_id = c.id AND ${inner.sql})`,
    params: inner.params,
  };
}

/** Compiles a subtree where metric leaves refer to one shared evaluation row `me` (same_row). */
function compileOnRow(filter: Filter, context: FilterContext): CompiledSql {
  if (isFilterGroup(filter)) {
    // Nested same_row inside same_row is the same row; and/or keep their meaning.
    return joinParts(
      filter.conditions.map((child) => compileOnRow(child, context)),
      filter.operator === 'or' ? 'OR' : 'AND',
    );
  }
  const target = resolveField(filter.field, context.dimensions);
  if (!target) return NEVER;
  return compileLeafOnRow(filter, target, context.now);
}

function compileNode(filter: Filter, context: FilterContext): CompiledSql {
  if (isFilterGroup(filter)) {
    if (filter.operator === 'same_row') return evaluationExists(compileOnRow(filter, context));
    return joinParts(
      filter.conditions.map((child) => compileNode(child, context)),
      filter.operator === 'or' ? 'OR' : 'AND',
    );
  }
  const target = resolveField(filter.field, context.dimensions);
  if (!target) return NEVER;
  const leaf = compileLeafOnRow(filter, target, context.now);
  // A metric leaf outside same_row: some evaluation of the call satisfies it, on its own.
  return target.scope === 'row' ? evaluationExists(leaf) : leaf;
}

/**
 * Compiles a validated filter tree into one parameterised boolean DuckDB expression over `calls c`.
 *
 * Semantics (docs/decisions/0002 and 0014): `neq` is `IS DISTINCT FROM` (nulls count as different);
 * contains/startswith/endswith compare `lower()` of both sides, folding Unicode case (É = é);
 * `regex` is DuckDB's RE2 `regexp_matches`, an unanchored linear-time search (docs/decisions/0009);
 * a `same_row` group is one EXISTS over a single metric evaluation row; a metric leaf outside same_row
 * is its own EXISTS; an empty `and` is true, an empty `or` false; unknown fields match nothing. No
 * user value is ever spliced into `sql`: identifiers come from the tables above, values are bound.
 */
export function compileFilter(filter: Filter, context: FilterContext): CompiledSql {
  return compileNode(filter, context);
}
