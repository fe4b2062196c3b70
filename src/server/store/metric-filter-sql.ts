import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { isFilterGroup, type Filter, type FilterCondition } from '../../contract/filter-schema.ts';
import type { Database } from '../db/database-types.ts';

/** Escapes LIKE wildcards so user text is matched literally (used with `ESCAPE '\\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

type MetricsBuilder = ExpressionBuilder<Database, 'metrics'>;

/** The metric columns a filter may name (contract/metric-filter-fields.ts): the only identifiers used. */
const TEXT_COLUMNS = {
  eval_type: 'metrics.eval_type',
  type: 'metrics.type',
  name: 'metrics.name',
} as const;

const NEVER = sql<SqlBool>`0`;

function isTextField(field: string): field is keyof typeof TEXT_COLUMNS {
  return Object.hasOwn(TEXT_COLUMNS, field);
}

function conditionExpression(eb: MetricsBuilder, { field, op, value }: FilterCondition): Expression<SqlBool> {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (field === 'agents__id') {
    const ids = values.filter((id): id is number => Number.isSafeInteger(id));
    return eb(
      'metrics.id',
      'in',
      eb
        .selectFrom('metric_agents')
        .select('metric_agents.metric_id')
        .where('metric_agents.agent_id', 'in', ids),
    );
  }
  if (!isTextField(field)) return NEVER;
  const column = TEXT_COLUMNS[field];
  const texts = values.filter((text): text is string => typeof text === 'string');
  switch (op) {
    case 'eq':
    case 'in':
      return eb(column, 'in', texts);
    case 'contains':
      return sql<SqlBool>`${eb.ref(column)} LIKE ${`%${escapeLike(texts[0] ?? '')}%`} ESCAPE '\\'`;
    default:
      return NEVER;
  }
}

/**
 * The SQL condition of a validated metrics-list filter (METRIC_FILTER_FIELDS): columns from an
 * allowlist, every value a bound parameter. Total: anything the validator would refuse matches
 * nothing instead of throwing.
 */
export function metricFilterExpression(eb: MetricsBuilder, filter: Filter): Expression<SqlBool> {
  if (!isFilterGroup(filter)) return conditionExpression(eb, filter);
  const parts = filter.conditions.map((condition) => metricFilterExpression(eb, condition));
  if (parts.length === 0) return NEVER;
  return filter.operator === 'or' ? eb.or(parts) : eb.and(parts);
}
