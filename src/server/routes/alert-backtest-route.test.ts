import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AlertBacktestResponseSchema,
  backtestAlert,
  seriesOf,
  type AlertDefinition,
  type EvaluationPoint,
} from '../../contract/alert-backtest.ts';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import { NOT_A_METRIC_WIDGET, NOT_A_NUMERIC_METRIC } from './alert-backtest-route.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const PATH = '/studio/alert-backtest/';
const ABOVE_1500: AlertDefinition = {
  type: 'threshold',
  condition: 'gt',
  value: 1500,
  min_breaches: 3,
  window_size: 10,
};

let server: TestServer;
let support: Dashboard;
let sales: Dashboard;

beforeAll(async () => {
  server = createTestServer({ calls: 3000, now: NOW });
  support = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/1/')).body);
  sales = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/2/')).body);
});
afterAll(() => server.close());

function widgetId(dashboard: Dashboard, name: string): number {
  const widget = dashboard.widgets.find((w) => w.name === name);
  if (!widget) throw new Error(`no widget ${name}`);
  return widget.id;
}

/** The oracle: the widget's metric evaluations in the dashboard window, read with plain SQL. */
async function latencySeries(extraWhere = '', params: (string | number)[] = []): Promise<EvaluationPoint[]> {
  const from = Date.parse('2026-08-13T00:00:00.000Z'); // today-7d
  const metricId = Number(
    server.database.sqlite
      .prepare("SELECT id FROM metrics WHERE slug = 'latency' AND project_id = 1")
      .pluck()
      .get(),
  );
  const rows = await queryAnalytics(
    server.database,
    `SELECT me.ts_ms AS t, me.call_id AS "callId", me.value_num AS value FROM metric_evaluations me
       JOIN calls c ON c.id = me.call_id
       WHERE me.metric_id = ? AND me.ts_ms >= ? AND me.ts_ms <= ?
         AND me.value_num IS NOT NULL ${extraWhere} ORDER BY me.ts_ms, me.call_id`,
    [metricId, from, NOW.getTime(), ...params],
  );
  return rows.map((row) => ({ t: Number(row.t), callId: Number(row.callId), value: Number(row.value) }));
}

/** Runs `check` while the widget has `filters`, then puts its filters back to none. */
async function withWidgetFilters(id: number, filters: unknown, check: () => Promise<void>): Promise<void> {
  const patched = await callApi(server, 'PATCH', `/dashboards/widgets/${id}/`, { body: { filters } });
  expect(patched.status).toBe(200);
  try {
    await check();
  } finally {
    await callApi(server, 'PATCH', `/dashboards/widgets/${id}/`, { body: { filters: null } });
  }
}

