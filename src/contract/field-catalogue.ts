import type { AggregationFunction, ChartType, DataType, EvalType } from './enums.ts';
import type { FilterOp } from './filter-schema.ts';

/** Where a field comes from; the pickers group by it. */
export type FieldKind = 'call' | 'agent' | 'metadata' | 'metric';
export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  call: 'Call',
  agent: 'Agent',
  metadata: 'Metadata',
  metric: 'Metric evaluation',
};

/** The JSON type a filter value must have (D9); `dynamic` follows the metric's eval type. */
export type ValueType = 'integer' | 'number' | 'boolean' | 'string' | 'datetime' | 'dynamic';

export interface FieldSpec {
  /** Wire name. `metadata.*` stands for any top-level metadata key. */
  readonly field: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly dataType: DataType;
  readonly valueType: ValueType;
  /** Operators allowed in filters (contract 5.4 and D9); empty when the field cannot be filtered on. */
  readonly filterOps: readonly FilterOp[];
  /** Whether the field can be a widget's plotted `field` (contract 4.1). */
  readonly plottable: boolean;
  /** Whether the field can be a `group_by` `{"type":"field"}` dimension (D1). */
  readonly groupable: boolean;
  /** Unit of numeric values, for labels ("s" for seconds, D17). */
  readonly unit?: string;
}

const STRING_OPS: readonly FilterOp[] = [
  'eq',
  'neq',
  'contains',
  'startswith',
  'endswith',
  'in',
  'isnull',
  'regex',
];

/**
 * Every plottable and filterable field, once. Filter ops: contract 5.4 for call-log fields, D9 for the
 * related-model, metadata and metric-evaluation fields. Plot fields: contract 4.1 (note `agent_id` to
 * plot versus `agent.id` to filter).
 */
export const FIELD_CATALOGUE: readonly FieldSpec[] = [
  {
    field: 'id',
    label: 'Call ID',
    kind: 'call',
    dataType: 'numeric',
    valueType: 'integer',
    filterOps: ['eq', 'in', 'gt', 'gte', 'lt', 'lte'],
    plottable: false,
    groupable: false,
  },
  {
    field: 'timestamp',
    label: 'Call time',
    kind: 'call',
    dataType: 'datetime',
    valueType: 'datetime',
    filterOps: ['eq', 'gt', 'gte', 'lt', 'lte'],
    plottable: false,
    groupable: false,
  },
  {
    field: 'duration',
    label: 'Duration',
    kind: 'call',
    dataType: 'numeric',
    valueType: 'number',
    filterOps: ['eq', 'gt', 'gte', 'lt', 'lte'],
    plottable: true,
    groupable: false,
    unit: 's',
  },
  {
    field: 'success',
    label: 'Success',
    kind: 'call',
    dataType: 'boolean',
    valueType: 'boolean',
    filterOps: ['eq', 'neq', 'isnull'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'is_reviewed',
    label: 'Reviewed',
    kind: 'call',
    dataType: 'boolean',
    valueType: 'boolean',
    filterOps: ['eq'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'call_ended_reason',
    label: 'Ended reason',
    kind: 'call',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'neq', 'contains', 'in'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'dropoff_point',
    label: 'Drop-off point',
    kind: 'call',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'neq', 'contains', 'in', 'isnull'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'topic',
    label: 'Topic',
    kind: 'call',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'neq', 'contains', 'in', 'isnull'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'customer_number',
    label: 'Customer number',
    kind: 'call',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'neq', 'contains', 'startswith', 'in'],
    plottable: false,
    groupable: false,
  },
  {
    field: 'agent_id',
    label: 'Agent ID',
    kind: 'agent',
    dataType: 'numeric',
    valueType: 'integer',
    filterOps: [],
    plottable: true,
    groupable: false,
  },
  {
    field: 'agent.id',
    label: 'Agent',
    kind: 'agent',
    dataType: 'numeric',
    valueType: 'integer',
    filterOps: ['eq', 'neq', 'in'],
    plottable: false,
    groupable: true,
  },
  {
    field: 'agent.agent_name',
    label: 'Agent name',
    kind: 'agent',
    dataType: 'string',
    valueType: 'string',
    filterOps: STRING_OPS.filter((op) => op !== 'isnull'),
    plottable: false,
    groupable: true,
  },
  {
    field: 'metadata.*',
    label: 'Metadata',
    kind: 'metadata',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'neq', 'contains', 'startswith', 'endswith', 'in', 'isnull'],
    plottable: true,
    groupable: true,
  },
  {
    field: 'metric_evaluations.value',
    label: 'Metric value',
    kind: 'metric',
    dataType: 'dynamic',
    valueType: 'dynamic',
    filterOps: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'],
    plottable: true,
    groupable: false,
  },
  {
    field: 'metric_evaluations.metric.id',
    label: 'Metric',
    kind: 'metric',
    dataType: 'numeric',
    valueType: 'integer',
    filterOps: ['eq', 'in'],
    plottable: false,
    groupable: false,
  },
  {
    field: 'metric_evaluations.metric.name',
    label: 'Metric name',
    kind: 'metric',
    dataType: 'string',
    valueType: 'string',
    filterOps: ['eq', 'contains', 'in'],
    plottable: false,
    groupable: false,
  },
];

