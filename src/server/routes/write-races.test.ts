import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { WidgetSchema } from '../../contract/widget-schema.ts';
import { DASHBOARD_CONFLICT } from './dashboard-routes.ts';
import { WIDGET_CONFLICT } from './widget-routes.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import {
  listenTestServer,
  sendInTwoParts,
  type ListeningServer,
} from '../test-support/listen-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';

// Writes racing each other over real HTTP: one request sends half its body, another request runs to
// completion, then the first one's body is finished. Two writers must never both be told they won.

const NOW = new Date('2026-08-20T12:00:00.000Z');
/** Long enough for the server to take the slow request's headers, load its row and check If-Match. */
const HEADERS_HANDLED_MS = 150;

let server: TestServer;
let http: ListeningServer;

beforeAll(async () => {
  server = createTestServer({ calls: 50, now: NOW });
  http = await listenTestServer(server);
});
afterAll(async () => {
  await http.close();
  server.close();
});

interface Answer {
  status: number;
  body: unknown;
  etag: string | null;
}

async function send(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const response = await fetch(`${http.origin}${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': server.apiKey, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const answer: Answer = {
    status: response.status,
    body: text === '' ? undefined : JSON.parse(text),
    etag: response.headers.get('etag'),
  };
  return answer;
}

/** Sends `body` to `path` slowly; its second half goes out when the returned `finish` is called. */
function sendSlowly(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  let finish = () => {};
  const release = new Promise<void>((resolve) => (finish = resolve));
  const answer = sendInTwoParts(`${http.origin}${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': server.apiKey, ...headers },
    body,
    release,
  });
  return { answer, finish };
}

async function newDashboard(name: string): Promise<string> {
  const created = await send('POST', '/dashboards/dashboards/', { name });
  expect(created.status).toBe(201);
  return `/dashboards/dashboards/${DashboardSchema.parse(created.body).id}/`;
}

async function newWidget(name: string): Promise<string> {
  const created = await send('POST', '/dashboards/widgets/', { dashboard: 1, chart_type: 'stat', name });
  expect(created.status).toBe(201);
  return `/dashboards/widgets/${WidgetSchema.parse(created.body).id}/`;
}

const nameOf = async (path: string) => (await send('GET', path)).body as { name: unknown };

describe('If-Match holds until the write (the body may arrive after another write)', () => {
  const cases = [
    {
      label: 'widget PATCH',
      method: 'PATCH',
      create: newWidget,
      body: (name: string) => ({ name }),
      conflict: WIDGET_CONFLICT,
    },
    {
      label: 'widget PUT',
      method: 'PUT',
      create: newWidget,
      body: (name: string) => ({ chart_type: 'stat', name }),
      conflict: WIDGET_CONFLICT,
    },
    {
      label: 'dashboard PATCH',
      method: 'PATCH',
      create: newDashboard,
      body: (name: string) => ({ name }),
      conflict: DASHBOARD_CONFLICT,
    },
    {
      label: 'dashboard PUT',
      method: 'PUT',
      create: newDashboard,
      body: (name: string) => ({ name }),
      conflict: DASHBOARD_CONFLICT,
    },
  ];

  it.each(cases)('$label: the slow writer with the same ETag gets 412', async (c) => {
    const path = await c.create('original');
    const etag = (await send('GET', path)).etag ?? '';
    const slow = sendSlowly(c.method, path, c.body('slow'), { 'If-Match': etag });
    await delay(HEADERS_HANDLED_MS);
    const fast = await send(c.method, path, c.body('fast'), { 'If-Match': etag });
    slow.finish();
    const late = await slow.answer;
    expect([fast.status, late.status]).toEqual([200, 412]);
    expect(late.body).toEqual({ detail: c.conflict });
    expect((await nameOf(path)).name).toBe('fast');
  });

  it('a widget PATCH without If-Match keeps a change it did not see', async () => {
    const path = await newWidget('original');
    const slow = sendSlowly('PATCH', path, { metadata: { note: 'slow' } });
    await delay(HEADERS_HANDLED_MS);
    expect((await send('PATCH', path, { name: 'fast' })).status).toBe(200);
    slow.finish();
    expect((await slow.answer).status).toBe(200);
    expect(WidgetSchema.parse((await send('GET', path)).body)).toMatchObject({
      name: 'fast',
      metadata: { note: 'slow' },
    });
  });

  it('a dashboard PATCH without If-Match keeps a change it did not see', async () => {
    const path = await newDashboard('original');
    const filters = { field: 'success', op: 'eq', value: true };
    const slow = sendSlowly('PATCH', path, { name: 'slow' });
    await delay(HEADERS_HANDLED_MS);
    expect((await send('PATCH', path, { filters })).status).toBe(200);
    slow.finish();
    expect((await slow.answer).status).toBe(200);
    expect(DashboardSchema.parse((await send('GET', path)).body)).toMatchObject({ name: 'slow', filters });
  });
});

