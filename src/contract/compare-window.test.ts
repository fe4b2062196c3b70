import {
  alignComparedResponse,
  compareWindow,
  describeDuration,
  previousPeriodRequest,
  shiftFilterTimes,
} from './compare-window.ts';
import type { Filter } from './filter-schema.ts';

const now = new Date('2026-12-07T12:00:00Z');
const since = (value: string, extra: Filter[] = []): Filter => ({
  operator: 'and',
  conditions: [{ field: 'timestamp', op: 'gte', value }, ...extra],
});

describe('compareWindow', () => {
  it('moves a 7-day window back by its own length, in words', () => {
    const window = compareWindow(since('now-7d'), 'period', now);
    expect(window).toEqual({
      ok: true,
      offsetMs: 7 * 86_400_000,
      from: Date.parse('2026-11-23T12:00:00Z'),
      to: Date.parse('2026-11-30T12:00:00Z'),
      description: 'the previous 7 days (23 Nov – 30 Nov 2026)',
    });
  });
  it('a fixed offset', () => {
    const window = compareWindow(since('now-1d'), '1w', now);
    expect(window.ok && window.description).toBe('7 days earlier (29 Nov – 30 Nov 2026)');
  });
  it('refuses a window that would start more than 30 days ago, offering the largest that fits', () => {
    const window = compareWindow(since('now-20d'), 'period', now);
    expect(window).toEqual({
      ok: false,
      message:
        'Cekura keeps 30 days of data, so a window moved back 20 days would start too early. The largest offset that fits is 9 days.',
      // 10 days minus the 10-minute margin, in whole days.
      largestOffsetMs: 9 * 86_400_000,
    });
  });
  it('has nothing to offer when the window already starts 30 days ago', () => {
    const window = compareWindow(since('now-30d'), '1d', now);
    expect(window.ok).toBe(false);
    expect(!window.ok && window.largestOffsetMs).toBeNull();
  });
  it('needs a start', () => {
    expect(compareWindow(null, 'period', now).ok).toBe(false);
  });
  it('measures an absolute window between its bounds', () => {
    const filter = since('2026-12-01T00:00:00Z', [
      { field: 'timestamp', op: 'lt', value: '2026-12-03T00:00:00Z' },
    ]);
    const window = compareWindow(filter, 'period', now);
    expect(window.ok && [window.offsetMs, new Date(window.from).toISOString()]).toEqual([
      2 * 86_400_000,
      '2026-11-29T00:00:00.000Z',
    ]);
  });
});

describe('shiftFilterTimes', () => {
  it('moves every timestamp value back and writes it absolute; other leaves untouched', () => {
    const agent: Filter = { field: 'agent.id', op: 'eq', value: 3 };
    const filter: Filter = {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: 'now-7d' },
        agent,
        { operator: 'or', conditions: [{ field: 'timestamp', op: 'lt', value: '2026-12-06T00:00:00Z' }] },
      ],
    };
    const shifted = shiftFilterTimes(filter, 86_400_000, now);
    expect(shifted).toEqual({
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: '2026-11-29T12:00:00.000Z' },
        agent,
        { operator: 'or', conditions: [{ field: 'timestamp', op: 'lt', value: '2026-12-05T00:00:00.000Z' }] },
      ],
    });
  });
  it('returns the same reference without time leaves', () => {
    const filter: Filter = { operator: 'and', conditions: [{ field: 'topic', op: 'eq', value: 'x' }] };
    expect(shiftFilterTimes(filter, 1, now)).toBe(filter);
  });
});

it.each([
  [86_400_000, '1 day'],
  [7 * 86_400_000, '7 days'],
  [28 * 86_400_000, '4 weeks'],
  [36 * 3_600_000, '36 hours'],
])('describeDuration %d', (ms, text) => {
  expect(describeDuration(ms)).toBe(text);
});

describe('previousPeriodRequest', () => {
  const widget = {
    chart_type: 'line' as const,
    field: 'duration',
    metric: null,
    aggregation_function: null,
    time_period: null,
    group_by: null,
    data_type: null,
    filters: { field: 'topic', op: 'eq' as const, value: 'billing' },
  };
  it('moves the dashboard filters back, ends the compared window where the current one began, keeps the widget’s own', () => {
    const request = previousPeriodRequest(widget, { id: 4, filters: since('now-7d') }, 'period', now);
    expect(request.ok && request.body).toEqual({
      ...widget,
      dashboard: 4,
      dashboard_filters: {
        operator: 'and',
        conditions: [
          {
            operator: 'and',
            conditions: [{ field: 'timestamp', op: 'gte', value: '2026-11-23T12:00:00.000Z' }],
          },
          { field: 'timestamp', op: 'lt', value: '2026-11-30T12:00:00.000Z' },
        ],
      },
    });
  });
  it('sends nothing when the window does not fit', () => {
    expect(previousPeriodRequest(widget, { id: 4, filters: since('now-30d') }, 'period', now).ok).toBe(false);
  });
});

it('alignComparedResponse moves bucket starts and point times forward', () => {
  const response = {
    widget_id: null,
    field_name: 'duration',
    chart_type: 'bar',
    data: [{ time_interval: '2026-11-23T00:00:00Z', value: 3, sample_count: 9 }],
    aggregation_function: null,
    time_period: 'day',
    group_by: null,
    metadata: { display_name: 'Duration', data_type: 'numeric' as const },
  };
  expect(alignComparedResponse(response, 7 * 86_400_000).data).toEqual([
    { time_interval: '2026-11-30T00:00:00.000Z', value: 3, sample_count: 9 },
  ]);
  expect(response.data[0]?.time_interval).toBe('2026-11-23T00:00:00Z');
});
