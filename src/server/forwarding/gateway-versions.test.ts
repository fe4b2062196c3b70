import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import {
  DashboardVersionListSchema,
  DashboardVersionSchema,
  RestoreVersionResponseSchema,
} from '../../contract/dashboard-version-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import { createApp } from '../app.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { listenTestServer, type ListeningServer } from '../test-support/listen-test-server.ts';

// Issue 16, ADR 0020: the gateway's history of the writes it forwards. The upstream is a second,
// seeded Widget Studio app listening on a loopback port; the gateway reaches it over real HTTP.

let clock = new Date('2026-08-20T12:00:00.000Z');
let upstream: TestServer;
let upstreamHttp: ListeningServer;
let gatewayDatabase: OpenDatabase;
let gateway: TestServer;
const upstreamRequests: string[] = [];

beforeAll(async () => {
  upstream = createTestServer({ calls: 50, now: clock });
  const app = upstream.app;
  upstreamHttp = await listenTestServer({
    ...upstream,
    app: Object.assign(Object.create(app) as typeof app, {
      fetch: (request: Request) => {
        upstreamRequests.push(`${request.method} ${new URL(request.url).pathname}`);
        return app.fetch(request);
      },
    }),
  });
  gatewayDatabase = openDatabase(':memory:');
  const gatewayApp = createApp({
    database: gatewayDatabase,
    clock: () => new Date(clock.getTime()),
    upstream: { url: upstreamHttp.origin },
  });
  gateway = { ...upstream, app: gatewayApp, fetch: async (input, init) => gatewayApp.request(input, init) };
});
afterAll(async () => {
  await upstreamHttp.close();
  upstream.close();
  gatewayDatabase.close();
});

function tick() {
  clock = new Date(clock.getTime() + 60_000);
}
async function versions(dashboardId: number, key = upstream.apiKey, widget?: number) {
  const query = widget === undefined ? '' : `?widget=${widget}`;
  const result = await callApi(gateway, 'GET', `/studio/dashboards/${dashboardId}/versions/${query}`, {
    key,
  });
  expect(result.status).toBe(200);
  return DashboardVersionListSchema.parse(result.body);
}
async function upstreamWidget(id: number) {
  return WidgetSchema.parse((await callApi(upstream, 'GET', `/dashboards/widgets/${id}/`)).body);
}
/** A fresh dashboard with two widgets, made directly on the upstream (so the gateway has not seen it). */
async function dashboardMadeElsewhere(): Promise<{ id: number; widgets: number[] }> {
  const created = DashboardSchema.parse(
    (await callApi(upstream, 'POST', '/dashboards/dashboards/', { body: { name: 'Elsewhere', project: 1 } }))
      .body,
  );
  const widgets: number[] = [];
  for (const name of ['Calls per day', 'Calls by reason']) {
    const widget = await callApi(upstream, 'POST', '/dashboards/widgets/', {
      body: { dashboard: created.id, name, chart_type: 'stat' },
    });
    expect(widget.status).toBe(201);
    widgets.push(WidgetSchema.parse(widget.body).id);
  }
  return { id: created.id, widgets };
}

