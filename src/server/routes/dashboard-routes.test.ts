import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSchema, DashboardListSchema } from '../../contract/dashboard-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { WidgetInputSchema, WidgetSchema } from '../../contract/widget-schema.ts';
import { BulkWidgetOperationResponseSchema } from '../../contract/bulk-widgets-schema.ts';
import { checkWidget } from '../../contract/widget-rules.ts';
import * as z from 'zod';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DashboardPageSchema = paginated(DashboardListSchema);
const ErrorSchema = z.record(z.string(), z.array(z.string()));
const DetailSchema = z.object({ detail: z.string() });

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 200, now: NOW });
});
afterAll(() => server.close());

async function createDashboard(body: unknown = { name: 'Test board', project: server.projectIds[0] }) {
  const result = await callApi(server, 'POST', '/dashboards/dashboards/', { body });
  expect(result.status).toBe(201);
  return DashboardSchema.parse(result.body);
}

describe('GET /dashboards/dashboards/', () => {
  it('lists the seeded dashboards without widgets', async () => {
    const result = await callApi(server, 'GET', '/dashboards/dashboards/');
    expect(result.status).toBe(200);
    const page = DashboardPageSchema.parse(result.body);
    expect(page.results.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Support overview', 'Sales performance']),
    );
    expect(page.results[0]).not.toHaveProperty('widgets');
    expect(page.results[0]?.widget_count).toBe(7);
  });

  it('filters by project_id', async () => {
    const result = await callApi(server, 'GET', `/dashboards/dashboards/?project_id=${server.projectIds[1]}`);
    const page = DashboardPageSchema.parse(result.body);
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((d) => d.project === server.projectIds[1])).toBe(true);
  });

  it('paginates with absolute next/previous URLs and 404 past the end', async () => {
    const first = DashboardPageSchema.parse(
      (await callApi(server, 'GET', '/dashboards/dashboards/?page_size=1')).body,
    );
    expect(first.results).toHaveLength(1);
    expect(first.next).toMatch(/^http:\/\/localhost\/dashboards\/dashboards\/\?page_size=1&page=2$/);
    expect(first.previous).toBeNull();
    const second = DashboardPageSchema.parse(
      (await callApi(server, 'GET', '/dashboards/dashboards/?page_size=1&page=2')).body,
    );
    expect(second.previous).toBe('http://localhost/dashboards/dashboards/?page_size=1');
    const past = await callApi(server, 'GET', `/dashboards/dashboards/?page_size=1&page=${first.count + 1}`);
    expect(past.status).toBe(404);
    expect(past.body).toEqual({ detail: 'Invalid page.' });
    for (const page of ['0', 'abc', '-1']) {
      const bad = await callApi(server, 'GET', `/dashboards/dashboards/?page=${page}`);
      expect(bad.status).toBe(404);
    }
  });

  it('caps page_size at 200 and defaults to 50', async () => {
    const local = createTestServer({ calls: 0, now: NOW });
    const insert = local.database.sqlite.prepare(
      "INSERT INTO dashboards (organisation_id, project_id, name, filters, created_at, updated_at) VALUES (1, 1, 'x', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    for (let i = 0; i < 230; i++) insert.run();
    const big = DashboardPageSchema.parse(
      (await callApi(local, 'GET', '/dashboards/dashboards/?page_size=1000')).body,
    );
    expect(big.results).toHaveLength(200);
    expect(big.count).toBe(232);
    const normal = DashboardPageSchema.parse((await callApi(local, 'GET', '/dashboards/dashboards/')).body);
    expect(normal.results).toHaveLength(50);
    const last = DashboardPageSchema.parse(
      (await callApi(local, 'GET', '/dashboards/dashboards/?page=5')).body,
    );
    expect(last.results).toHaveLength(32);
    expect(last.next).toBeNull();
    local.close();
  });

  it('rejects a malformed project_id', async () => {
    const result = await callApi(server, 'GET', '/dashboards/dashboards/?project_id=abc');
    expect(result.status).toBe(400);
    expect(ErrorSchema.parse(result.body)).toHaveProperty('project_id');
  });
});

