import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregationFunction, ChartType, TimePeriod } from '../../contract/enums.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import type { PieSlice } from '../../contract/widget-data-schema.ts';
import { computeWidgetData, type WidgetDataRequest } from './chart-data.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import {
  referenceBars,
  referenceGroupLabel,
  referenceLine,
  referencePie,
  referenceRows,
  referenceStat,
  type ReferenceRow,
} from '../test-support/engine-reference-chart.ts';
import {
  buildEngineFixture,
  HOSTILE_STRINGS,
  insertEngineFixture,
  type FixtureMetric,
} from '../test-support/engine-test-fixture.ts';

/**
 * Differential chart test: for random widget configurations and filters over the fixture, the
 * engine's bar/pie/stat/line data (with field and bucket group_by) equals a plain JavaScript
 * reference computed over the same rows, for every aggregation including percentiles.
 */

const fixture = buildEngineFixture();
let database: OpenDatabase;
beforeAll(async () => {
  database = openDatabase(':memory:');
  await insertEngineFixture(database, fixture);
});
afterAll(() => database.close());

function toMetric(metric: FixtureMetric): Metric {
  return {
    id: metric.id,
    name: metric.name,
    project: metric.project_id,
    eval_type: metric.eval_type,
    function_name: metric.function_name,
  };
}

/**
 * Deep equality where numbers may differ by a relative 1e-9: SQL and JavaScript sum floats in
 * different orders. Everything else (labels, counts, order, keys) must match exactly.
 */
