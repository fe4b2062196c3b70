import { queryAnalytics } from './test-support/analytics-rows.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DashboardListSchema } from '../contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../contract/metric-schema.ts';
import { paginated } from '../contract/paginated-schema.ts';
import { WidgetSchema } from '../contract/widget-schema.ts';
import { CallLogPageSchema } from '../contract/call-log-schema.ts';
import { hashApiKey } from './http/api-key-store.ts';
import { callApi } from './test-support/call-api.ts';
import { createTestServer, type TestServer } from './test-support/create-test-server.ts';
import { snapshotDatabase } from './test-support/snapshot-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 200, now: NOW });
});
afterAll(() => server.close());

/** Every API operation, with a body where it takes one (ids of project 2's objects: dashboard 2, widget 8). */
const OPERATIONS: [string, string, unknown?][] = [
  ['GET', '/dashboards/dashboards/'],
  ['POST', '/dashboards/dashboards/', { name: 'x' }],
  ['GET', '/dashboards/dashboards/predefined_widgets/'],
  ['GET', '/dashboards/dashboards/2/'],
  ['PUT', '/dashboards/dashboards/2/', { name: 'x' }],
  ['PATCH', '/dashboards/dashboards/2/', { name: 'x' }],
  ['DELETE', '/dashboards/dashboards/2/'],
  ['POST', '/dashboards/dashboards/2/duplicate/', {}],
  ['POST', '/dashboards/dashboards/2/bulk_widgets/', { delete: [] }],
  ['GET', '/dashboards/widgets/'],
  ['POST', '/dashboards/widgets/', { dashboard: 2, chart_type: 'stat' }],
  ['GET', '/dashboards/widgets/8/'],
  ['PUT', '/dashboards/widgets/8/', { chart_type: 'stat' }],
  ['PATCH', '/dashboards/widgets/8/', { name: 'x' }],
  ['DELETE', '/dashboards/widgets/8/'],
  ['GET', '/dashboards/widgets/8/data/'],
  ['POST', '/dashboards/widgets/preview_data/', { chart_type: 'stat' }],
  ['POST', '/dashboards/widgets/bulk_data/', { widget_ids: [8] }],
  ['GET', '/test_framework/v1/metrics/'],
  ['GET', '/test_framework/v2/metrics/'],
  ['GET', '/observability/v1/call-logs/'],
  ['GET', '/observability/v2/call-logs/'],
  ['GET', '/studio/v1/value-counts/?field=topic'],
];

describe('authentication (D18)', () => {
  it.each(OPERATIONS)('%s %s needs a key', async (method, path, body) => {
    const before = snapshotDatabase(server.database);
    const missing = await callApi(server, method, path, { body, key: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    const invalid = await callApi(server, method, path, { body, key: 'ws_not_a_key' });
    expect(invalid.status).toBe(401);
    expect(invalid.body).toEqual({ detail: 'Invalid API key.' });
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('stores keys only as SHA-256 hashes', () => {
    const rows = z
      .array(z.object({ key_hash: z.string() }))
      .parse(server.database.sqlite.prepare('SELECT key_hash FROM api_keys').all());
    const hashes = rows.map((r) => r.key_hash);
    expect(hashes).toContain(hashApiKey(server.apiKey));
    expect(hashes).not.toContain(server.apiKey);
    const dump = JSON.stringify(server.database.sqlite.prepare('SELECT * FROM api_keys').all());
    expect(dump).not.toContain(server.apiKey);
    expect(dump).not.toContain(server.scopedApiKey);
  });

  it('leaves /healthz and /studio/local-config open', async () => {
    expect((await callApi(server, 'GET', '/healthz', { key: null })).status).toBe(200);
    expect((await callApi(server, 'GET', '/studio/local-config', { key: null })).status).toBe(200);
  });
});

describe('tenancy: a key scoped to project A sees nothing of project B (D18)', () => {
  const scopedOperations = OPERATIONS.filter(([, path]) => /\/(2|8)\//.test(path));

  it.each(scopedOperations)('%s %s answers 404', async (method, path, body) => {
    const before = snapshotDatabase(server.database);
    const result = await callApi(server, method, path, { body, key: server.scopedApiKey });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({ detail: 'Not found.' });
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('the same operations work with the organisation key', async () => {
    const result = await callApi(server, 'GET', '/dashboards/widgets/8/');
    expect(WidgetSchema.parse(result.body).dashboard).toBe(2);
  });

  it('lists only the own project', async () => {
    const key = server.scopedApiKey;
    const projectA = server.projectIds[0];
    const dashboards = paginated(DashboardListSchema).parse(
      (await callApi(server, 'GET', '/dashboards/dashboards/', { key })).body,
    );
    expect(dashboards.results.every((d) => d.project === projectA)).toBe(true);
    const widgets = paginated(WidgetSchema).parse(
      (await callApi(server, 'GET', '/dashboards/widgets/', { key })).body,
    );
    expect(widgets.results.every((w) => w.dashboard === 1)).toBe(true);
    const metrics = MetricListResponseSchema.parse(
      (await callApi(server, 'GET', '/test_framework/v1/metrics/', { key })).body,
    );
    expect(metrics.length).toBe(6);
    expect(metrics.every((m) => m.project === projectA)).toBe(true);
    const calls = CallLogPageSchema.parse(
      (await callApi(server, 'GET', '/observability/v2/call-logs/?page_size=200', { key })).body,
    );
    expect(calls.results.length).toBeGreaterThan(0);
    for (const call of calls.results) {
      const rows = await queryAnalytics(server.database, 'SELECT project_id FROM calls WHERE id = ?', [
        call.id,
      ]);
      expect(rows).toEqual([{ project_id: projectA }]);
    }
  });

  it('answers 404 for project B in query parameters', async () => {
    const key = server.scopedApiKey;
    const projectB = server.projectIds[1] ?? 0;
    for (const path of [
      `/dashboards/dashboards/?project_id=${projectB}`,
      `/dashboards/dashboards/predefined_widgets/?project_id=${projectB}`,
      '/dashboards/widgets/?dashboard_id=2',
      `/test_framework/v1/metrics/?project_id=${projectB}`,
      '/test_framework/v1/metrics/?agent_id=4',
      `/observability/v2/call-logs/?project_id=${projectB}`,
      '/observability/v2/call-logs/?agent_id=4',
    ]) {
      const result = await callApi(server, 'GET', path, { key });
      expect(result.status, path).toBe(404);
    }
  });

  it('cannot create a widget on, or move a dashboard to, project B', async () => {
    const key = server.scopedApiKey;
    const widget = await callApi(server, 'POST', '/dashboards/widgets/', {
      key,
      body: { dashboard: 2, chart_type: 'stat' },
    });
    expect(widget.status).toBe(400);
    expect(widget.body).toEqual({ dashboard: ['Invalid pk "2" - object does not exist.'] });
    const move = await callApi(server, 'PATCH', '/dashboards/dashboards/1/', {
      key,
      body: { project: server.projectIds[1] },
    });
    expect(move.status).toBe(400);
    expect(move.body).toHaveProperty('project');
    const created = await callApi(server, 'POST', '/dashboards/dashboards/', { key, body: { name: 'mine' } });
    expect(DashboardListSchema.omit({ widget_count: true }).parse(created.body).project).toBe(
      server.projectIds[0],
    );
  });

  it('leaves widgets of project B out of bulk_data', async () => {
    const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      key: server.scopedApiKey,
      body: { widget_ids: [8, 9] },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ count: 0, results: [] });
  });
});
