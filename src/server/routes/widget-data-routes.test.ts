import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DashboardSchema, type Dashboard } from '../../contract/dashboard-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import {
  parseChartData,
  WidgetDataResponseSchema,
  type WidgetDataResponse,
} from '../../contract/widget-data-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DAY = 86_400_000;
const LAST_7_DAYS = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'now-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};
const DataPageSchema = paginated(WidgetDataResponseSchema);

let server: TestServer;
let support: Dashboard;
let sales: Dashboard;

beforeAll(async () => {
  server = createTestServer({ calls: 3000, now: NOW });
  support = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/1/')).body);
  sales = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/2/')).body);
});
afterAll(() => server.close());

async function data(path: string): Promise<WidgetDataResponse> {
  const result = await callApi(server, 'GET', path);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return WidgetDataResponseSchema.parse(result.body);
}

function widgetNamed(dashboard: Dashboard, name: string) {
  const widget = dashboard.widgets.find((w) => w.name === name);
  if (!widget) throw new Error(`no widget ${name}`);
  return widget;
}

function total(response: WidgetDataResponse): number {
  const chart = parseChartData(response);
  if (chart.kind === 'pie') return chart.slices.reduce((sum, s) => sum + s.value, 0);
  if (chart.kind === 'bar') return chart.buckets.reduce((sum, b) => sum + b.sample_count, 0);
  if (chart.kind === 'line') return chart.points.length;
  if (chart.kind === 'stat') return chart.stat.total_calls;
  return -1;
}

