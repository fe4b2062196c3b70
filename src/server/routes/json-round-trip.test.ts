import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

// D14: every key of widget `metadata` belongs to someone and must come back exactly as it was sent,
// including keys that are special in JavaScript. Names are stored as text columns, where a lone
// UTF-16 surrogate would silently become U+FFFD: they are refused instead (contract 8.3, D24).

const NOW = new Date('2026-08-20T12:00:00.000Z');
/** Metadata as JSON text: parsing it gives `__proto__` as an own key, as it does on the server. */
const METADATA_TEXT =
  '{"__proto__":{"x":1},"constructor":1,"prototype":2,"layout":{"x":0,"y":0,"w":4,"h":3},' +
  '"nested":{"__proto__":[1,2],"toString":"t","hasOwnProperty":null},"lone":"a\\ud800b"}';
const OTHER_METADATA_TEXT = '{"layout":{"x":4,"y":0,"w":4,"h":3},"__proto__":"second","valueOf":{}}';
const metadataOf = (text: string): unknown => JSON.parse(text);

const WithMetadataSchema = z.object({ id: z.number(), metadata: z.unknown() });
const DashboardWithWidgetsSchema = z.object({ id: z.number(), widgets: z.array(WithMetadataSchema) });
const BulkResultSchema = z.object({
  created: z.array(WithMetadataSchema),
  updated: z.array(WithMetadataSchema),
});
const PageSchema = z.object({ results: z.array(WithMetadataSchema) });
const ErrorsSchema = z.record(z.string(), z.array(z.string()));

/** The metadata of a response as JSON text, key order included. */
const metadataText = (value: { metadata: unknown }) => JSON.stringify(value.metadata);

let server: TestServer;
let dashboardId: number;
beforeAll(async () => {
  server = createTestServer({ calls: 50, now: NOW });
  const created = await callApi(server, 'POST', '/dashboards/dashboards/', {
    body: { name: 'Round trip', project: server.projectIds[0] },
  });
  dashboardId = DashboardWithWidgetsSchema.parse(created.body).id;
});
afterAll(() => server.close());

async function createWidget(metadataText: string): Promise<z.infer<typeof WithMetadataSchema>> {
  const result = await callApi(server, 'POST', '/dashboards/widgets/', {
    body: { dashboard: dashboardId, chart_type: 'stat', metadata: metadataOf(metadataText) },
  });
  expect(result.status).toBe(201);
  return WithMetadataSchema.parse(result.body);
}