describe('POST /dashboards/dashboards/', () => {
  it('creates with 201, empty widgets and an ETag', async () => {
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', {
      body: {
        name: 'New',
        project: server.projectIds[0],
        filters: { field: 'success', op: 'eq', value: true },
      },
    });
    expect(result.status).toBe(201);
    const dashboard = DashboardSchema.parse(result.body);
    expect(dashboard).toMatchObject({
      name: 'New',
      project: server.projectIds[0],
      widgets: [],
      widget_count: 0,
    });
    expect(result.headers.get('etag')).toMatch(/^"\d+-\d+"$/);
  });

  it('accepts an empty body, and ignores unknown and read-only fields', async () => {
    const empty = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text: '', contentType: 'application/json' },
    });
    expect(empty.status).toBe(201);
    const dashboard = DashboardSchema.parse(empty.body);
    expect(dashboard.name).toBeNull();
    const extra = await createDashboard({ name: 'Extra', id: 999_999, widget_count: 7, colour: 'red' });
    expect(extra.id).not.toBe(999_999);
    expect(extra.widget_count).toBe(0);
    expect(extra).not.toHaveProperty('colour');
  });

  it('accepts form-urlencoded bodies with JSON text for filters', async () => {
    const filters = JSON.stringify({ field: 'topic', op: 'eq', value: 'billing' });
    const text = new URLSearchParams({
      name: 'Form board',
      project: String(server.projectIds[0]),
      filters,
    }).toString();
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(201);
    expect(DashboardSchema.parse(result.body)).toMatchObject({
      name: 'Form board',
      filters: { field: 'topic', op: 'eq', value: 'billing' },
    });
  });

  it('accepts multipart bodies', async () => {
    const form = new FormData();
    form.set('name', 'Multipart board');
    const response = await server.fetch('http://localhost/dashboards/dashboards/', {
      method: 'POST',
      headers: { 'X-CEKURA-API-KEY': server.apiKey },
      body: form,
    });
    expect(response.status).toBe(201);
    expect(DashboardSchema.parse(await response.json()).name).toBe('Multipart board');
  });

  it.each([
    ['a name over 255 characters', { name: 'x'.repeat(256) }, 'name'],
    ['a name of the wrong type', { name: 42 }, 'name'],
    ['a project of the wrong type', { project: 'one' }, 'project'],
    ['an unknown project', { project: 9999 }, 'project'],
    ['an unknown filter field', { filters: { field: 'nope', op: 'eq', value: 1 } }, 'filters'],
    ['a filter that is not an object', { filters: 'success' }, 'filters'],
  ])('rejects %s with a field error', async (_label, body, key) => {
    const before = snapshotDatabase(server.database);
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', { body });
    expect(result.status).toBe(400);
    expect(ErrorSchema.parse(result.body)).toHaveProperty(key);
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('prefixes nested filter errors with their path (D8)', async () => {
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', {
      body: {
        filters: {
          operator: 'and',
          conditions: [
            { field: 'success', op: 'eq', value: true },
            { operator: 'or', conditions: [{ field: 'duration', op: 'regex', value: 'a' }] },
          ],
        },
      },
    });
    expect(result.status).toBe(400);
    const errors = ErrorSchema.parse(result.body);
    expect(errors.filters?.some((m) => m.startsWith('conditions[1].conditions[0]'))).toBe(true);
  });

  it('answers malformed JSON, non-objects, huge bodies and other media types without a 500', async () => {
    const malformed = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text: '{"name": ', contentType: 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(DetailSchema.parse(malformed.body).detail).toMatch(/^JSON parse error - /);
    const list = await callApi(server, 'POST', '/dashboards/dashboards/', { body: [1, 2] });
    expect(list.status).toBe(400);
    expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    const huge = await callApi(server, 'POST', '/dashboards/dashboards/', {
      body: { name: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ detail: 'Request body is too large (limit 256 KiB).' });
    const text = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text: 'hi', contentType: 'text/plain' },
    });
    expect(text.status).toBe(415);
  });
});

