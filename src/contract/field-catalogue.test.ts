import { AGGREGATION_FUNCTIONS, CHART_TYPES, EVAL_TYPES } from './enums.ts';
import {
  AGGREGATIONS_BY_DATA_TYPE,
  CHART_TYPES_BY_DATA_TYPE,
  FIELD_CATALOGUE,
  FILTER_OP_LABELS,
  METRIC_EVAL_RULES,
  fieldLabel,
  isMetadataField,
  isMetricEvaluationField,
  lookupField,
  metadataKeyOf,
} from './field-catalogue.ts';
import { FILTER_OPS } from './filter-schema.ts';

describe('lookupField', () => {
  it.each([
    ['duration', 'duration', 'numeric', 'number'],
    ['agent.id', 'agent.id', 'numeric', 'integer'],
    ['agent_id', 'agent_id', 'numeric', 'integer'],
    ['timestamp', 'timestamp', 'datetime', 'datetime'],
    ['metric_evaluations.value', 'metric_evaluations.value', 'dynamic', 'dynamic'],
    ['metadata.region', 'metadata.region', 'string', 'string'],
    ['metadata._x9', 'metadata._x9', 'string', 'string'],
  ])('%s', (name, field, dataType, valueType) => {
    const spec = lookupField(name);
    expect(spec?.field).toBe(field);
    expect(spec?.dataType).toBe(dataType);
    expect(spec?.valueType).toBe(valueType);
  });

  it.each([
    '',
    'nope',
    'metadata.*',
    'metadata.',
    'metadata.a.b',
    'metadata.9x',
    'metadata.a-b',
    `metadata.${'k'.repeat(65)}`,
    'Duration',
    'agent',
  ])('%j is unknown', (name) => {
    expect(lookupField(name)).toBeUndefined();
  });

  it('labels metadata fields by key', () => {
    expect(lookupField('metadata.org_name')?.label).toBe('Metadata: org_name');
  });
});