describe('widget metadata round-trips every key unchanged', () => {
  it('through POST, GET and the widget list', async () => {
    const widget = await createWidget(METADATA_TEXT);
    expect(metadataText(widget)).toBe(METADATA_TEXT);
    const read = WithMetadataSchema.parse(
      (await callApi(server, 'GET', `/dashboards/widgets/${widget.id}/`)).body,
    );
    expect(metadataText(read)).toBe(METADATA_TEXT);
    const page = PageSchema.parse(
      (await callApi(server, 'GET', `/dashboards/widgets/?dashboard_id=${dashboardId}&page_size=200`)).body,
    );
    const listed = page.results.find((w) => w.id === widget.id);
    expect(listed && metadataText(listed)).toBe(METADATA_TEXT);
  });

  it('through PATCH of another field, PATCH of metadata and PUT', async () => {
    const widget = await createWidget(METADATA_TEXT);
    const path = `/dashboards/widgets/${widget.id}/`;
    const renamed = await callApi(server, 'PATCH', path, { body: { name: 'Renamed' } });
    expect(renamed.status).toBe(200);
    expect(metadataText(WithMetadataSchema.parse(renamed.body))).toBe(METADATA_TEXT);
    const patched = await callApi(server, 'PATCH', path, {
      body: { metadata: metadataOf(OTHER_METADATA_TEXT) },
    });
    expect(metadataText(WithMetadataSchema.parse(patched.body))).toBe(OTHER_METADATA_TEXT);
    const put = await callApi(server, 'PUT', path, {
      body: { dashboard: dashboardId, chart_type: 'stat', metadata: metadataOf(METADATA_TEXT) },
    });
    expect(metadataText(WithMetadataSchema.parse(put.body))).toBe(METADATA_TEXT);
  });

  it('through a form-encoded POST with metadata as JSON text', async () => {
    const text = new URLSearchParams({
      dashboard: String(dashboardId),
      chart_type: 'stat',
      metadata: METADATA_TEXT,
    }).toString();
    const result = await callApi(server, 'POST', '/dashboards/widgets/', {
      raw: { text, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(201);
    expect(metadataText(WithMetadataSchema.parse(result.body))).toBe(METADATA_TEXT);
  });

  it('through bulk_widgets create and update', async () => {
    const existing = await createWidget('{"layout":{"x":0,"y":0,"w":1,"h":1}}');
    const result = await callApi(server, 'POST', `/dashboards/dashboards/${dashboardId}/bulk_widgets/`, {
      body: {
        create: [{ chart_type: 'stat', metadata: metadataOf(METADATA_TEXT) }],
        update: [{ id: existing.id, metadata: metadataOf(OTHER_METADATA_TEXT) }],
      },
    });
    expect(result.status).toBe(200);
    const bulk = BulkResultSchema.parse(result.body);
    expect(bulk.created.map(metadataText)).toEqual([METADATA_TEXT]);
    expect(bulk.updated.map(metadataText)).toEqual([OTHER_METADATA_TEXT]);
  });

  it('through duplicating the dashboard', async () => {
    const widget = await createWidget(METADATA_TEXT);
    const result = await callApi(server, 'POST', `/dashboards/dashboards/${dashboardId}/duplicate/`, {
      body: { name: 'Round trip copy' },
    });
    expect(result.status).toBe(201);
    const original = DashboardWithWidgetsSchema.parse(
      (await callApi(server, 'GET', `/dashboards/dashboards/${dashboardId}/`)).body,
    );
    const copy = DashboardWithWidgetsSchema.parse(result.body);
    const index = original.widgets.findIndex((w) => w.id === widget.id);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(copy.widgets.map(metadataText)).toEqual(original.widgets.map(metadataText));
    expect(copy.widgets.map(metadataText)[index]).toBe(METADATA_TEXT);
  });
});

describe('names with a lone UTF-16 surrogate are refused', () => {
  const broken = ['a\ud800b', 'tail\udc00', '\udbff'];

  it.each(broken)('dashboard create, update and duplicate refuse %j', async (name) => {
    const create = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name } });
    expect(create.status).toBe(400);
    expect(Object.keys(ErrorsSchema.parse(create.body))).toEqual(['name']);
    for (const method of ['PATCH', 'PUT']) {
      const update = await callApi(server, method, `/dashboards/dashboards/${dashboardId}/`, {
        body: { name },
      });
      expect(update.status).toBe(400);
      expect(ErrorsSchema.parse(update.body).name?.[0]).toMatch(/valid Unicode/);
    }
    const duplicate = await callApi(server, 'POST', `/dashboards/dashboards/${dashboardId}/duplicate/`, {
      body: { name },
    });
    expect(duplicate.status).toBe(400);
    expect(ErrorsSchema.parse(duplicate.body).name?.[0]).toMatch(/valid Unicode/);
    const kept = await callApi(server, 'GET', `/dashboards/dashboards/${dashboardId}/`);
    expect(z.object({ name: z.string() }).parse(kept.body).name).toBe('Round trip');
  });

  it.each(broken)('widget create, update and bulk_widgets refuse %j', async (name) => {
    const create = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard: dashboardId, chart_type: 'stat', name },
    });
    expect(create.status).toBe(400);
    expect(ErrorsSchema.parse(create.body).name?.[0]).toMatch(/valid Unicode/);
    const widget = await createWidget('{}');
    const patch = await callApi(server, 'PATCH', `/dashboards/widgets/${widget.id}/`, { body: { name } });
    expect(patch.status).toBe(400);
    const bulk = await callApi(server, 'POST', `/dashboards/dashboards/${dashboardId}/bulk_widgets/`, {
      body: { create: [{ chart_type: 'stat', name }] },
    });
    expect(bulk.status).toBe(400);
    expect(JSON.stringify(bulk.body)).toMatch(/valid Unicode/);
  });

  it('accepts and keeps names with surrogate pairs (emoji)', async () => {
    const name = 'Calls 📞 by day 😀';
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name } });
    expect(result.status).toBe(201);
    expect(z.object({ name: z.string() }).parse(result.body).name).toBe(name);
  });

  it('never cuts a surrogate pair when the default copy name is shortened to 255 characters', async () => {
    const name = `${'x'.repeat(246)}😀`;
    const created = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name } });
    const id = DashboardWithWidgetsSchema.parse(created.body).id;
    const copy = await callApi(server, 'POST', `/dashboards/dashboards/${id}/duplicate/`, { body: {} });
    expect(copy.status).toBe(201);
    const copyName = z.object({ name: z.string() }).parse(copy.body).name;
    expect(copyName).toBe(`Copy of ${'x'.repeat(246)}`);
  });
});