describe('GET /dashboards/widgets/{id}/data/', () => {
  it('answers every seeded widget with its chart shape', async () => {
    for (const widget of [...support.widgets, ...sales.widgets]) {
      const response = await data(`/dashboards/widgets/${widget.id}/data/`);
      expect(response.widget_id).toBe(widget.id);
      expect(response.chart_type).toBe(widget.chart_type);
      expect(response.field_name).toBe(widget.field);
      expect(response.group_by).toEqual(widget.group_by);
      const chart = parseChartData(response);
      expect(chart.kind, widget.name ?? '').not.toBe('invalid');
      if (widget.chart_type === 'stat') expect(chart.kind).toBe('stat');
      if (widget.chart_type === 'pie' && chart.kind === 'pie') {
        const sum = chart.slices.reduce((acc, s) => acc + s.percentage, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.1);
      }
      if (widget.metric !== null) expect(response.metadata.filter_value).toBe(widget.metric);
    }
  });

  it('labels field groups (D1)', async () => {
    const response = await data(
      `/dashboards/widgets/${widgetNamed(support, 'Success rate by agent').id}/data/`,
    );
    const chart = parseChartData(response);
    expect(chart.kind).toBe('bar');
    if (chart.kind !== 'bar') return;
    expect(new Set(chart.buckets.map((b) => b.group))).toEqual(
      new Set(['Billing Assistant', 'Tech Support Bot', 'Returns Helper']),
    );
    expect(response.can_group_by).toBe(true);
  });

  it('replaces the widget filters with ?filters= while the dashboard filters still apply (D5)', async () => {
    const widget = widgetNamed(support, 'Topics of unhappy failed calls');
    const own = await data(`/dashboards/widgets/${widget.id}/data/`);
    const override = { field: 'success', op: 'eq', value: true };
    const replaced = await data(
      `/dashboards/widgets/${widget.id}/data/?filters=${encodeURIComponent(JSON.stringify(override))}`,
    );
    expect(total(replaced)).toBeGreaterThan(total(own));
    const expected = z
      .object({ n: z.number() })
      .parse(
        (
          await queryAnalytics(
            server.database,
            'SELECT count(*) n FROM calls WHERE project_id = ? AND success = 1 AND ts_ms >= ? AND ts_ms <= ?',
            [support.project ?? 0, Date.parse('2026-08-13T00:00:00.000Z'), NOW.getTime()],
          )
        )[0],
      );
    expect(total(replaced)).toBe(expected.n);
    const empty = await data(`/dashboards/widgets/${widget.id}/data/?filters=null`);
    expect(total(empty)).toBeGreaterThan(total(replaced));
  });

  it('enforces the data window on the effective filter (D11)', async () => {
    const board = DashboardSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'No range', project: 1 } }))
        .body,
    );
    const widget = WidgetSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/', {
          body: { dashboard: board.id, chart_type: 'pie', field: 'topic' },
        })
      ).body,
    );
    const path = `/dashboards/widgets/${widget.id}/data/`;
    const cases: [unknown, string][] = [
      [undefined, 'A timestamp filter (gt or gte) is required.'],
      [
        { field: 'timestamp', op: 'gte', value: 'now-31d' },
        'Timestamp filter value is too far in the past. Maximum allowed range is 30 days.',
      ],
      [
        {
          operator: 'and',
          conditions: [
            { field: 'timestamp', op: 'gte', value: 'now-20d' },
            { field: 'timestamp', op: 'lte', value: new Date(NOW.getTime() + 15 * DAY).toISOString() },
          ],
        },
        'The time range may not span more than 30 days.',
      ],
      [
        { operator: 'or', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-1d' }] },
        'A timestamp filter (gt or gte) is required.',
      ],
    ];
    for (const [filter, detail] of cases) {
      const query = filter === undefined ? '' : `?filters=${encodeURIComponent(JSON.stringify(filter))}`;
      const result = await callApi(server, 'GET', `${path}${query}`);
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ detail });
    }
    const ok = await callApi(
      server,
      'GET',
      `${path}?filters=${encodeURIComponent(JSON.stringify(LAST_7_DAYS))}`,
    );
    expect(ok.status).toBe(200);
  });

  it('rejects malformed overrides and max_points', async () => {
    const path = `/dashboards/widgets/${support.widgets[0]?.id}/data/`;
    expect((await callApi(server, 'GET', `${path}?filters=%7Bx`)).body).toEqual({
      filters: ['Value must be valid JSON.'],
    });
    const bad = await callApi(
      server,
      'GET',
      `${path}?filters=${encodeURIComponent('{"field":"duration","op":"in","value":"x"}')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty('filters');
    expect((await callApi(server, 'GET', `${path}?max_points=2`)).status).toBe(400);
    expect((await callApi(server, 'GET', `${path}?max_points=abc`)).body).toEqual({
      max_points: ['A valid integer is required.'],
    });
  });

  it('downsamples line series with max_points, keeping the full series by default', async () => {
    const widget = widgetNamed(support, 'Call duration');
    const full = parseChartData(await data(`/dashboards/widgets/${widget.id}/data/`));
    const small = parseChartData(await data(`/dashboards/widgets/${widget.id}/data/?max_points=50`));
    expect(full.kind).toBe('line');
    expect(small.kind).toBe('line');
    if (full.kind !== 'line' || small.kind !== 'line') return;
    expect(full.points.length).toBeGreaterThan(50);
    expect(small.points.length).toBeLessThanOrEqual(50);
    expect(small.points[0]).toEqual(full.points[0]);
  });
});

describe('POST /dashboards/widgets/preview_data/ (D6)', () => {
  it('previews an unsaved widget with widget_id null, equal to the saved widget data', async () => {
    const saved = widgetNamed(support, 'Why calls ended');
    const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { dashboard: support.id, chart_type: 'pie', field: 'call_ended_reason', name: 'unsaved' },
    });
    expect(preview.status).toBe(200);
    const response = WidgetDataResponseSchema.parse(preview.body);
    expect(response.widget_id).toBeNull();
    const stored = await data(`/dashboards/widgets/${saved.id}/data/`);
    expect(response.data).toEqual(stored.data);
  });

  it('uses dashboard_filters instead of the stored dashboard filters', async () => {
    const base = { dashboard: support.id, chart_type: 'stat' };
    const stored = WidgetDataResponseSchema.parse(
      (await callApi(server, 'POST', '/dashboards/widgets/preview_data/', { body: base })).body,
    );
    const lastDay = { field: 'timestamp', op: 'gte', value: 'now-1d' };
    const narrowed = WidgetDataResponseSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
          body: { ...base, dashboard_filters: lastDay },
        })
      ).body,
    );
    expect(total(narrowed)).toBeLessThan(total(stored));
    expect(total(narrowed)).toBeGreaterThan(0);
    const noDashboard = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { chart_type: 'stat', filters: lastDay },
    });
    expect(noDashboard.status).toBe(200);
  });

  it('draws a widget without a dashboard on one project with ?project_id= (our extension)', async () => {
    const stat = { chart_type: 'stat', dashboard_filters: LAST_7_DAYS };
    const preview = async (path: string, body: Record<string, unknown>) => {
      const result = await callApi(server, 'POST', path, { body });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return total(WidgetDataResponseSchema.parse(result.body));
    };
    const path = '/dashboards/widgets/preview_data/';
    const everyProject = await preview(path, stat);
    const salesOnly = await preview(`${path}?project_id=${sales.project ?? 0}`, stat);
    expect(salesOnly).toBe(await preview(path, { ...stat, dashboard: sales.id }));
    expect(salesOnly).toBeLessThan(everyProject);
    // The project's own metrics: a metric of another project is not one of them.
    const metrics = z
      .array(z.object({ id: z.number(), project: z.number().nullable() }))
      .parse(
        (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${support.project ?? 0}`)).body,
      );
    const supportMetric = metrics.find((m) => m.project === support.project)?.id;
    expect(supportMetric).toBeDefined();
    const foreign = await callApi(server, 'POST', `${path}?project_id=${sales.project ?? 0}`, {
      body: { ...stat, chart_type: 'line', field: 'metric_evaluations.value', metric: supportMetric },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toHaveProperty('metric');
    const unknown = await callApi(server, 'POST', `${path}?project_id=999`, { body: stat });
    expect(unknown.status).toBe(404);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an invalid widget', { chart_type: 'pie', field: 'duration', filters: LAST_7_DAYS }, 'field'],
    [
      'invalid dashboard_filters',
      { chart_type: 'stat', dashboard_filters: { field: 'x', op: 'eq', value: 1 } },
      'dashboard_filters',
    ],
    ['an unknown dashboard', { chart_type: 'stat', dashboard: 9999, filters: LAST_7_DAYS }, 'dashboard'],
    ['no timestamp bound', { chart_type: 'stat' }, 'detail'],
  ])('rejects %s', async (_label, body, key) => {
    const result = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', { body });
    expect(result.status).toBe(400);
    expect(result.body).toHaveProperty(key);
  });
});