describe('bulk_widgets racing a write of one of its widgets', () => {
  it('validates again on the new version instead of writing over it', async () => {
    const path = await newWidget('original');
    const widget = WidgetSchema.parse((await send('GET', path)).body);
    const bulk = sendSlowly('POST', `/dashboards/dashboards/${widget.dashboard}/bulk_widgets/`, {
      update: [{ id: widget.id, name: 'bulk' }],
    });
    await delay(HEADERS_HANDLED_MS);
    expect((await send('PATCH', path, { metadata: { note: 'patched' } })).status).toBe(200);
    bulk.finish();
    expect((await bulk.answer).status).toBe(200);
    expect(WidgetSchema.parse((await send('GET', path)).body)).toMatchObject({
      name: 'bulk',
      metadata: { note: 'patched' },
    });
  });
});

describe('writes racing the delete of their dashboard', () => {
  it('duplicate: 404 and nothing created, not the answer of an unrelated dashboard', async () => {
    const path = await newDashboard('Source');
    // Not the newest, so that a reused id cannot stand in for it.
    await newDashboard('Created after the source');
    const duplicate = sendSlowly('POST', `${path}duplicate/`, { name: 'The copy' });
    await delay(HEADERS_HANDLED_MS);
    expect((await send('DELETE', path)).status).toBe(204);
    await newDashboard('Unrelated, created last');
    const before = snapshotDatabase(server.database);
    duplicate.finish();
    const answer = await duplicate.answer;
    expect(answer).toEqual({ status: 404, body: { detail: 'Not found.' } });
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('bulk_widgets: 404 and nothing written, not a 500', async () => {
    const path = await newDashboard('Board');
    const bulk = sendSlowly('POST', `${path}bulk_widgets/`, { create: [{ chart_type: 'stat' }] });
    await delay(HEADERS_HANDLED_MS);
    expect((await send('DELETE', path)).status).toBe(204);
    const before = snapshotDatabase(server.database);
    bulk.finish();
    expect(await bulk.answer).toEqual({ status: 404, body: { detail: 'Not found.' } });
    expect(snapshotDatabase(server.database)).toBe(before);
  });
});

describe('ids are never reused', () => {
  it('a dashboard created after the newest one was deleted gets a new id', async () => {
    const deleted = await newDashboard('Newest');
    expect((await send('DELETE', deleted)).status).toBe(204);
    const next = await newDashboard('Next');
    expect(next).not.toBe(deleted);
    expect((await send('GET', deleted)).status).toBe(404);
  });

  it('a widget created after the newest one was deleted gets a new id', async () => {
    const deleted = await newWidget('Newest');
    expect((await send('DELETE', deleted)).status).toBe(204);
    const next = await newWidget('Next');
    expect(next).not.toBe(deleted);
    expect((await send('GET', deleted)).status).toBe(404);
  });
});
