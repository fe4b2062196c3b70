import { queryRows } from '../analytics/analytics-database.ts';
import { countAnalyticsRows } from '../test-support/analytics-rows.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CallLogPageSchema, CallLogSchema } from '../../contract/call-log-schema.ts';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { parseChartData, WidgetDataResponseSchema } from '../../contract/widget-data-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 400, now: NOW });
});
afterAll(() => server.close());

const post = (path: string, body: unknown, key?: string) =>
  callApi(server, 'POST', path, { body, ...(key ? { key } : {}) });

async function metricsOf(projectId: number) {
  const list = await callApi(server, 'GET', `/test_framework/v2/metrics/?project_id=${projectId}`);
  return MetricListResponseSchema.parse(list.body);
}

async function endedReasonSlice(reason: string): Promise<number> {
  const dashboard = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/1/')).body);
  const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
    body: { dashboard: dashboard.id, chart_type: 'pie', field: 'call_ended_reason', name: 'p' },
  });
  const chart = parseChartData(WidgetDataResponseSchema.parse(preview.body));
  if (chart.kind !== 'pie') throw new Error(`expected a pie, got ${chart.kind}`);
  return chart.slices.find((s) => s.label === reason)?.value ?? 0;
}

describe('POST /observability/v1|v2/call-logs/', () => {
  it('stores a call with its evaluations, answers 201 with it, and charts show it at once', async () => {
    const project = server.projectIds[0] ?? 0;
    const [metric] = (await metricsOf(project)).filter((m) => m.eval_type === 'numeric');
    expect(await endedReasonSlice('imported-hangup')).toBe(0);
    const created = await post('/observability/v2/call-logs/', {
      call_id: 'ext-1',
      project,
      agent: 1,
      timestamp: new Date(NOW.getTime() - 3_600_000).toISOString(),
      duration: '01:15',
      success: true,
      call_ended_reason: 'imported-hangup',
      metadata: { region: 'eu-west' },
      metrics: [{ id: metric?.id, name: metric?.name, value: '42' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const call = CallLogSchema.extend({ project: z.number(), metadata: z.unknown() }).parse(created.body);
    expect(call).toMatchObject({
      call_id: 'ext-1',
      project,
      agent: 1,
      duration: '01:15',
      success: true,
      status: 'success',
      metadata: { region: 'eu-west' },
    });
    expect(call.metrics).toEqual([expect.objectContaining({ id: metric?.id, score: 42, value: '42' })]);
    expect(await endedReasonSlice('imported-hangup')).toBe(1);
    const listed = CallLogPageSchema.parse(
      (await callApi(server, 'GET', `/observability/v2/call-logs/?call_ids=${call.id}`)).body,
    );
    expect(listed.results.map((c) => c.call_id)).toEqual(['ext-1']);
  });

  it("stores every evaluation with its call's time, which the chart engine bounds joins by", async () => {
    const project = server.projectIds[0] ?? 0;
    const [metric] = (await metricsOf(project)).filter((m) => m.eval_type === 'numeric');
    const timestamp = new Date(NOW.getTime() - 5 * 3_600_000).toISOString();
    const created = await post('/observability/v2/call-logs/', {
      call_id: 'ext-time',
      project,
      timestamp,
      metrics: [{ id: metric?.id, value: '7' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [[evaluations = 0, differing = -1] = []] = await server.database.analytics.read(
      null,
      (connection) =>
        queryRows(
          connection,
          `SELECT count(*), count(*) FILTER (WHERE me.ts_ms <> c.ts_ms)
         FROM metric_evaluations me JOIN calls c ON c.id = me.call_id`,
        ),
    );
    // The seed's evaluations and the one just stored: none is timed apart from its call.
    expect(Number(evaluations)).toBeGreaterThan(400);
    expect(Number(differing)).toBe(0);
  });

  it('is idempotent by call_id: the same call again answers 200 and stores nothing', async () => {
    const count = () => countAnalyticsRows(server.database, 'calls');
    const project = server.projectIds[0];
    const first = await post('/observability/v1/call-logs/', { call_id: 'ext-twice', project, topic: 'a' });
    const before = await count();
    const again = await post('/observability/v1/call-logs/', { call_id: 'ext-twice', project, topic: 'b' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await count()).toBe(before);
    expect(again.body).toMatchObject({ call_id: 'ext-twice', topic: 'a' });
  });

  it.each([
    [{}, { call_id: ['This field is required.'] }],
    [{ call_id: '' }, { call_id: ['This field may not be blank.'] }],
    [
      { call_id: 'x', call_ended_reason: 'r'.repeat(101) },
      { call_ended_reason: ['Ensure this field has no more than 100 characters.'] },
    ],
    [{ call_id: 'x', success: 'maybe' }, { success: ['Must be a valid boolean.'] }],
    [{ call_id: 'x', agent: 999 }, { agent: ['Unknown agent id 999 in this project.'] }],
    [{ call_id: 'x', metrics: [{ id: 999 }] }, { metrics: ['Unknown metric id 999 in this project.'] }],
    [{ call_id: 'x', project: 999 }, { project: ['Invalid pk "999" - object does not exist.'] }],
  ])('answers 400 with DRF field errors for %j', async (body, errors) => {
    const result = await post('/observability/v2/call-logs/', { project: server.projectIds[0], ...body });
    expect(result.status).toBe(400);
    expect(result.body).toEqual(errors);
  });

  it('writes a project-scoped key into its own project only', async () => {
    const other = server.projectIds[1];
    const refused = await post(
      '/observability/v2/call-logs/',
      { call_id: 's1', project: other },
      server.scopedApiKey,
    );
    expect(refused.body).toEqual({ project: [`Invalid pk "${other}" - object does not exist.`] });
    const own = await post('/observability/v2/call-logs/', { call_id: 's1' }, server.scopedApiKey);
    expect(own.body).toMatchObject({ project: server.projectIds[0] });
    const metric = await post(
      '/test_framework/v2/metrics/',
      { name: 'scoped', project: other },
      server.scopedApiKey,
    );
    expect(metric.body).toEqual({ project: [`Invalid pk "${other}" - object does not exist.`] });
  });

  it('answers 405 with Allow to other methods, as DRF does', async () => {
    for (const path of ['/observability/v2/call-logs/', '/test_framework/v1/metrics/']) {
      const result = await callApi(server, 'DELETE', path);
      expect(result.status).toBe(405);
      expect(result.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
      expect(result.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    }
  });
});

describe('POST /test_framework/v1|v2/metrics/', () => {
  it('creates a metric that the list shows, linked to its agents', async () => {
    const project = server.projectIds[0] ?? 0;
    const created = await post('/test_framework/v2/metrics/', {
      project,
      name: 'Greeted by name',
      eval_type: 'enum',
      enum_values: ['yes', 'no'],
      agents: [1],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Greeted by name',
      slug: 'greeted-by-name',
      eval_type: 'enum',
    });
    expect((await metricsOf(project)).find((m) => m.name === 'Greeted by name')).toMatchObject({
      agents: [1],
      enum_values: ['yes', 'no'],
    });
  });

  it.each([
    ['/test_framework/v2/metrics/', {}, { name: ['This field is required.'] }],
    [
      '/test_framework/v2/metrics/',
      { name: 'e', eval_type: 'enum' },
      { enum_values: ['An enum metric needs its enum_values.'] },
    ],
    ['/test_framework/v1/metrics/', { name: 'v1' }, { eval_type: ['This field is required.'] }],
    [
      '/test_framework/v2/metrics/',
      { name: 'CSAT' },
      { name: ['A metric with this name already exists in this project.'] },
    ],
    [
      '/test_framework/v2/metrics/',
      { name: 'a', agents: [999] },
      { agents: ['Invalid pk "999" - object does not exist.'] },
    ],
  ])('%s answers 400 for %j', async (path, body, errors) => {
    const result = await post(path, { project: server.projectIds[0], ...body });
    expect(result.status).toBe(400);
    expect(result.body).toEqual(errors);
  });
});
