import { afterEach, describe, expect, it } from 'vitest';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import {
  DashboardVersionListSchema,
  DashboardVersionSchema,
  RestoreVersionResponseSchema,
} from '../../contract/dashboard-version-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

let clock = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
function start(retention?: { keep_all_days: number; keep_daily_days: number }): TestServer {
  clock = new Date('2026-08-20T12:00:00.000Z');
  server = createTestServer({
    calls: 50,
    now: clock,
    app: { clock: () => new Date(clock.getTime()), ...(retention ? { retention } : {}) },
  });
  return server;
}
afterEach(() => server.close());

async function versions(dashboardId = 1, key?: string) {
  const result = await callApi(server, 'GET', `/studio/dashboards/${dashboardId}/versions/`, { key });
  expect(result.status).toBe(200);
  return DashboardVersionListSchema.parse(result.body).results;
}
async function widget(id: number) {
  return WidgetSchema.parse((await callApi(server, 'GET', `/dashboards/widgets/${id}/`)).body);
}
async function restore(body: Record<string, unknown>, dashboardId = 1) {
  return callApi(server, 'POST', `/studio/dashboards/${dashboardId}/restore/`, { body });
}

describe('recording versions', () => {
  it('records the earliest state and then one version per write, with who and a summary', async () => {
    start();
    expect(await versions()).toEqual([]);
    const patched = await callApi(server, 'PATCH', '/dashboards/widgets/4/', {
      body: { chart_type: 'line' },
    });
    expect(patched.status).toBe(200);
    const list = await versions();
    expect(list.map((v) => [v.summary, v.author])).toEqual([
      ['Changed Latency p95 per day: chart type bar → line', 'local'],
      ['Earliest recorded state', null],
    ]);
    const detail = DashboardVersionSchema.parse(
      (await callApi(server, 'GET', `/studio/dashboards/1/versions/${list[0]?.id}/`)).body,
    );
    expect(detail.snapshot.widgets.find((w) => w.id === 4)?.chart_type).toBe('line');
  });

  it('lists only the versions that changed one widget with ?widget=', async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { chart_type: 'line' } });
    await callApi(server, 'PATCH', '/dashboards/widgets/3/', { body: { name: 'Other widget' } });
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { name: 'Latency again' } });
    const result = await callApi(server, 'GET', '/studio/dashboards/1/versions/?widget=4');
    expect(result.status).toBe(200);
    expect(DashboardVersionListSchema.parse(result.body).results.map((v) => v.summary)).toEqual([
      'Changed Latency p95 per day: renamed Latency p95 per day → Latency again',
      'Changed Latency p95 per day: chart type bar → line',
      'Earliest recorded state',
    ]);
    expect((await versions()).length).toBe(4);
    const bad = await callApi(server, 'GET', '/studio/dashboards/1/versions/?widget=x');
    expect(bad.status).toBe(400);
  });

  it('records a bulk save as one version, and nothing for a write that changes nothing or fails', async () => {
    start();
    const moves = [1, 2, 3].map((id) => ({ id, metadata: { layout: { x: 0, y: 20 + id, w: 4, h: 3 } } }));
    const bulk = await callApi(server, 'POST', '/dashboards/dashboards/1/bulk_widgets/', {
      body: { update: moves },
    });
    expect(bulk.status).toBe(200);
    expect((await versions()).map((v) => v.summary)).toEqual([
      'Moved 3 cards; resized 2 cards',
      'Earliest recorded state',
    ]);
    const same = await callApi(server, 'PATCH', '/dashboards/dashboards/1/', {
      body: { name: 'Support overview' },
    });
    expect(same.status).toBe(200);
    const invalid = await callApi(server, 'PATCH', '/dashboards/widgets/4/', {
      body: { chart_type: 'donut' },
    });
    expect(invalid.status).toBe(400);
    expect(await versions()).toHaveLength(2);
  });

  it('records dashboard create, rename, duplicate, widget create and delete', async () => {
    start();
    const created = DashboardSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/dashboards/', {
          body: { name: 'New', project: server.projectIds[0] },
        })
      ).body,
    );
    await callApi(server, 'PATCH', `/dashboards/dashboards/${created.id}/`, { body: { name: 'Renamed' } });
    const added = WidgetSchema.parse(
      (
        await callApi(server, 'POST', '/dashboards/widgets/', {
          body: { dashboard: created.id, chart_type: 'stat', name: 'Calls' },
        })
      ).body,
    );
    expect((await callApi(server, 'DELETE', `/dashboards/widgets/${added.id}/`)).status).toBe(204);
    expect((await versions(created.id)).map((v) => v.summary)).toEqual([
      'Removed Calls',
      'Added Calls',
      'Renamed the dashboard New → Renamed',
      'Created the dashboard',
    ]);
    const copy = DashboardSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/1/duplicate/', { body: {} })).body,
    );
    expect((await versions(copy.id)).map((v) => v.summary)).toEqual(['Created the dashboard with 7 widgets']);
  });

  it('writes nothing when its version cannot be recorded (one transaction)', async () => {
    start();
    server.database.sqlite.exec(
      `CREATE TRIGGER no_versions BEFORE INSERT ON dashboard_versions WHEN NEW.author IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = await widget(4);
    const patched = await callApi(server, 'PATCH', '/dashboards/widgets/4/', {
      body: { chart_type: 'line' },
    });
    expect(patched.status).toBe(500);
    expect(await widget(4)).toEqual(before);
    expect(await versions()).toEqual([]);
  });

  it('keeps every version for keep_all_days, then one a day, then none', async () => {
    start({ keep_all_days: 1, keep_daily_days: 3 });
    for (const [time, type] of [
      ['2026-08-20T12:00:00.000Z', 'line'],
      ['2026-08-20T13:00:00.000Z', 'bar'],
      ['2026-08-22T12:00:00.000Z', 'line'],
      ['2026-08-25T12:00:00.000Z', 'bar'],
    ] as const) {
      clock = new Date(time);
      await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { chart_type: type } });
    }
    // 20th: gone (older than 3 days); 22nd: one a day; 25th: the newest.
    expect((await versions()).map((v) => v.created_at)).toEqual([
      '2026-08-25T12:00:00.000Z',
      '2026-08-22T12:00:00.000Z',
    ]);
  });
});

describe('restore', () => {
  it('restores one widget as a new version, and the restore can be undone', async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', {
      body: { chart_type: 'line', name: 'Latency' },
    });
    await callApi(server, 'PATCH', '/dashboards/widgets/3/', { body: { name: 'Duration' } });
    const [newest, , earliest] = await versions();
    const restored = await restore({ version: earliest?.id, widget: 4, based_on: newest?.id });
    expect(restored.status).toBe(200);
    const answer = RestoreVersionResponseSchema.parse(restored.body);
    expect(answer.version.restored_from).toBe(earliest?.id);
    expect(answer.version.summary).toBe(
      `Restored version ${earliest?.id}: Changed Latency: renamed Latency → Latency p95 per day; chart type line → bar`,
    );
    expect((await widget(4)).chart_type).toBe('bar');
    expect((await widget(3)).name).toBe('Duration');
    const undo = await restore({ version: newest?.id, based_on: answer.version.id });
    expect(undo.status).toBe(200);
    expect((await widget(4)).name).toBe('Latency');
  });

  it('restores the whole dashboard: name back, deleted widgets again (new ids), added ones removed', async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/dashboards/1/', { body: { name: 'Changed' } });
    await callApi(server, 'DELETE', '/dashboards/widgets/2/');
    const added = WidgetSchema.parse(
      (await callApi(server, 'POST', '/dashboards/widgets/', { body: { dashboard: 1, chart_type: 'stat' } }))
        .body,
    );
    const earliest = (await versions()).at(-1);
    const answer = RestoreVersionResponseSchema.parse((await restore({ version: earliest?.id })).body);
    expect(answer.dashboard.name).toBe('Support overview');
    const names = answer.dashboard.widgets.map((w) => w.name);
    expect(names).toContain('Success rate by agent');
    expect(answer.dashboard.widgets.map((w) => w.id)).not.toContain(added.id);
    expect(answer.dashboard.widgets.map((w) => w.id)).not.toContain(2);
    expect(answer.dashboard.widgets).toHaveLength(7);
  });

  it('answers 412 and writes nothing when the history moved on since the client read it', async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { chart_type: 'line' } });
    const [seen, earliest] = await versions();
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { name: 'Theirs' } });
    const result = await restore({ version: earliest?.id, based_on: seen?.id });
    expect(result.status).toBe(412);
    expect(result.body).toEqual({
      detail: 'The dashboard was changed by someone else since you opened its history.',
    });
    expect((await widget(4)).name).toBe('Theirs');
    expect(await versions()).toHaveLength(3);
  });

  it('refuses bad requests with DRF errors', async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/widgets/4/', { body: { chart_type: 'line' } });
    const earliest = (await versions()).at(-1);
    expect((await restore({})).body).toEqual({ version: ['This field is required.'] });
    expect((await restore({ version: 999 })).body).toEqual({
      version: ['Invalid pk "999" - object does not exist.'],
    });
    expect((await restore({ version: earliest?.id, widget: 999 })).body).toEqual({
      widget: ['Widget 999 is not in this version.'],
    });
  });
});

describe('tenancy', () => {
  it("answers 404 for another project's dashboard, its versions and its restore", async () => {
    start();
    await callApi(server, 'PATCH', '/dashboards/dashboards/2/', { body: { name: 'Other' } });
    const id = (await versions(2))[0]?.id;
    const key = server.scopedApiKey;
    for (const [method, path] of [
      ['GET', '/studio/dashboards/2/versions/'],
      ['GET', `/studio/dashboards/2/versions/${id}/`],
      ['POST', '/studio/dashboards/2/restore/'],
    ] as const) {
      const result = await callApi(server, method, path, {
        key,
        body: method === 'POST' ? { version: id } : undefined,
      });
      expect(result.status, path).toBe(404);
    }
    // A version of dashboard 2 is not one of dashboard 1's.
    expect((await callApi(server, 'GET', `/studio/dashboards/1/versions/${id}/`)).status).toBe(404);
    expect((await callApi(server, 'GET', '/studio/dashboards/1/versions/', { key: null })).status).toBe(401);
  });
});
