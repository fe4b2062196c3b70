import type { AggregationFunction, TimePeriod } from '../../contract/enums.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { BarBucket, LinePoint, PieSlice, StatData } from '../../contract/widget-data-schema.ts';
import { callMatchesFilter } from './engine-reference-filter.ts';
import type { EngineFixture, FixtureCall, FixtureMetric } from './engine-test-fixture.ts';

/**
 * Plain JavaScript reference computations of chart data over the engine fixture, written from the
 * documented semantics (docs/decisions/0002) without SQL: the differential chart test compares the
 * engine against these. Deliberately simple: filter every row, bucket with Date's UTC getters, sort
 * and interpolate percentiles by hand.
 */

export interface ReferenceRow {
  id: number;
  ts: number;
  value: number | string | null;
  call: FixtureCall;
}

export interface ReferenceQuery {
  fixture: EngineFixture;
  filter: Filter;
  now: Date;
  projectIds: number[];
  field: string;
  metric: FixtureMetric | null;
}

const CALL_VALUES: Record<string, (call: FixtureCall) => number | string | null> = {
  duration: (call) => call.duration,
  success: (call) => call.success,
  is_reviewed: (call) => call.is_reviewed,
  call_ended_reason: (call) => call.call_ended_reason,
  dropoff_point: (call) => call.dropoff_point,
  topic: (call) => call.topic,
  agent_id: (call) => call.agent_id,
};

/** The rows a widget reads: matching calls, or the chosen metric's evaluations of matching calls. */
export function referenceRows(query: ReferenceQuery): ReferenceRow[] {
  const { fixture, filter, now, projectIds, field, metric } = query;
  const calls = fixture.calls.filter(
    (call) => projectIds.includes(call.project_id) && callMatchesFilter(call, filter, fixture, now),
  );
  if (field === 'metric_evaluations.value') {
    if (!metric || !projectIds.includes(metric.project_id)) return [];
    const byId = new Map(calls.map((call) => [call.id, call]));
    return fixture.evaluations.flatMap((evaluation) => {
      const call = byId.get(evaluation.call_id);
      if (evaluation.metric_id !== metric.id || !call) return [];
      const value = metric.eval_type === 'enum' ? evaluation.value_text : evaluation.value_num;
      return [{ id: call.id, ts: evaluation.ts_ms, value, call }];
    });
  }
  const read =
    CALL_VALUES[field] ?? ((call: FixtureCall) => call.metadata?.[field.replace(/^metadata\./, '')] ?? null);
  return calls.map((call) => ({ id: call.id, ts: call.ts_ms, value: read(call), call }));
}

export function referenceGroupLabel(call: FixtureCall, field: string, fixture: EngineFixture): string {
  if (field === 'agent.id') {
    if (call.agent_id === null) return '(none)';
    return fixture.agents.find((agent) => agent.id === call.agent_id)?.agent_name ?? String(call.agent_id);
  }
  const read = CALL_VALUES[field];
  const value = read ? read(call) : (call.metadata?.[field.replace(/^metadata\./, '')] ?? null);
  if (value === null) return '(none)';
  if (field === 'success' || field === 'is_reviewed') return value === 1 ? 'true' : 'false';
  return String(value);
}

export function referenceBucketStart(
  ts: number,
  spec: { period: TimePeriod } | { interval: number },
): number {
  if ('interval' in spec) return Math.floor(ts / spec.interval) * spec.interval;
  const date = new Date(ts);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (spec.period === 'hour') return Date.UTC(y, m, d, date.getUTCHours());
  if (spec.period === 'day') return Date.UTC(y, m, d);
  if (spec.period === 'month') return Date.UTC(y, m, 1);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return Date.UTC(y, m, d - daysSinceMonday);
}

/** Linear interpolation between closest ranks over the sorted values (numpy's default). */
export function referencePercentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? 0;
  return low + (high - low) * (position - lower);
}

export function referenceAggregate(
  rows: ReferenceRow[],
  aggregation: AggregationFunction,
  numeric: boolean,
): number | null {
  if (aggregation === 'count') return rows.length;
  if (!numeric) return null;
  const values = rows.map((row) => row.value).filter((value): value is number => typeof value === 'number');
  if (values.length === 0) return null;
  switch (aggregation) {
    case 'sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'p50':
      return referencePercentile(values, 0.5);
    case 'p95':
      return referencePercentile(values, 0.95);
    case 'p99':
      return referencePercentile(values, 0.99);
  }
}

export function referenceBars(
  rows: ReferenceRow[],
  spec: { period: TimePeriod } | { interval: number },
  aggregation: AggregationFunction,
  numeric: boolean,
  groupOf: ((row: ReferenceRow) => string) | null,
): BarBucket[] {
  const buckets = new Map<string, { start: number; group: string | null; rows: ReferenceRow[] }>();
  for (const row of rows) {
    const start = referenceBucketStart(row.ts, spec);
    const group = groupOf ? groupOf(row) : null;
    const key = `${start}|${group ?? ''}`;
    const bucket = buckets.get(key) ?? { start, group, rows: [] };
    bucket.rows.push(row);
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .sort(
      (a, b) =>
        a.start - b.start ||
        ((a.group ?? '') < (b.group ?? '') ? -1 : (a.group ?? '') > (b.group ?? '') ? 1 : 0),
    )
    .map((bucket) => {
      const out: BarBucket = {
        time_interval: new Date(bucket.start).toISOString(),
        value: referenceAggregate(bucket.rows, aggregation, numeric),
        sample_count: bucket.rows.length,
      };
      if (bucket.group !== null) out.group = bucket.group;
      return out;
    });
}

export function referencePie(rows: ReferenceRow[], boolean: boolean): Omit<PieSlice, 'percentage'>[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const label =
      row.value === null ? '(none)' : boolean ? (row.value === 0 ? 'false' : 'true') : String(row.value);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, value]) => ({ label, value }));
}

export function referenceLine(
  rows: ReferenceRow[],
  groupOf: ((row: ReferenceRow) => string) | null,
): LinePoint[] {
  return [...rows]
    .sort((a, b) => a.ts - b.ts || a.id - b.id)
    .map((row) => {
      const point: LinePoint = {
        id: row.id,
        timestamp: new Date(row.ts).toISOString(),
        value: typeof row.value === 'number' ? row.value : null,
      };
      if (groupOf) point.group = groupOf(row);
      return point;
    });
}

const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function referenceStat(query: Omit<ReferenceQuery, 'field' | 'metric'>): StatData {
  const calls = referenceRows({ ...query, field: 'duration', metric: null }).map((row) => row.call);
  const known = calls.filter((call) => call.success !== null);
  const durations = calls.map((call) => call.duration).filter((d): d is number => d !== null);
  const ids = new Set(calls.map((call) => call.id));
  const latencyMetrics = query.fixture.metrics.filter(
    (metric) => metric.function_name === 'get_latency' && query.projectIds.includes(metric.project_id),
  );
  const latencies = query.fixture.evaluations
    .filter((e) => ids.has(e.call_id) && latencyMetrics.some((m) => m.id === e.metric_id))
    .map((e) => e.value_num)
    .filter((v): v is number => v !== null);
  return {
    total_calls: calls.length,
    success_rate:
      known.length === 0 ? null : tenth((100 * known.filter((c) => c.success === 1).length) / known.length),
    avg_duration:
      durations.length === 0 ? null : tenth(durations.reduce((s, d) => s + d, 0) / durations.length),
    p95_latency: tenth(referencePercentile(latencies, 0.95)),
  };
}