describe('gateway version history', () => {
  it('records a forwarded widget PATCH as a version, after the state before it', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    expect((await versions(id)).results).toEqual([]);
    tick();
    const patched = await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, {
      body: { name: 'Calls each day' },
    });
    expect(patched.status).toBe(200);
    const list = await versions(id);
    expect(list.recorded).toBe('forwarded-writes');
    expect(list.results.map((v) => v.summary)).toEqual([
      'Changed Calls per day: renamed Calls per day → Calls each day',
      'Earliest recorded state',
    ]);
    const newest = DashboardVersionSchema.parse(
      (await callApi(gateway, 'GET', `/studio/dashboards/${id}/versions/${list.results[0]?.id}/`)).body,
    );
    expect(newest.snapshot.widgets.map((w) => w.name)).toEqual(['Calls each day', 'Calls by reason']);
    // `?widget=` keeps the versions that changed that widget.
    expect((await versions(id, upstream.apiKey, widgets[1])).results.map((v) => v.summary)).toEqual([
      'Earliest recorded state',
    ]);
  });

  it('records one version per bulk_widgets save, and widget create and delete', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    const layout = await callApi(gateway, 'POST', `/dashboards/dashboards/${id}/bulk_widgets/`, {
      body: {
        update: widgets.map((widgetId, index) => ({
          id: widgetId,
          metadata: { layout: { x: index * 6, y: 4, w: 6, h: 4 } },
        })),
      },
    });
    expect(layout.status).toBe(200);
    const created = await callApi(gateway, 'POST', '/dashboards/widgets/', {
      body: { dashboard: id, name: 'Third', chart_type: 'stat' },
    });
    expect(created.status).toBe(201);
    const third = WidgetSchema.parse(created.body).id;
    expect((await callApi(gateway, 'DELETE', `/dashboards/widgets/${third}/`)).status).toBe(204);
    const list = await versions(id);
    expect(list.results).toHaveLength(4);
    expect(list.results[3]?.summary).toBe('Earliest recorded state');
    expect(list.results[2]?.summary).toBe('Moved 2 cards; resized 2 cards');
    expect(list.results[1]?.summary).toMatch(/Added Third/);
    expect(list.results[0]?.summary).toMatch(/Removed Third/);
  });

  it('records nothing for a write the upstream refuses, or cannot be reached for', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    const refused = await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, {
      body: { chart_type: 'no-such-chart' },
    });
    expect(refused.status).toBe(400);
    const stale = await callApi(gateway, 'PATCH', `/dashboards/dashboards/${id}/`, {
      body: { name: 'Stale' },
      headers: { 'If-Match': '"0-stale"' },
    });
    expect(stale.status).toBe(412);
    // A refused delete has no body to judge by: only the status says it did not land.
    const staleDelete = await callApi(gateway, 'DELETE', `/dashboards/widgets/${widgets[1]}/`, {
      headers: { 'If-Match': '"0-stale"' },
    });
    expect(staleDelete.status).toBe(412);
    const unreachableDb = openDatabase(':memory:');
    const unreachable = createApp({ database: unreachableDb, upstream: { url: 'http://127.0.0.1:9' } });
    const offline = await unreachable.request(`/dashboards/widgets/${widgets[0]}/`, {
      method: 'PATCH',
      headers: { 'X-CEKURA-API-KEY': upstream.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Never' }),
    });
    expect(offline.status).toBe(502);
    expect(unreachableDb.sqlite.prepare('SELECT COUNT(*) FROM gateway_versions').pluck().get()).toBe(0);
    unreachableDb.close();
    expect((await versions(id)).results).toEqual([]);
    expect((await upstreamWidget(widgets[0] ?? 0)).chart_type).toBe('stat');
  });

  it('keeps the versions of two keys apart and never stores a key', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, {
      body: { name: 'By the org key' },
    });
    const mine = (await versions(id)).results;
    expect(mine).toHaveLength(2);
    // The project key sees the same upstream dashboard, but not the org key's history of it.
    expect((await versions(id, upstream.scopedApiKey)).results).toEqual([]);
    const theirs = await callApi(gateway, 'GET', `/studio/dashboards/${id}/versions/${mine[0]?.id}/`, {
      key: upstream.scopedApiKey,
    });
    expect(theirs.status).toBe(404);
    const restore = await callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, {
      key: upstream.scopedApiKey,
      body: { version: mine[1]?.id },
    });
    expect(restore.status).toBe(400);
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[1]}/`, {
      key: upstream.scopedApiKey,
      body: { name: 'By the project key' },
    });
    expect((await versions(id, upstream.scopedApiKey)).results.map((v) => v.summary)).toEqual([
      'Changed Calls by reason: renamed Calls by reason → By the project key',
      'Earliest recorded state',
    ]);
    expect((await versions(id)).results).toHaveLength(2);
    const stored = JSON.stringify(gatewayDatabase.sqlite.prepare('SELECT * FROM gateway_versions').all());
    for (const key of [upstream.apiKey, upstream.scopedApiKey]) expect(stored).not.toContain(key);
  });

  it('answers as the upstream does for a dashboard the key cannot see there', async () => {
    expect((await callApi(gateway, 'GET', '/studio/dashboards/999999/versions/')).status).toBe(404);
    expect(
      (await callApi(gateway, 'GET', '/studio/dashboards/1/versions/', { key: 'ws_wrong' })).status,
    ).toBe(401);
  });

  it('restores a version by writing upstream, as a new version that can itself be undone', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, { body: { name: 'Changed' } });
    await callApi(gateway, 'PATCH', `/dashboards/dashboards/${id}/`, { body: { name: 'Renamed' } });
    const [renamed, lined, earliest] = (await versions(id)).results;
    upstreamRequests.length = 0;
    const stale = await callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, {
      body: { version: earliest?.id, based_on: lined?.id },
    });
    expect(stale.status).toBe(412);
    expect(upstreamRequests.filter((r) => !r.startsWith('GET'))).toEqual([]);

    const restored = await callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, {
      body: { version: earliest?.id, based_on: renamed?.id },
    });
    expect(restored.status).toBe(200);
    const answer = RestoreVersionResponseSchema.parse(restored.body);
    expect(answer.version.restored_from).toBe(earliest?.id);
    expect(answer.dashboard.name).toBe('Elsewhere');
    expect(upstreamRequests).toContain(`POST /dashboards/dashboards/${id}/bulk_widgets/`);
    expect(upstreamRequests).toContain(`PATCH /dashboards/dashboards/${id}/`);
    expect((await upstreamWidget(widgets[0] ?? 0)).name).toBe('Calls per day');
    const upstreamDashboard = DashboardSchema.parse(
      (await callApi(upstream, 'GET', `/dashboards/dashboards/${id}/`)).body,
    );
    expect(upstreamDashboard.name).toBe('Elsewhere');

    // Undo: restore the version that was newest before the restore.
    const undo = await callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, {
      body: { version: renamed?.id, based_on: answer.version.id },
    });
    expect(undo.status).toBe(200);
    expect((await upstreamWidget(widgets[0] ?? 0)).name).toBe('Changed');
    expect((await versions(id)).results).toHaveLength(5);
  });

  it('tells only one of two racing restores from the same history that it succeeded', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, { body: { name: 'Raced' } });
    const [newest, earliest] = (await versions(id)).results;
    const body = { version: earliest?.id, based_on: newest?.id };
    const answers = await Promise.all([
      callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, { body }),
      callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, { body }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    expect((await versions(id)).results).toHaveLength(3);
  });

  it('restores one widget only', async () => {
    const { id, widgets } = await dashboardMadeElsewhere();
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[0]}/`, { body: { name: 'A' } });
    await callApi(gateway, 'PATCH', `/dashboards/widgets/${widgets[1]}/`, { body: { name: 'B' } });
    const earliest = (await versions(id)).results.at(-1);
    const restored = await callApi(gateway, 'POST', `/studio/dashboards/${id}/restore/`, {
      body: { version: earliest?.id, widget: widgets[0] },
    });
    expect(restored.status).toBe(200);
    expect((await upstreamWidget(widgets[0] ?? 0)).name).toBe('Calls per day');
    expect((await upstreamWidget(widgets[1] ?? 0)).name).toBe('B');
  });
});
