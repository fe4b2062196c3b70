import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MetricListResponseSchema, type Metric } from '../../contract/metric-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import { WidgetSchema, type Widget } from '../../contract/widget-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const WidgetPageSchema = paginated(WidgetSchema);
const ErrorSchema = z.record(z.string(), z.array(z.string()));

let server: TestServer;
let metrics: Metric[];
const metricId = (slug: string) => metrics.find((m) => m.slug === slug)?.id ?? -1;

beforeAll(async () => {
  server = createTestServer({ calls: 100, now: NOW });
  metrics = MetricListResponseSchema.parse(
    (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${server.projectIds[0]}`)).body,
  );
});
afterAll(() => server.close());

async function createWidget(body: Record<string, unknown>): Promise<Widget> {
  const result = await callApi(server, 'POST', '/dashboards/widgets/', { body: { dashboard: 1, ...body } });
  expect(result.status).toBe(201);
  return WidgetSchema.parse(result.body);
}

describe('GET /dashboards/widgets/', () => {
  it('lists widgets, narrowed by dashboard_id', async () => {
    const all = WidgetPageSchema.parse((await callApi(server, 'GET', '/dashboards/widgets/')).body);
    expect(all.count).toBeGreaterThanOrEqual(14);
    const one = WidgetPageSchema.parse(
      (await callApi(server, 'GET', '/dashboards/widgets/?dashboard_id=2')).body,
    );
    expect(one.results.length).toBe(7);
    expect(one.results.every((w) => w.dashboard === 2)).toBe(true);
    const paged = WidgetPageSchema.parse(
      (await callApi(server, 'GET', '/dashboards/widgets/?page_size=5&page=2')).body,
    );
    expect(paged.results.map((w) => w.id)).toEqual(all.results.slice(5, 10).map((w) => w.id));
    expect((await callApi(server, 'GET', '/dashboards/widgets/?dashboard_id=999')).status).toBe(404);
  });
});

describe('POST /dashboards/widgets/', () => {
  it('creates with 201, effective_filters and metric_name', async () => {
    const widget = await createWidget({
      name: 'Latency',
      chart_type: 'line',
      field: 'metric_evaluations.value',
      metric: metricId('latency'),
      filters: { field: 'success', op: 'eq', value: true },
      metadata: { layout: { x: 0, y: 0, w: 4, h: 3 }, theirs: { keep: true } },
    });
    expect(widget.metric_name).toBe('Latency');
    expect(widget.effective_filters).toEqual({
      operator: 'and',
      conditions: [
        {
          operator: 'and',
          conditions: [
            { field: 'timestamp', op: 'gte', value: 'today-7d' },
            { field: 'timestamp', op: 'lte', value: 'now' },
          ],
        },
        { field: 'success', op: 'eq', value: true },
      ],
    });
    expect(widget.metadata).toEqual({ layout: { x: 0, y: 0, w: 4, h: 3 }, theirs: { keep: true } });
  });

  it('ignores read-only and unknown fields', async () => {
    const widget = await createWidget({
      chart_type: 'stat',
      id: 424242,
      effective_filters: { field: 'x', op: 'eq', value: 1 },
      metric_name: 'fake',
      created_at: '2000-01-01T00:00:00Z',
      colour: 'red',
    });
    expect(widget.id).not.toBe(424242);
    expect(widget.metric_name).toBeNull();
    expect(widget.created_at).not.toBe('2000-01-01T00:00:00Z');
    expect(widget).not.toHaveProperty('colour');
  });

  it('accepts form-urlencoded bodies with JSON text fields', async () => {
    const text = new URLSearchParams({
      dashboard: '1',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      group_by: JSON.stringify({ type: 'field', field: 'agent.id' }),
    }).toString();
    const result = await callApi(server, 'POST', '/dashboards/widgets/', {
      raw: { text, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(201);
    expect(WidgetSchema.parse(result.body).group_by).toEqual({ type: 'field', field: 'agent.id' });
  });

  it('treats group_by {} as null (D2)', async () => {
    const widget = await createWidget({ chart_type: 'line', field: 'duration', group_by: {} });
    expect(widget.group_by).toBeNull();
  });

  // Every widget rule answers 400 with a field error through the route, and writes nothing.
  it.each<[string, () => Record<string, unknown>, string]>([
    ['no chart_type', () => ({ field: 'duration' }), 'chart_type'],
    ['an unknown chart_type', () => ({ chart_type: 'list', field: 'duration' }), 'chart_type'],
    ['a chart_type of the wrong type', () => ({ chart_type: 3 }), 'chart_type'],
    ['a stat with a field', () => ({ chart_type: 'stat', field: 'duration' }), 'field'],
    ['a line without a field', () => ({ chart_type: 'line' }), 'field'],
    ['a pie of a numeric field', () => ({ chart_type: 'pie', field: 'duration' }), 'field'],
    ['a line of a string field', () => ({ chart_type: 'line', field: 'topic' }), 'field'],
    ['an unknown field', () => ({ chart_type: 'pie', field: 'colour' }), 'field'],
    ['a nested metadata key', () => ({ chart_type: 'pie', field: 'metadata.a.b' }), 'field'],
    ['a filter-only field plotted', () => ({ chart_type: 'pie', field: 'agent.id' }), 'field'],
    [
      'a bar without aggregation',
      () => ({ chart_type: 'bar', field: 'duration', time_period: 'day' }),
      'aggregation_function',
    ],
    [
      'a bar without time_period',
      () => ({ chart_type: 'bar', field: 'duration', aggregation_function: 'avg' }),
      'time_period',
    ],
    [
      'sum of a string',
      () => ({ chart_type: 'bar', field: 'topic', aggregation_function: 'sum', time_period: 'day' }),
      'aggregation_function',
    ],
    [
      'p95 of a boolean',
      () => ({ chart_type: 'bar', field: 'success', aggregation_function: 'p95', time_period: 'day' }),
      'aggregation_function',
    ],
    [
      'an unknown aggregation',
      () => ({ chart_type: 'bar', field: 'duration', aggregation_function: 'median', time_period: 'day' }),
      'aggregation_function',
    ],
    [
      'an unknown time_period',
      () => ({ chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'year' }),
      'time_period',
    ],
    [
      'a metric value without metric',
      () => ({ chart_type: 'line', field: 'metric_evaluations.value' }),
      'metric',
    ],
    [
      'an unknown metric',
      () => ({ chart_type: 'line', field: 'metric_evaluations.value', metric: 99999 }),
      'metric',
    ],
    [
      "another project's metric",
      () => ({ chart_type: 'line', field: 'metric_evaluations.value', metric: 7 }),
      'metric',
    ],
    [
      'an enum metric on a line',
      () => ({ chart_type: 'line', field: 'metric_evaluations.value', metric: metricId('sentiment') }),
      'metric',
    ],
    [
      'a binary metric on a line',
      () => ({ chart_type: 'line', field: 'metric_evaluations.value', metric: metricId('intent-resolved') }),
      'metric',
    ],
    [
      'a bucket under one minute',
      () => ({ chart_type: 'line', field: 'duration', group_by: { type: 'bucket', interval: 1000 } }),
      'group_by',
    ],
    [
      'an unknown group_by type',
      () => ({ chart_type: 'line', field: 'duration', group_by: { type: 'magic' } }),
      'group_by',
    ],
    [
      'a data_type that disagrees',
      () => ({ chart_type: 'line', field: 'duration', data_type: 'string' }),
      'data_type',
    ],
    ['a name over 255 characters', () => ({ chart_type: 'stat', name: 'x'.repeat(256) }), 'name'],
    ['metadata that is a list', () => ({ chart_type: 'stat', metadata: [1] }), 'metadata'],
    [
      'an invalid filter',
      () => ({ chart_type: 'stat', filters: { field: 'duration', op: 'contains', value: 'x' } }),
      'filters',
    ],
    [
      'a malformed relative time',
      () => ({ chart_type: 'stat', filters: { field: 'timestamp', op: 'gte', value: 'now+1d' } }),
      'filters',
    ],
    ['a missing dashboard', () => ({ chart_type: 'stat', dashboard: null }), 'dashboard'],
    ['an unknown dashboard', () => ({ chart_type: 'stat', dashboard: 99999 }), 'dashboard'],
    ['a dashboard of the wrong type', () => ({ chart_type: 'stat', dashboard: 'one' }), 'dashboard'],
  ])('rejects %s', async (_label, body, key) => {
    const before = snapshotDatabase(server.database);
    const result = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard: 1, ...body() },
    });
    expect(result.status).toBe(400);
    const errors = ErrorSchema.parse(result.body);
    expect(Object.keys(errors)).toContain(key);
    expect(snapshotDatabase(server.database)).toBe(before);
  });
});

describe('a widget without a dashboard (decision 0001: the document makes it optional)', () => {
  const MESSAGE = 'A widget belongs to a dashboard: give the id of one of yours.';

  it('is refused on create, whether dashboard is left out or null', async () => {
    const before = snapshotDatabase(server.database);
    for (const body of [{ chart_type: 'stat' }, { chart_type: 'stat', dashboard: null }]) {
      const result = await callApi(server, 'POST', '/dashboards/widgets/', { body });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ dashboard: [MESSAGE] });
    }
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('cannot be made by moving a widget off its dashboard; leaving dashboard out of PUT keeps it', async () => {
    const widget = await createWidget({ chart_type: 'stat' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const patch = await callApi(server, 'PATCH', path, { body: { dashboard: null } });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual({ dashboard: [MESSAGE] });
    const put = await callApi(server, 'PUT', path, { body: { chart_type: 'stat', name: 'Put' } });
    expect(put.status).toBe(200);
    expect(WidgetSchema.parse(put.body).dashboard).toBe(widget.dashboard);
  });
});

describe('GET/PUT/PATCH/DELETE /dashboards/widgets/{id}/', () => {
  it('retrieves with an ETag', async () => {
    const result = await callApi(server, 'GET', '/dashboards/widgets/4/');
    expect(result.status).toBe(200);
    const widget = WidgetSchema.parse(result.body);
    expect(widget.metric_name).toBe('Latency');
    expect(result.headers.get('etag')).toBe(`"${widget.id}-${Date.parse(widget.updated_at ?? '')}"`);
  });

  it('PATCH changes only the sent fields and keeps rules across fields', async () => {
    const widget = await createWidget({ chart_type: 'pie', field: 'topic', name: 'Topics' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const renamed = await callApi(server, 'PATCH', path, { body: { name: 'Renamed' } });
    expect(renamed.status).toBe(200);
    expect(WidgetSchema.parse(renamed.body)).toMatchObject({
      name: 'Renamed',
      chart_type: 'pie',
      field: 'topic',
    });
    const before = snapshotDatabase(server.database);
    const invalid = await callApi(server, 'PATCH', path, { body: { chart_type: 'line' } });
    expect(invalid.status).toBe(400);
    expect(ErrorSchema.parse(invalid.body)).toHaveProperty('field');
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('PUT needs chart_type', async () => {
    const widget = await createWidget({ chart_type: 'pie', field: 'topic' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const missing = await callApi(server, 'PUT', path, { body: { name: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ chart_type: ['This field is required.'] });
    const put = await callApi(server, 'PUT', path, { body: { chart_type: 'line', field: 'duration' } });
    expect(put.status).toBe(200);
    expect(WidgetSchema.parse(put.body)).toMatchObject({ chart_type: 'line', field: 'duration' });
  });

  it('changes updated_at on every write, even within one millisecond', async () => {
    const widget = await createWidget({ chart_type: 'stat' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const stamps = [widget.updated_at];
    for (let i = 0; i < 3; i++) {
      stamps.push(
        WidgetSchema.parse((await callApi(server, 'PATCH', path, { body: { name: `n${i}` } })).body)
          .updated_at,
      );
    }
    const times = stamps.map((s) => Date.parse(s ?? ''));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? Infinity))).toBe(true);
  });

  it('honours If-Match with the widget message (D21)', async () => {
    const widget = await createWidget({ chart_type: 'stat' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const etag = (await callApi(server, 'GET', path)).headers.get('etag') ?? '';
    expect(
      (await callApi(server, 'PATCH', path, { body: { name: 'a' }, headers: { 'If-Match': etag } })).status,
    ).toBe(200);
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const stale = await callApi(server, method, path, {
        body: method === 'DELETE' ? undefined : { chart_type: 'stat', name: 'b' },
        headers: { 'If-Match': etag },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toEqual({ detail: 'The widget was changed by someone else.' });
    }
    expect(WidgetSchema.parse((await callApi(server, 'GET', path)).body).name).toBe('a');
  });

  it('DELETE answers 204 and the widget is gone', async () => {
    const widget = await createWidget({ chart_type: 'stat' });
    const path = `/dashboards/widgets/${widget.id}/`;
    const result = await callApi(server, 'DELETE', path);
    expect(result.status).toBe(204);
    expect((await callApi(server, 'GET', path)).status).toBe(404);
    expect((await callApi(server, 'DELETE', path)).status).toBe(404);
  });
});