describe('metadata helpers', () => {
  it.each([
    ['metadata.region', true, 'region'],
    ['metadata.a.b', true, null],
    ['metadata.', true, null],
    ['meta.region', false, null],
    ['region', false, null],
  ])('%s', (field, isMeta, key) => {
    expect(isMetadataField(field)).toBe(isMeta);
    expect(metadataKeyOf(field)).toBe(key);
  });

  it.each([
    ['metric_evaluations.value', true],
    ['metric_evaluations.metric.id', true],
    ['metric_evaluations', false],
    ['duration', false],
  ])('isMetricEvaluationField(%s) is %s', (field, expected) => {
    expect(isMetricEvaluationField(field)).toBe(expected);
  });

  it.each([
    ['duration', 'Duration'],
    ['metadata.region', 'Metadata: region'],
    ['unknown_field', 'unknown_field'],
  ])('fieldLabel(%s) is %s', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});

describe('FIELD_CATALOGUE against the contract', () => {
  it('has each field once', () => {
    const names = FIELD_CATALOGUE.map((spec) => spec.field);
    expect(new Set(names).size).toBe(names.length);
  });

  // The filter fields the OpenAPI dashboards description lists (contract 5.4).
  it.each([
    'id',
    'success',
    'duration',
    'customer_number',
    'call_ended_reason',
    'dropoff_point',
    'topic',
    'timestamp',
    'is_reviewed',
    'agent.id',
    'agent.agent_name',
    'metadata.region',
    'metric_evaluations.value',
  ])('filter field %s is filterable', (field) => {
    expect(lookupField(field)?.filterOps.length).toBeGreaterThan(0);
  });

  // Contract 5.4 for call-log fields, D9 for the rest.
  it.each([
    ['id', ['eq', 'in', 'gt', 'gte', 'lt', 'lte']],
    ['success', ['eq', 'neq', 'isnull']],
    ['duration', ['eq', 'gt', 'gte', 'lt', 'lte']],
    ['customer_number', ['eq', 'neq', 'contains', 'startswith', 'in']],
    ['call_ended_reason', ['eq', 'neq', 'contains', 'in']],
    ['dropoff_point', ['eq', 'neq', 'contains', 'in', 'isnull']],
    ['topic', ['eq', 'neq', 'contains', 'in', 'isnull']],
    ['timestamp', ['eq', 'gt', 'gte', 'lt', 'lte']],
    ['is_reviewed', ['eq']],
    ['metadata.region', ['eq', 'neq', 'contains', 'startswith', 'endswith', 'in', 'isnull']],
    ['agent.id', ['eq', 'neq', 'in']],
    ['agent.agent_name', ['eq', 'neq', 'contains', 'startswith', 'endswith', 'in', 'regex']],
    ['metric_evaluations.value', ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in']],
    ['metric_evaluations.metric.id', ['eq', 'in']],
    ['metric_evaluations.metric.name', ['eq', 'contains', 'in']],
    ['agent_id', []],
  ])('%s allows %j', (field, ops) => {
    expect([...(lookupField(field)?.filterOps ?? [])].sort()).toEqual([...ops].sort());
  });

  // Contract 4.1: plottable fields and their types.
  it.each([
    ['duration', 'numeric'],
    ['success', 'boolean'],
    ['is_reviewed', 'boolean'],
    ['call_ended_reason', 'string'],
    ['dropoff_point', 'string'],
    ['topic', 'string'],
    ['agent_id', 'numeric'],
    ['metric_evaluations.value', 'dynamic'],
    ['metadata.org_name', 'string'],
  ])('%s is plottable as %s', (field, dataType) => {
    expect(lookupField(field)?.plottable).toBe(true);
    expect(lookupField(field)?.dataType).toBe(dataType);
  });

  it.each(['timestamp', 'id', 'agent.id', 'customer_number', 'metric_evaluations.metric.id'])(
    '%s is not plottable',
    (field) => {
      expect(lookupField(field)?.plottable).toBe(false);
    },
  );
});

describe('combination tables (contract 4.5, D22)', () => {
  it.each([
    ['numeric', ['line', 'bar'], ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99']],
    ['boolean', ['pie', 'bar'], ['count', 'avg']],
    ['string', ['pie', 'bar'], ['count']],
    ['datetime', ['line', 'bar'], ['count', 'min', 'max']],
  ] as const)('%s', (dataType, charts, aggregations) => {
    expect([...CHART_TYPES_BY_DATA_TYPE[dataType]].sort()).toEqual([...charts].sort());
    expect(AGGREGATIONS_BY_DATA_TYPE[dataType]).toEqual(aggregations);
    for (const agg of AGGREGATIONS_BY_DATA_TYPE[dataType]) expect(AGGREGATION_FUNCTIONS).toContain(agg);
  });

  it.each([
    ['binary', 'boolean', ['pie', 'bar']],
    ['continuous_qualitative', 'numeric', ['line', 'bar', 'pie']],
    ['numeric', 'numeric', ['line', 'bar', 'pie']],
    ['enum', 'string', ['pie']],
  ] as const)('%s metrics', (evalType, dataType, charts) => {
    expect(METRIC_EVAL_RULES[evalType].dataType).toBe(dataType);
    expect([...METRIC_EVAL_RULES[evalType].chartTypes].sort()).toEqual([...charts].sort());
  });

  it('covers every eval type, and never offers stat for a field', () => {
    expect(Object.keys(METRIC_EVAL_RULES).sort()).toEqual([...EVAL_TYPES].sort());
    const offered = [
      ...Object.values(CHART_TYPES_BY_DATA_TYPE),
      ...Object.values(METRIC_EVAL_RULES).map((r) => r.chartTypes),
    ].flat();
    expect(offered).not.toContain('stat');
    for (const chart of offered) expect(CHART_TYPES).toContain(chart);
  });

  it('labels every filter operator', () => {
    expect(Object.keys(FILTER_OP_LABELS).sort()).toEqual([...FILTER_OPS].sort());
    for (const label of Object.values(FILTER_OP_LABELS)) expect(label.length).toBeGreaterThan(0);
  });
});