describe('POST /dashboards/widgets/bulk_data/', () => {
  it('keeps the order of widget_ids, leaves unknown ids out and paginates (D12)', async () => {
    const ids = [sales.widgets[2]?.id ?? 0, 999_999, support.widgets[0]?.id ?? 0, sales.widgets[0]?.id ?? 0];
    const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: ids },
    });
    expect(result.status).toBe(200);
    const page = DataPageSchema.parse(result.body);
    expect(page.count).toBe(3);
    expect(page.results.map((r) => r.widget_id)).toEqual([ids[0], ids[2], ids[3]]);
    const second = DataPageSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/bulk_data/?page_size=2&page=2', {
          body: { widget_ids: ids },
        })
      ).body,
    );
    expect(second.results.map((r) => r.widget_id)).toEqual([ids[3]]);
    expect(second.previous).toBe('http://localhost/dashboards/widgets/bulk_data/?page_size=2');
    const past = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/?page_size=2&page=3', {
      body: { widget_ids: ids },
    });
    expect(past.status).toBe(404);
  });

  it('answers previews (preview_data bodies) after the saved widgets, each as preview_data would', async () => {
    const saved = support.widgets[0]?.id ?? 0;
    const lastDay = { field: 'timestamp', op: 'gte', value: 'now-1d' };
    const preview = { dashboard: support.id, chart_type: 'stat', dashboard_filters: lastDay };
    const other = { chart_type: 'stat', dashboard: support.id, dashboard_filters: LAST_7_DAYS };
    const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [saved], previews: [preview, other] },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const page = DataPageSchema.parse(result.body);
    expect(page.count).toBe(3);
    expect(page.results.map((r) => r.widget_id)).toEqual([saved, null, null]);
    for (const [index, body] of [preview, other].entries()) {
      const alone = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', { body });
      expect(page.results[index + 1]?.data).toEqual(WidgetDataResponseSchema.parse(alone.body).data);
    }
    expect(page.results[1]?.data).not.toEqual(page.results[2]?.data);
    const paged = DataPageSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/bulk_data/?page_size=2&page=2', {
          body: { widget_ids: [saved], previews: [preview, other] },
        })
      ).body,
    );
    expect(paged.results.map((r) => r.data)).toEqual([page.results[2]?.data]);
  });

  it('refuses bad previews with the index of the one at fault, before computing anything', async () => {
    const bad = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [], previews: [{ chart_type: 'stat' }, { chart_type: 'donut' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ previews: { 1: { chart_type: [expect.any(String)] } } });
    const notList = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [], previews: { chart_type: 'stat' } },
    });
    expect(notList.body).toEqual({ previews: ['Expected a list of items.'] });
    const notObject = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [], previews: [3] },
    });
    expect(notObject.body).toEqual({ previews: { 0: { non_field_errors: ['Expected an object.'] } } });
    const tooMany = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [1], previews: Array.from({ length: 1000 }, () => ({ chart_type: 'stat' })) },
    });
    expect(tooMany.status).toBe(400);
    const otherOrg = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [], previews: [{ chart_type: 'stat', dashboard: 999_999 }] },
    });
    expect(otherOrg.body).toMatchObject({ previews: { 0: { dashboard: [expect.any(String)] } } });
  });

  it('applies override filters to every widget', async () => {
    const stat = support.widgets.find((w) => w.chart_type === 'stat')?.id ?? 0;
    const lastDay = { field: 'timestamp', op: 'gte', value: 'now-1d' };
    const plain = DataPageSchema.parse(
      (await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', { body: { widget_ids: [stat] } }))
        .body,
    );
    const narrowed = DataPageSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
          body: { widget_ids: [stat], filters: lastDay },
        })
      ).body,
    );
    const [a] = plain.results;
    const [b] = narrowed.results;
    if (!a || !b) throw new Error('missing results');
    expect(total(b)).toBeLessThan(total(a));
  });

  it('replaces the stored dashboard filters with dashboard_filters, keeping each widget its own (ADR 0016)', async () => {
    const stat = support.widgets.find((w) => w.chart_type === 'stat' && w.filters == null)?.id ?? 0;
    const topics = await callApi(server, 'GET', '/studio/v1/value-counts/?field=topic&limit=100');
    const [top] = z
      .object({ results: z.array(z.object({ value: z.string(), count: z.number() })) })
      .parse(topics.body).results;
    if (!top) throw new Error('no topics seeded');
    const lastMonth = { field: 'timestamp', op: 'gte', value: 'now-30d' };
    const oneTopic = {
      operator: 'and',
      conditions: [lastMonth, { field: 'topic', op: 'in', value: [top.value] }],
    };
    const answer = async (dashboardFilters: unknown) => {
      const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
        body: { widget_ids: [stat], dashboard_filters: dashboardFilters },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      const [first] = DataPageSchema.parse(result.body).results;
      if (!first) throw new Error('missing result');
      return total(first);
    };
    // The value counts of the same 30 days are the oracle: every call of the topic, whatever the stored range.
    expect(await answer(oneTopic)).toBe(top.count);
    expect(await answer(lastMonth)).toBeGreaterThan(top.count);
  });

  it('reads form-encoded and multipart widget_ids as a list, one value included (DRF getlist)', async () => {
    const [first, second] = support.widgets.map((w) => w.id);
    if (first === undefined || second === undefined) throw new Error('seed has too few widgets');
    const formIds = async (text: string) => {
      const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
        raw: { text, contentType: 'application/x-www-form-urlencoded' },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return DataPageSchema.parse(result.body).results.map((r) => r.widget_id);
    };
    expect(await formIds(`widget_ids=${first}`)).toEqual([first]);
    expect(await formIds(`widget_ids=${second}&widget_ids=${first}`)).toEqual([second, first]);
    expect(await formIds(`widget_ids=${encodeURIComponent(`[${second},${first}]`)}`)).toEqual([
      second,
      first,
    ]);
    const form = new FormData();
    form.set('widget_ids', String(second));
    const multipart = await server.fetch('http://localhost/dashboards/widgets/bulk_data/', {
      method: 'POST',
      headers: { 'X-CEKURA-API-KEY': server.apiKey },
      body: form,
    });
    expect(multipart.status).toBe(200);
    expect(DataPageSchema.parse(await multipart.json()).results.map((r) => r.widget_id)).toEqual([second]);
  });

  it.each([
    [{}, 'widget_ids'],
    [{ widget_ids: 'x' }, 'widget_ids'],
    [{ widget_ids: [1], filters: { field: 'x', op: 'eq', value: 1 } }, 'filters'],
    [{ widget_ids: [1], dashboard_filters: { field: 'x', op: 'eq', value: 1 } }, 'dashboard_filters'],
    [{ widget_ids: [1], dashboard_filters: 'x' }, 'dashboard_filters'],
  ])('rejects %o', async (body, key) => {
    const result = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', { body });
    expect(result.status).toBe(400);
    expect(result.body).toHaveProperty(key);
  });
});