/** Top-level metadata keys only (contract 5.4), restricted to a safe identifier so they can be allowlisted. */
export const METADATA_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const METADATA_PREFIX = 'metadata.';

export function isMetadataField(field: string): boolean {
  return field.startsWith(METADATA_PREFIX);
}

/** The key of `metadata.<key>` when it is a valid top-level key, else null. */
export function metadataKeyOf(field: string): string | null {
  if (!isMetadataField(field)) return null;
  const key = field.slice(METADATA_PREFIX.length);
  return METADATA_KEY_PATTERN.test(key) ? key : null;
}

export function isMetricEvaluationField(field: string): boolean {
  return field.startsWith('metric_evaluations.');
}

const byField = new Map(FIELD_CATALOGUE.map((spec) => [spec.field, spec]));

/**
 * The catalogue entry of a wire field name, resolving `metadata.<key>` to the metadata entry with the
 * concrete name and a readable label. Unknown names and invalid metadata keys give undefined. Total.
 */
export function lookupField(field: string): FieldSpec | undefined {
  const direct = byField.get(field);
  if (direct && direct.field !== 'metadata.*') return direct;
  const key = metadataKeyOf(field);
  if (key === null) return undefined;
  const template = byField.get('metadata.*');
  return template ? { ...template, field, label: `Metadata: ${key}` } : undefined;
}

/** Human label of a field, falling back to the raw name. */
export function fieldLabel(field: string): string {
  return lookupField(field)?.label ?? field;
}

/** Chart types allowed per data type (contract 4.5). */
export const CHART_TYPES_BY_DATA_TYPE: Record<Exclude<DataType, 'dynamic'>, readonly ChartType[]> = {
  numeric: ['line', 'bar'],
  boolean: ['pie', 'bar'],
  string: ['pie', 'bar'],
  datetime: ['line', 'bar'],
};

/** Aggregations allowed per data type (contract 4.3/4.5; percentiles numeric only, an inference the contract notes). */
export const AGGREGATIONS_BY_DATA_TYPE: Record<
  Exclude<DataType, 'dynamic'>,
  readonly AggregationFunction[]
> = {
  numeric: ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99'],
  boolean: ['count', 'avg'],
  string: ['count'],
  datetime: ['count', 'min', 'max'],
};

/** How a metric's eval type behaves for charts (D22). */
export const METRIC_EVAL_RULES: Record<
  EvalType,
  { dataType: Exclude<DataType, 'dynamic'>; chartTypes: readonly ChartType[] }
> = {
  binary: { dataType: 'boolean', chartTypes: ['pie', 'bar'] },
  continuous_qualitative: { dataType: 'numeric', chartTypes: ['line', 'bar', 'pie'] },
  numeric: { dataType: 'numeric', chartTypes: ['line', 'bar', 'pie'] },
  enum: { dataType: 'string', chartTypes: ['pie'] },
};

export const EVAL_TYPE_LABELS: Record<EvalType, string> = {
  binary: 'Binary',
  continuous_qualitative: 'Continuous (qualitative)',
  numeric: 'Numeric',
  enum: 'Enum',
};

/** Human operator labels for the filter builder. */
export const FILTER_OP_LABELS: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'greater than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  contains: 'contains',
  startswith: 'starts with',
  endswith: 'ends with',
  in: 'is one of',
  isnull: 'is empty',
  regex: 'matches regex',
};
