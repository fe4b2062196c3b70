import { lookupField, metadataKeyOf } from '../../contract/field-catalogue.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { METRIC_VALUE_FIELD } from '../../contract/widget-rules.ts';
import type { SqlParam } from '../analytics/analytics-database.ts';
import type { MetadataColumns } from '../analytics/metadata-slots.ts';
import { metadataSql, nameLookupSql, type Dimensions } from './filter-sql.ts';

/** How a plotted or grouped value is read and labelled. */
export type ValueKind = 'number' | 'boolean' | 'string' | 'datetime';

/**
 * Where a widget's values come from: the calls (`c`), or one metric's evaluations (`me`, joined to
 * `c` only when a call column is needed). `expr` is an SQL expression; `params` its bound values
 * (a metadata JSON path). Nothing user-typed is ever part of `expr`.
 */
export interface PlotSource {
  table: 'calls' | 'evaluations';
  expr: string;
  params: SqlParam[];
  kind: ValueKind;
  /** Metric ids read (evaluations only). */
  metricIds: number[];
}

const CALL_PLOT_COLUMNS: Record<string, { expr: string; kind: ValueKind }> = {
  duration: { expr: 'c.duration', kind: 'number' },
  success: { expr: 'c.success', kind: 'boolean' },
  is_reviewed: { expr: 'c.is_reviewed', kind: 'boolean' },
  call_ended_reason: { expr: 'c.call_ended_reason', kind: 'string' },
  dropoff_point: { expr: 'c.dropoff_point', kind: 'string' },
  topic: { expr: 'c.topic', kind: 'string' },
  customer_number: { expr: 'c.customer_number', kind: 'string' },
  agent_id: { expr: 'c.agent_id', kind: 'number' },
  id: { expr: 'c.id', kind: 'number' },
  timestamp: { expr: 'c.ts_ms', kind: 'datetime' },
};

/**
 * The value source of a plotted field; an unknown field reads NULL (an empty-valued series). A
 * promoted metadata key (`metadataColumns`) reads its column instead of the JSON.
 */
export function plotSource(
  field: string,
  metric: Metric | null,
  metadataColumns?: MetadataColumns,
): PlotSource {
  if (field === METRIC_VALUE_FIELD) {
    const evalType = metric?.eval_type ?? 'numeric';
    const kind: ValueKind = evalType === 'enum' ? 'string' : evalType === 'binary' ? 'boolean' : 'number';
    return {
      table: 'evaluations',
      // Binary metrics keep 1/0 in value_num (and 'true'/'false' in value_text).
      expr: kind === 'string' ? 'me.value_text' : 'me.value_num',
      params: [],
      kind,
      metricIds: metric ? [metric.id] : [],
    };
  }
  const column = CALL_PLOT_COLUMNS[field];
  if (column) return { table: 'calls', params: [], metricIds: [], ...column };
  const key = metadataKeyOf(field);
  if (key !== null) {
    const metadata = metadataSql(key, metadataColumns);
    return { table: 'calls', expr: metadata.sql, params: metadata.params, kind: 'string', metricIds: [] };
  }
  return { table: 'calls', expr: 'CAST(NULL AS VARCHAR)', params: [], kind: 'string', metricIds: [] };
}

/** A `group_by` field dimension (D1): an expression over the call `c` and how to label it. */
export interface GroupSource {
  expr: string;
  params: SqlParam[];
  kind: ValueKind | 'agent';
}

const GROUP_COLUMNS: Record<string, GroupSource> = {
  success: { expr: 'c.success', params: [], kind: 'boolean' },
  is_reviewed: { expr: 'c.is_reviewed', params: [], kind: 'boolean' },
  call_ended_reason: { expr: 'c.call_ended_reason', params: [], kind: 'string' },
  dropoff_point: { expr: 'c.dropoff_point', params: [], kind: 'string' },
  topic: { expr: 'c.topic', params: [], kind: 'string' },
  // Grouped by id and labelled with the agent's name afterwards (D1).
  'agent.id': { expr: 'c.agent_id', params: [], kind: 'agent' },
  agent_id: { expr: 'c.agent_id', params: [], kind: 'agent' },
};

/** The group source of a `group_by` field, or null when the field cannot group. */
export function groupSource(field: string, dimensions: Dimensions): GroupSource | null {
  const column = GROUP_COLUMNS[field];
  if (column) return column;
  if (field === 'agent.agent_name') {
    // Grouped by the name itself: two agents with one name are one group, as the API's SQL does.
    const lookup = nameLookupSql('c.agent_id', dimensions.agentNames);
    return { expr: lookup.sql, params: lookup.params, kind: 'string' };
  }
  const key = metadataKeyOf(field);
  if (key !== null) {
    const metadata = metadataSql(key, dimensions.metadataColumns);
    return { expr: metadata.sql, params: metadata.params, kind: 'string' };
  }
  return lookupField(field)?.groupable ? { expr: 'CAST(NULL AS VARCHAR)', params: [], kind: 'string' } : null;
}

export const NONE_LABEL = '(none)';

/**
 * The label of a stored value: "(none)" for null, "true"/"false" for booleans, numbers as
 * JavaScript prints them, agents by name when known (else the id as a string, D1). Pure, total.
 */
export function labelOf(
  value: unknown,
  kind: ValueKind | 'agent',
  agentNames?: ReadonlyMap<number, string>,
): string {
  if (value === null || value === undefined) return NONE_LABEL;
  if (kind === 'boolean' && typeof value === 'number') return value === 0 ? 'false' : 'true';
  if (kind === 'agent' && typeof value === 'number') return agentNames?.get(value) ?? String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}