describe('GET/PUT/PATCH/DELETE /dashboards/dashboards/{id}/', () => {
  it('retrieves with nested widgets, widget_count and effective filters', async () => {
    const result = await callApi(server, 'GET', '/dashboards/dashboards/1/');
    expect(result.status).toBe(200);
    const dashboard = DashboardSchema.parse(result.body);
    expect(dashboard.widgets).toHaveLength(dashboard.widget_count);
    for (const widget of dashboard.widgets) {
      expect(widget.dashboard).toBe(1);
      expect(widget.effective_filters).not.toBeNull();
    }
    const filtered = dashboard.widgets.find((w) => w.filters !== null);
    expect(filtered?.effective_filters).toEqual({
      operator: 'and',
      conditions: [dashboard.filters, filtered?.filters],
    });
    expect(result.headers.get('etag')).toBeTruthy();
  });

  it('answers 404 for missing and non-numeric ids and for paths without the slash', async () => {
    for (const path of [
      '/dashboards/dashboards/99999/',
      '/dashboards/dashboards/abc/',
      '/dashboards/dashboards/1',
    ]) {
      const result = await callApi(server, 'GET', path);
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ detail: 'Not found.' });
    }
  });

  it('PATCHes and PUTs, changing updated_at and the ETag on every write', async () => {
    const created = await createDashboard();
    const patched = await callApi(server, 'PATCH', `/dashboards/dashboards/${created.id}/`, {
      body: { name: 'Renamed' },
    });
    expect(patched.status).toBe(200);
    const afterPatch = DashboardSchema.parse(patched.body);
    expect(afterPatch.name).toBe('Renamed');
    expect(afterPatch.project).toBe(created.project);
    expect(afterPatch.updated_at).not.toBe(created.updated_at);
    const put = await callApi(server, 'PUT', `/dashboards/dashboards/${created.id}/`, {
      body: { name: 'Put', filters: null },
    });
    const afterPut = DashboardSchema.parse(put.body);
    expect(afterPut.name).toBe('Put');
    expect(Date.parse(afterPut.updated_at ?? '')).toBeGreaterThan(Date.parse(afterPatch.updated_at ?? ''));
    expect(put.headers.get('etag')).not.toBe(patched.headers.get('etag'));
  });

  it('honours If-Match (D21)', async () => {
    const created = await createDashboard();
    const path = `/dashboards/dashboards/${created.id}/`;
    const etag = (await callApi(server, 'GET', path)).headers.get('etag') ?? '';
    const ok = await callApi(server, 'PATCH', path, { body: { name: 'A' }, headers: { 'If-Match': etag } });
    expect(ok.status).toBe(200);
    const stale = await callApi(server, 'PATCH', path, {
      body: { name: 'B' },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({ detail: 'The dashboard was changed by someone else.' });
    const staleDelete = await callApi(server, 'DELETE', path, { headers: { 'If-Match': etag } });
    expect(staleDelete.status).toBe(412);
    const star = await callApi(server, 'PATCH', path, { body: { name: 'C' }, headers: { 'If-Match': '*' } });
    expect(star.status).toBe(200);
    expect(DashboardSchema.parse((await callApi(server, 'GET', path)).body).name).toBe('C');
  });

  it('DELETE cascades to the widgets (204, no body)', async () => {
    const copy = DashboardSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/1/duplicate/')).body,
    );
    expect(copy.widgets.length).toBeGreaterThan(0);
    const result = await callApi(server, 'DELETE', `/dashboards/dashboards/${copy.id}/`);
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect((await callApi(server, 'GET', `/dashboards/dashboards/${copy.id}/`)).status).toBe(404);
    for (const widget of copy.widgets) {
      expect((await callApi(server, 'GET', `/dashboards/widgets/${widget.id}/`)).status).toBe(404);
    }
    const left = server.database.sqlite
      .prepare('SELECT COUNT(*) AS n FROM widgets WHERE dashboard_id = ?')
      .get(copy.id);
    expect(left).toEqual({ n: 0 });
  });
});