describe('POST /studio/alert-backtest/', () => {
  it('replays the metric in the widget window and lists every moment the alert fires', async () => {
    const result = await callApi(server, 'POST', PATH, {
      body: { widget: widgetId(support, 'Latency p95 per day'), alert: ABOVE_1500 },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const answer = AlertBacktestResponseSchema.parse(result.body);
    const expected = backtestAlert(seriesOf(await latencySeries()), ABOVE_1500);
    expect(answer.evaluated).toBe(expected.evaluated);
    expect(answer.evaluated).toBeGreaterThan(100);
    expect(answer.fired_count).toBe(expected.firedCount);
    expect(answer.fired_count).toBeGreaterThan(0);
    expect(answer.fired.map((f) => f.call_id)).toEqual(expected.fired.map((p) => p.callId));
    expect(answer.from).toBe('2026-08-13T00:00:00.000Z');
    expect(answer.to).toBe(NOW.toISOString());
  });

  it('applies the widget filters (through the engine’s filter compiler)', async () => {
    const id = widgetId(support, 'Latency p95 per day');
    await withWidgetFilters(id, { field: 'agent.id', op: 'eq', value: 1 }, async () => {
      const result = await callApi(server, 'POST', PATH, { body: { widget: id, alert: ABOVE_1500 } });
      const answer = AlertBacktestResponseSchema.parse(result.body);
      const expected = backtestAlert(seriesOf(await latencySeries('AND c.agent_id = ?', [1])), ABOVE_1500);
      expect(answer.evaluated).toBe(expected.evaluated);
      expect(answer.evaluated).toBeLessThan((await latencySeries()).length);
      expect(answer.fired_count).toBe(expected.firedCount);
    });
  });

  it('a filter that leaves no evaluation answers none evaluated and none fired', async () => {
    const id = widgetId(support, 'Latency p95 per day');
    await withWidgetFilters(id, { field: 'agent.id', op: 'eq', value: 999_999 }, async () => {
      const result = await callApi(server, 'POST', PATH, { body: { widget: id, alert: ABOVE_1500 } });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      const answer = AlertBacktestResponseSchema.parse(result.body);
      expect(answer.evaluated).toBe(0);
      expect(answer.fired_count).toBe(0);
      expect(answer.fired).toEqual([]);
    });
  });

  it('runs a trend alert on a binary metric', async () => {
    const result = await callApi(server, 'POST', PATH, {
      body: {
        widget: widgetId(sales, 'Intent resolved'),
        alert: { type: 'trend', preset: 'aggressive', direction: 'down' },
      },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const answer = AlertBacktestResponseSchema.parse(result.body);
    expect(answer.evaluated).toBeGreaterThan(25);
    expect(answer.fired.every((f) => f.value === 0)).toBe(true);
  });

  it.each([
    ['a widget that plots no metric', 'Call duration', NOT_A_METRIC_WIDGET],
    ['a stat widget', 'Call summary', NOT_A_METRIC_WIDGET],
    ['an enum metric', 'Sentiment', NOT_A_NUMERIC_METRIC],
  ])('400 with the reason for %s', async (_case, name, message) => {
    const result = await callApi(server, 'POST', PATH, {
      body: { widget: widgetId(support, name), alert: ABOVE_1500 },
    });
    expect(result).toMatchObject({ status: 400, body: { widget: [message] } });
  });

  it('400 for an alert Cekura would not accept, per field', async () => {
    const result = await callApi(server, 'POST', PATH, {
      body: { widget: widgetId(support, 'Latency p95 per day'), alert: { ...ABOVE_1500, min_breaches: 11 } },
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain('Min breaches cannot exceed the window size.');
  });

  it('is tenancy-scoped: another project’s widget is a 404, no key is refused', async () => {
    const other = widgetId(sales, 'Intent resolved');
    const scoped = await callApi(server, 'POST', PATH, {
      body: { widget: other, alert: ABOVE_1500 },
      key: server.scopedApiKey,
    });
    expect(scoped.status).toBe(404);
    const anonymous = await callApi(server, 'POST', PATH, {
      body: { widget: other, alert: ABOVE_1500 },
      key: null,
    });
    expect([401, 403]).toContain(anonymous.status);
  });

  it('replays calls stored out of time order (an import of older calls) in time order', async () => {
    const metricId = Number(
      server.database.sqlite
        .prepare("SELECT id FROM metrics WHERE slug = 'latency' AND project_id = 1")
        .pluck()
        .get(),
    );
    // Two extreme calls, days apart in the window, stored newest first after every seeded call. In
    // time order each is its own episode of a 1-of-1 alert; read in storage order they would be
    // neighbours, one episode, one firing.
    const extreme = (callId: string, daysAgo: number) =>
      callApi(server, 'POST', '/observability/v2/call-logs/', {
        body: {
          call_id: callId,
          project: 1,
          agent: 1,
          timestamp: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
          metrics: [{ id: metricId, value: '99000' }],
        },
      });
    expect((await extreme('late-import-newer', 2)).status).toBe(201);
    expect((await extreme('late-import-older', 5)).status).toBe(201);
    const alert: AlertDefinition = {
      type: 'threshold',
      condition: 'gt',
      value: 50_000,
      min_breaches: 1,
      window_size: 1,
    };
    const result = await callApi(server, 'POST', PATH, {
      body: { widget: widgetId(support, 'Latency p95 per day'), alert },
    });
    const answer = AlertBacktestResponseSchema.parse(result.body);
    expect(answer.fired.map((f) => f.value)).toEqual([99000, 99000]);
    expect((answer.fired[0]?.timestamp ?? '') < (answer.fired[1]?.timestamp ?? '')).toBe(true);
    const expected = backtestAlert(seriesOf(await latencySeries()), alert);
    expect(answer.fired.map((f) => f.call_id)).toEqual(expected.fired.map((p) => p.callId));
  });

  describe('time limit', () => {
    const previous = process.env.WIDGET_STUDIO_QUERY_TIMEOUT_MS;
    afterEach(() => {
      if (previous === undefined) delete process.env.WIDGET_STUDIO_QUERY_TIMEOUT_MS;
      else process.env.WIDGET_STUDIO_QUERY_TIMEOUT_MS = previous;
    });
    it('answers 504 with what to do when the read passes the limit', async () => {
      process.env.WIDGET_STUDIO_QUERY_TIMEOUT_MS = '0.000001';
      const result = await callApi(server, 'POST', PATH, {
        body: { widget: widgetId(support, 'Latency p95 per day'), alert: ABOVE_1500 },
      });
      expect(result.status).toBe(504);
      expect(JSON.stringify(result.body)).toContain('Narrow the filters or the time range');
    });
  });
});