// Last: it stores calls, which the other tests do not expect.
describe('calls stored out of time order', () => {
  it('a line draws them in time order, with and without max_points', async () => {
    const widget = widgetNamed(support, 'Call duration');
    // Two calls inside the window, stored newest first after every seeded call (an import of older calls).
    for (const [callId, daysAgo] of [
      ['late-import-newer', 2],
      ['late-import-older', 5],
    ] as const) {
      const created = await callApi(server, 'POST', '/observability/v2/call-logs/', {
        body: {
          call_id: callId,
          project: support.project,
          agent: 1,
          timestamp: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
          duration: 4321,
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const query of ['', '?max_points=50']) {
      const chart = parseChartData(await data(`/dashboards/widgets/${widget.id}/data/${query}`));
      if (chart.kind !== 'line') throw new Error(`expected a line, got ${chart.kind}`);
      const order = chart.points.map((p) => [Date.parse(p.timestamp), p.id] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(order).toEqual(sorted);
      if (query === '') expect(chart.points.filter((p) => p.value === 4321)).toHaveLength(2);
    }
  });
});

describe('a line grouped by agent', () => {
  it('draws two agents of one name as one series, in time order', async () => {
    const insertAgent = server.database.sqlite.prepare(
      'INSERT INTO agents (project_id, agent_name) VALUES (?, ?) RETURNING id',
    );
    const twins = [1, 2].map(
      () => z.object({ id: z.number() }).parse(insertAgent.get(support.project, 'Twin')).id,
    );
    // Interleaved in time across the two agents, stored agent by agent.
    const calls = twins.flatMap((agent, a) =>
      [1, 3].map((daysAgo) => ({ agent, at: NOW.getTime() - (daysAgo + a) * DAY })),
    );
    for (const [index, { agent, at }] of calls.entries()) {
      const created = await callApi(server, 'POST', '/observability/v2/call-logs/', {
        body: {
          call_id: `twin-${index}`,
          project: support.project,
          agent,
          timestamp: new Date(at).toISOString(),
          duration: 7777,
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const query of ['', '?max_points=3']) {
      const result = await callApi(server, 'POST', `/dashboards/widgets/preview_data/${query}`, {
        body: {
          chart_type: 'line',
          field: 'duration',
          project: support.project,
          group_by: { type: 'field', field: 'agent.id' },
          filters: {
            operator: 'and',
            conditions: [...LAST_7_DAYS.conditions, { field: 'duration', op: 'eq', value: 7777 }],
          },
        },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      const chart = parseChartData(WidgetDataResponseSchema.parse(result.body));
      if (chart.kind !== 'line') throw new Error(`expected a line, got ${chart.kind}`);
      expect(new Set(chart.points.map((p) => p.group))).toEqual(new Set(['Twin']));
      const times = chart.points.map((p) => Date.parse(p.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // Downsampled as one series of four points (three kept), not as two of two.
      expect(times).toHaveLength(query === '' ? 4 : 3);
    }
  });
});