describe('POST /dashboards/dashboards/{id}/duplicate/', () => {
  it('copies every widget under "Copy of …" by default', async () => {
    const original = DashboardSchema.parse((await callApi(server, 'GET', '/dashboards/dashboards/2/')).body);
    const result = await callApi(server, 'POST', '/dashboards/dashboards/2/duplicate/');
    expect(result.status).toBe(201);
    const copy = DashboardSchema.parse(result.body);
    expect(copy.name).toBe(`Copy of ${original.name ?? ''}`);
    expect(copy.id).not.toBe(original.id);
    expect(copy.widgets.map((w) => [w.name, w.chart_type, w.field, w.metadata])).toEqual(
      original.widgets.map((w) => [w.name, w.chart_type, w.field, w.metadata]),
    );
    expect(copy.widgets.every((w) => w.dashboard === copy.id)).toBe(true);
  });

  it('takes a name, and validates it', async () => {
    const named = await callApi(server, 'POST', '/dashboards/dashboards/2/duplicate/', {
      body: { name: 'Mine' },
    });
    expect(DashboardSchema.parse(named.body).name).toBe('Mine');
    const bad = await callApi(server, 'POST', '/dashboards/dashboards/2/duplicate/', {
      body: { name: 'x'.repeat(256) },
    });
    expect(bad.status).toBe(400);
    expect(ErrorSchema.parse(bad.body)).toHaveProperty('name');
  });
});