function expectClose(actual: unknown, expected: unknown, path = 'data'): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
    if (Math.abs(actual - expected) > 1e-9 * scale) expect(actual, path).toBe(expected);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    expect(actual.length, `${path}.length`).toBe(expected.length);
    actual.forEach((item: unknown, i) => expectClose(item, expected[i], `${path}[${i}]`));
    return;
  }
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    const expectedEntries = new Map(Object.entries(expected));
    for (const [key, value] of Object.entries(actual))
      expectClose(value, expectedEntries.get(key), `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

const RESIDUALS: Filter[] = [
  { operator: 'and', conditions: [] },
  { field: 'agent.id', op: 'in', value: [1, 2, 4] },
  { field: 'success', op: 'neq', value: false },
  { field: 'topic', op: 'contains', value: 'bill' },
  { field: 'metadata.org_name', op: 'contains', value: '%' },
  { field: 'call_ended_reason', op: 'neq', value: HOSTILE_STRINGS[0] },
  {
    operator: 'or',
    conditions: [
      { field: 'duration', op: 'gt', value: 100 },
      { field: 'metadata.region', op: 'isnull', value: true },
    ],
  },
  {
    operator: 'same_row',
    conditions: [
      { field: 'metric_evaluations.metric.name', op: 'eq', value: 'CSAT' },
      { field: 'metric_evaluations.value', op: 'gte', value: 3 },
    ],
  },
  { field: 'timestamp', op: 'lt', value: 'today-3d' },
];

const filterArb: fc.Arbitrary<Filter> = fc
  .record({
    from: fc.integer({ min: 2, max: 42 }),
    fromUnit: fc.constantFrom('d', 'd', 'd', 'h'),
    anchor: fc.constantFrom('now', 'today'),
    fromOp: fc.constantFrom('gte' as const, 'gt' as const),
    to: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    residual: fc.constantFrom(...RESIDUALS),
  })
  .map(({ from, fromUnit, anchor, fromOp, to, residual }): Filter => {
    const conditions: Filter[] = [{ field: 'timestamp', op: fromOp, value: `${anchor}-${from}${fromUnit}` }];
    if (to !== null)
      conditions.push({ field: 'timestamp', op: 'lte', value: to === 0 ? 'now' : `now-${to}d` });
    conditions.push(residual);
    return { operator: 'and', conditions };
  });

const PLOT_FIELDS = [
  'duration',
  'success',
  'is_reviewed',
  'call_ended_reason',
  'dropoff_point',
  'topic',
  'agent_id',
  'metadata.region',
  'metadata.org_name',
  'metric_evaluations.value',
];
const GROUP_FIELDS = ['agent.id', 'success', 'topic', 'call_ended_reason', 'metadata.region'];
const AGGREGATIONS: AggregationFunction[] = ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99'];
const PERIODS: TimePeriod[] = ['hour', 'day', 'week', 'month'];

interface Config {
  chartType: ChartType;
  field: string;
  metric: FixtureMetric | null;
  aggregation: AggregationFunction;
  period: TimePeriod;
  groupBy: { type: 'field'; field: string } | { type: 'bucket'; interval: number } | null;
  filter: Filter;
  projectIds: number[];
}

const configArb: fc.Arbitrary<Config> = fc.record({
  chartType: fc.constantFrom<ChartType>('line', 'bar', 'pie'),
  field: fc.constantFrom(...PLOT_FIELDS),
  metric: fc.constantFrom(...fixture.metrics),
  aggregation: fc.constantFrom(...AGGREGATIONS),
  period: fc.constantFrom(...PERIODS),
  groupBy: fc.oneof(
    fc.constant(null),
    fc.constantFrom(...GROUP_FIELDS).map((field) => ({ type: 'field' as const, field })),
    fc
      .constantFrom(60_000 * 37, 3_600_000, 7_200_000, 86_400_000)
      .map((interval) => ({ type: 'bucket' as const, interval })),
  ),
  filter: filterArb,
  projectIds: fc.constantFrom<number[]>([1, 2], [1, 2], [1], [2]),
});

function engineData(config: Config, maxPoints?: number) {
  const metric = config.field === 'metric_evaluations.value' ? config.metric : null;
  const request: WidgetDataRequest = {
    widget: {
      chart_type: config.chartType,
      field: config.field,
      metric: metric?.id ?? null,
      aggregation_function: config.aggregation,
      time_period: config.period,
      group_by: config.groupBy,
    },
    filter: config.filter,
    projectIds: config.projectIds,
    now: fixture.now,
    metric: metric ? toMetric(metric) : null,
    maxPoints,
  };
  return computeWidgetData(database, request, null);
}

function referenceData(config: Config) {
  const metric = config.field === 'metric_evaluations.value' ? config.metric : null;
  const rows = referenceRows({
    fixture,
    filter: config.filter,
    now: fixture.now,
    projectIds: config.projectIds,
    field: config.field,
    metric,
  });
  const kind =
    metric !== null
      ? metric.eval_type === 'enum'
        ? 'string'
        : metric.eval_type === 'binary'
          ? 'boolean'
          : 'number'
      : ['success', 'is_reviewed'].includes(config.field)
        ? 'boolean'
        : ['duration', 'agent_id'].includes(config.field)
          ? 'number'
          : 'string';
  const groupBy = config.groupBy;
  const groupOf =
    groupBy?.type === 'field' && config.chartType !== 'pie'
      ? (row: ReferenceRow) => referenceGroupLabel(row.call, groupBy.field, fixture)
      : null;
  if (config.chartType === 'pie') return referencePie(rows, kind === 'boolean');
  if (config.chartType === 'line' && groupBy?.type !== 'bucket') return referenceLine(rows, groupOf);
  const spec = groupBy?.type === 'bucket' ? { interval: groupBy.interval } : { period: config.period };
  return referenceBars(rows, spec, config.aggregation, kind !== 'string', groupOf);
}

function checkPercentages(slices: PieSlice[]) {
  if (slices.length === 0) return;
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const sum = slices.reduce((s, slice) => s + slice.percentage, 0);
  expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.1);
  for (const slice of slices) {
    expect(Math.abs(slice.percentage - (100 * slice.value) / total)).toBeLessThanOrEqual(0.1);
    expect(Math.round(slice.percentage * 10)).toBeCloseTo(slice.percentage * 10, 6);
  }
}

describe('computeWidgetData differential test', () => {
  // Hundreds of generated cases against DuckDB: minutes on a loaded 2-core machine, not a hang.
  it('equals the JavaScript reference for bar, pie, line, group_by and bucket', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (config) => {
        const engine = (await engineData(config)).data;
        const reference = referenceData(config);
        if (config.chartType === 'pie') {
          if (!Array.isArray(engine)) throw new Error('pie data must be an array');
          const slices = engine.map((item) => ({
            label: item.label,
            value: item.value,
            percentage: item.percentage,
          }));
          expect(slices.map(({ label, value }) => ({ label, value }))).toEqual(reference);
          checkPercentages(
            engine.map((item) => ({
              label: String(item.label),
              value: Number(item.value),
              percentage: Number(item.percentage),
            })),
          );
          return;
        }
        expectClose(engine, reference);
      }),
      { numRuns: 400 },
    );
  }, 180_000);

  it('downsampled lines keep at most max_points per series, drawn from the full series', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, fc.integer({ min: 3, max: 40 }), async (config, maxPoints) => {
        const line = {
          ...config,
          chartType: 'line' as const,
          field: 'duration',
          groupBy: config.groupBy?.type === 'field' ? config.groupBy : null,
        };
        const full = (await engineData(line)).data;
        const sampled = (await engineData(line, maxPoints)).data;
        if (!Array.isArray(full) || !Array.isArray(sampled)) throw new Error('line data must be an array');
        const keys = new Set(full.map((point) => JSON.stringify(point)));
        for (const point of sampled) expect(keys.has(JSON.stringify(point))).toBe(true);
        const perGroup = new Map<unknown, number>();
        for (const point of sampled) perGroup.set(point.group, (perGroup.get(point.group) ?? 0) + 1);
        for (const count of perGroup.values()) expect(count).toBeLessThanOrEqual(maxPoints);
        if (line.groupBy === null) {
          // Short series come back whole; longer ones are LTTB-sampled from their non-null points.
          const placed = full.filter((point) => point.value !== null).length;
          const expected = full.length <= maxPoints ? full.length : Math.min(maxPoints, placed);
          expect(sampled.length).toBe(expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('equals the JavaScript reference for stat (D3)', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom<number[]>([1, 2], [1], [2]), async (filter, projectIds) => {
        const engine = await computeWidgetData(
          database,
          { widget: { chart_type: 'stat', field: '' }, filter, projectIds, now: fixture.now, metric: null },
          null,
        );
        const reference = referenceStat({ fixture, filter, now: fixture.now, projectIds });
        const data = engine.data;
        if (Array.isArray(data)) throw new Error('stat data must be an object');
        expect(data.total_calls).toBe(reference.total_calls);
        expect(data.success_rate).toBe(reference.success_rate);
        // Averages and interpolated percentiles are rounded to one decimal after float arithmetic
        // that SQL and JavaScript do in different orders: a value on a .x5 boundary may round
        // either way, so they agree to within one rounding step.
        for (const key of ['avg_duration', 'p95_latency'] as const) {
          const [a, b] = [data[key], reference[key]];
          if (a === null || b === null) expect(a).toBe(b);
          else expect(Math.abs(a - b)).toBeLessThanOrEqual(0.1 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the generated cases are not trivially empty', () => {
    const samples = fc.sample(configArb, { numRuns: 200, seed: 7 });
    const nonEmpty = samples.filter((config) => {
      const data = referenceData(config);
      return Array.isArray(data) && data.length > 1;
    });
    expect(nonEmpty.length).toBeGreaterThan(100);
  });
});
