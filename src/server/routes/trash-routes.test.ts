import { afterEach, describe, expect, it } from 'vitest';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { TrashListSchema, TrashRestoreResponseSchema } from '../../contract/trash-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

let clock = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
function start(): void {
  clock = new Date('2026-08-20T12:00:00.000Z');
  server = createTestServer({ calls: 50, now: clock, app: { clock: () => new Date(clock.getTime()) } });
}
afterEach(() => server.close());

async function trash(key?: string) {
  const result = await callApi(server, 'GET', '/studio/trash/', { key });
  expect(result.status).toBe(200);
  return TrashListSchema.parse(result.body);
}
async function dashboard(id: number) {
  const result = await callApi(server, 'GET', `/dashboards/dashboards/${id}/`);
  return result.status === 200 ? DashboardSchema.parse(result.body) : null;
}

describe('trash', () => {
  it('keeps a deleted dashboard with its widgets and layout, and restores it with the same ids', async () => {
    start();
    const before = await dashboard(1);
    expect((await callApi(server, 'DELETE', '/dashboards/dashboards/1/')).status).toBe(204);
    expect(await dashboard(1)).toBeNull();
    const list = await trash();
    expect(list.keep_days).toBe(30);
    expect(list.results).toMatchObject([
      { kind: 'dashboard', object_id: 1, name: 'Support overview', widget_count: 7, deleted_by: 'local' },
    ]);
    const restored = await callApi(server, 'POST', `/studio/trash/${list.results[0]?.id}/restore/`);
    expect(TrashRestoreResponseSchema.parse(restored.body)).toEqual({
      kind: 'dashboard',
      object_id: 1,
      dashboard: 1,
    });
    const after = await dashboard(1);
    expect(after?.widgets.map((w) => [w.id, w.name, w.metadata])).toEqual(
      before?.widgets.map((w) => [w.id, w.name, w.metadata]),
    );
    expect((await trash()).results).toEqual([]);
    // Restoring it again is a 404; a new dashboard still gets a new id.
    expect((await callApi(server, 'POST', `/studio/trash/${list.results[0]?.id}/restore/`)).status).toBe(404);
    const created = DashboardSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/', { body: {} })).body,
    );
    expect(created.id).toBeGreaterThan(2);
  });

  it('restores a deleted widget onto its dashboard, or says its dashboard must come back first', async () => {
    start();
    const widget = WidgetSchema.parse((await callApi(server, 'GET', '/dashboards/widgets/3/')).body);
    await callApi(server, 'DELETE', '/dashboards/widgets/3/');
    const entry = (await trash()).results[0];
    expect(entry).toMatchObject({ kind: 'widget', object_id: 3, dashboard: 1, name: widget.name });
    await callApi(server, 'DELETE', '/dashboards/dashboards/1/');
    const refused = await callApi(server, 'POST', `/studio/trash/${entry?.id}/restore/`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      detail: 'Its dashboard is deleted too: restore the dashboard from the trash first.',
    });
    expect((await trash()).results).toHaveLength(2);
    const dashboardEntry = (await trash()).results.find((e) => e.kind === 'dashboard');
    await callApi(server, 'POST', `/studio/trash/${dashboardEntry?.id}/restore/`);
    expect((await callApi(server, 'POST', `/studio/trash/${entry?.id}/restore/`)).status).toBe(200);
    const back = WidgetSchema.parse((await callApi(server, 'GET', '/dashboards/widgets/3/')).body);
    expect({ ...back, updated_at: null }).toEqual({ ...widget, updated_at: null });
  });

  it('keeps widgets deleted by bulk_widgets too, and restores them', async () => {
    start();
    const widget = WidgetSchema.parse((await callApi(server, 'GET', '/dashboards/widgets/3/')).body);
    const bulk = await callApi(server, 'POST', '/dashboards/dashboards/1/bulk_widgets/', {
      body: { delete: [3] },
    });
    expect(bulk.status).toBe(200);
    expect((await callApi(server, 'GET', '/dashboards/widgets/3/')).status).toBe(404);
    const entries = (await trash()).results;
    expect(entries).toMatchObject([{ kind: 'widget', object_id: 3, dashboard: 1, name: widget.name }]);
    expect((await callApi(server, 'POST', `/studio/trash/${entries[0]?.id}/restore/`)).status).toBe(200);
    const back = WidgetSchema.parse((await callApi(server, 'GET', '/dashboards/widgets/3/')).body);
    expect({ ...back, updated_at: null }).toEqual({ ...widget, updated_at: null });
  });

  it('deletes nothing when the trash entry cannot be written (one transaction)', async () => {
    start();
    server.database.sqlite.exec(
      "CREATE TRIGGER no_trash BEFORE INSERT ON trash BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect((await callApi(server, 'DELETE', '/dashboards/dashboards/1/')).status).toBe(500);
    expect((await callApi(server, 'DELETE', '/dashboards/widgets/3/')).status).toBe(500);
    expect((await dashboard(1))?.widgets).toHaveLength(7);
  });

  it('forgets entries after 30 days', async () => {
    start();
    await callApi(server, 'DELETE', '/dashboards/widgets/3/');
    clock = new Date('2026-09-18T12:00:00.000Z');
    expect((await trash()).results).toHaveLength(1);
    clock = new Date('2026-09-20T12:00:00.000Z');
    expect((await trash()).results).toEqual([]);
  });

  it("is scoped: another project's entries are not listed and answer 404", async () => {
    start();
    await callApi(server, 'DELETE', '/dashboards/dashboards/2/');
    const entry = (await trash()).results[0];
    expect(entry?.object_id).toBe(2);
    expect((await trash(server.scopedApiKey)).results).toEqual([]);
    const result = await callApi(server, 'POST', `/studio/trash/${entry?.id}/restore/`, {
      key: server.scopedApiKey,
    });
    expect(result.status).toBe(404);
    expect(await dashboard(2)).toBeNull();
    expect((await callApi(server, 'GET', '/studio/trash/', { key: null })).status).toBe(401);
  });
});