describe('POST /dashboards/dashboards/{id}/bulk_widgets/', () => {
  it('creates, updates and deletes in one go', async () => {
    const board = await createDashboard();
    const seed = await callApi(server, 'POST', `/dashboards/dashboards/${board.id}/bulk_widgets/`, {
      body: { create: [{ chart_type: 'pie', field: 'topic' }, { chart_type: 'stat' }] },
    });
    expect(seed.status).toBe(200);
    const first = BulkWidgetOperationResponseSchema.parse(seed.body);
    expect(first.created).toHaveLength(2);
    const [pie, stat] = first.created;
    const result = await callApi(server, 'POST', `/dashboards/dashboards/${board.id}/bulk_widgets/`, {
      body: {
        create: [{ name: 'Line', chart_type: 'line', field: 'duration', dashboard: 1 }],
        update: [{ id: pie?.id, name: 'Pie renamed' }],
        delete: [stat?.id],
      },
    });
    expect(result.status).toBe(200);
    const response = BulkWidgetOperationResponseSchema.parse(result.body);
    expect(response.created[0]).toMatchObject({ name: 'Line', dashboard: board.id });
    expect(response.updated[0]).toMatchObject({ id: pie?.id, name: 'Pie renamed' });
    expect(response.deleted).toEqual([stat?.id]);
    const after = DashboardSchema.parse(
      (await callApi(server, 'GET', `/dashboards/dashboards/${board.id}/`)).body,
    );
    expect(after.widgets.map((w) => w.name).sort()).toEqual(['Line', 'Pie renamed']);
  });

  it('changes nothing when one item is invalid (D15)', async () => {
    const board = await createDashboard();
    const seeded = BulkWidgetOperationResponseSchema.parse(
      (
        await callApi(server, 'POST', `/dashboards/dashboards/${board.id}/bulk_widgets/`, {
          body: { create: [{ chart_type: 'stat', name: 'Keep' }] },
        })
      ).body,
    );
    const keep = seeded.created[0];
    const before = snapshotDatabase(server.database);
    const result = await callApi(server, 'POST', `/dashboards/dashboards/${board.id}/bulk_widgets/`, {
      body: {
        create: [
          { chart_type: 'pie', field: 'topic' },
          { chart_type: 'pie', field: 'duration' },
        ],
        update: [
          { id: keep?.id, name: 'Changed' },
          { id: 1, name: 'other dashboard' },
        ],
        delete: [keep?.id, 123456],
      },
    });
    expect(result.status).toBe(400);
    const body = z
      .object({ errors: z.array(z.object({ index: z.number(), op: z.string(), errors: ErrorSchema })) })
      .parse(result.body);
    expect(body.errors.map((e) => [e.op, e.index])).toEqual([
      ['create', 1],
      ['update', 1],
      ['delete', 1],
    ]);
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('reads one form value of a list field as a list of one (DRF getlist)', async () => {
    const board = await createDashboard();
    const path = `/dashboards/dashboards/${board.id}/bulk_widgets/`;
    const form = (text: string) =>
      callApi(server, 'POST', path, { raw: { text, contentType: 'application/x-www-form-urlencoded' } });
    const created = await form(`create=${encodeURIComponent(JSON.stringify({ chart_type: 'stat' }))}`);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const [widget] = BulkWidgetOperationResponseSchema.parse(created.body).created;
    const deleted = await form(`delete=${widget?.id ?? 0}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(BulkWidgetOperationResponseSchema.parse(deleted.body).deleted).toEqual([widget?.id]);
  });

  it('rejects a malformed body', async () => {
    const result = await callApi(server, 'POST', '/dashboards/dashboards/1/bulk_widgets/', {
      body: { delete: ['x'] },
    });
    expect(result.status).toBe(400);
    expect(ErrorSchema.parse(result.body)).toHaveProperty('delete');
  });
});

describe('GET /dashboards/dashboards/predefined_widgets/', () => {
  it('returns ready-to-POST widget inputs that use the project latency metric', async () => {
    const projectId = server.projectIds[0] ?? 0;
    const result = await callApi(
      server,
      'GET',
      `/dashboards/dashboards/predefined_widgets/?project_id=${projectId}`,
    );
    expect(result.status).toBe(200);
    const widgets = z.array(WidgetInputSchema.extend({ name: z.string() })).parse(result.body);
    const metrics = MetricListResponseSchema.parse(
      (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${projectId}`)).body,
    );
    const latency = metrics.find((m) => m.function_name === 'get_latency');
    expect(latency).toBeDefined();
    const metricWidgets = widgets.filter((w) => w.field === 'metric_evaluations.value');
    expect(metricWidgets.length).toBeGreaterThan(0);
    expect(metricWidgets.every((w) => w.metric === latency?.id)).toBe(true);
    expect(new Set(widgets.map((w) => w.chart_type))).toEqual(new Set(['line', 'bar', 'pie', 'stat']));
    for (const widget of widgets) {
      expect(checkWidget(widget, { metrics })).toBeNull();
      const created = await callApi(server, 'POST', '/dashboards/widgets/', {
        body: { ...widget, dashboard: 1 },
      });
      expect(created.status).toBe(201);
      WidgetSchema.parse(created.body);
    }
  });

  it("uses the asked project's latency metric; without a project an org key over two gets none", async () => {
    const metricOf = async (projectId: number) =>
      MetricListResponseSchema.parse(
        (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${projectId}`)).body,
      ).find((m) => m.function_name === 'get_latency')?.id;
    const metricsIn = async (query: string, key?: string) => {
      const result = await callApi(server, 'GET', `/dashboards/dashboards/predefined_widgets/${query}`, {
        key,
      });
      expect(result.status).toBe(200);
      return z
        .array(WidgetInputSchema)
        .parse(result.body)
        .flatMap((w) => (w.metric == null ? [] : [w.metric]));
    };
    const [first, second] = server.projectIds;
    if (first === undefined || second === undefined) throw new Error('the seed has two projects');
    expect(await metricsIn(`?project_id=${second}`)).toEqual([
      await metricOf(second),
      await metricOf(second),
    ]);
    // Which project's latency metric is meant cannot be known: none is offered rather than a wrong one.
    expect(await metricsIn('')).toEqual([]);
    // A key scoped to one project has only that project: its metric is meant.
    expect(await metricsIn('', server.scopedApiKey)).toEqual([await metricOf(first), await metricOf(first)]);
  });
});
