import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../../contract/dashboard-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import { createTestServer } from '../../server/test-support/create-test-server.ts';
import type { TestServer } from '../../server/test-support/create-test-server.ts';
import { createFaultFetch } from '../test-support/fault-fetch.ts';
import type { Fault } from '../test-support/fault-fetch.ts';
import { createApiClient } from './api-client.ts';
import type { ApiClientOptions } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { DASHBOARDS_PATH, dashboardPath } from './dashboard-queries.ts';

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 200 });
});
afterAll(() => server.close());

const BASE = 'http://localhost';
const PageSchema = paginated(DashboardListSchema);

function setup(plan: Fault[] = [], overrides: Partial<ApiClientOptions> = {}) {
  const faults = createFaultFetch(server.fetch, plan);
  const sleeps: number[] = [];
  const client = createApiClient({
    baseUrl: BASE,
    apiKey: server.apiKey,
    fetch: faults.fetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0,
    pageOrigin: BASE,
    ...overrides,
  });
  return { client, faults, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('talking to the real server', () => {
  test('sends the key header, parses the page and returns the ETag of a detail', async () => {
    const { client, faults } = setup();
    const page = await client.get(DASHBOARDS_PATH, { schema: PageSchema });
    expect(page.status).toBe(200);
    expect(page.data.results.length).toBeGreaterThan(0);
    expect(faults.headers[0]?.get('X-CEKURA-API-KEY')).toBe(server.apiKey);
    const first = page.data.results[0]!;
    const detail = await client.get(dashboardPath(first.id), { schema: DashboardSchema });
    expect(detail.data.id).toBe(first.id);
    expect(detail.etag).toBeTruthy();
  });

  test('getAllPages follows `next` until every item is collected', async () => {
    const { client } = setup();
    for (const name of ['Paging A', 'Paging B']) {
      await client.post(DASHBOARDS_PATH, {
        body: { name, project: server.projectIds[0] },
        schema: DashboardSchema,
      });
    }
    const single = await client.get(DASHBOARDS_PATH, { schema: PageSchema, query: { page_size: 200 } });
    const { client: pager, faults } = setup();
    const all = await pager.getAllPages(DASHBOARDS_PATH, DashboardListSchema, { page_size: 1 });
    expect(all.map((d) => d.id)).toEqual(single.data.results.map((d) => d.id));
    expect(faults.calls.length).toBe(single.data.count);
    expect(faults.calls.every((url) => url.startsWith(`${BASE}/dashboards/dashboards/`))).toBe(true);
  });

  test('a wrong key gives a typed 401 with the server detail, not retried, key not in the message', async () => {
    const wrongKey = 'ws_wrong_key_that_must_not_leak';
    const { client, faults } = setup([], { apiKey: wrongKey });
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(401);
    expect(error.detail).toBe('Invalid API key.');
    expect(error.message).toBe('401 Unauthorized: Invalid API key.');
    expect(error.message).not.toContain(wrongKey);
    expect(faults.calls).toHaveLength(1);
  });

  test('DRF field errors become fieldErrors and a readable message', async () => {
    const { client } = setup();
    const error = await failure(
      client.post(DASHBOARDS_PATH, { body: { name: 'x'.repeat(300) }, schema: DashboardSchema }),
    );
    expect(error.status).toBe(400);
    expect(error.fieldErrors.name?.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/^400 Bad Request: name: /);
  });
});

describe('retries (fault injection in front of the real server)', () => {
  test('a read is retried after 500s with exponential backoff, then succeeds', async () => {
    const { client, faults, sleeps } = setup([{ status: 500 }, { status: 502 }]);
    const page = await client.get(DASHBOARDS_PATH, { schema: PageSchema });
    expect(page.status).toBe(200);
    expect(faults.calls).toHaveLength(3);
    expect(sleeps).toEqual([200, 400]);
  });

  test('at most three retries, then the last error is thrown', async () => {
    const { client, faults, sleeps } = setup(
      Array<Fault>(10).fill({ status: 503, body: { detail: 'Down.' } }),
    );
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.status).toBe(503);
    expect(error.message).toBe('503 Service Unavailable: Down.');
    expect(faults.calls).toHaveLength(4);
    expect(sleeps).toEqual([200, 400, 800]);
  });

  test('Retry-After is honoured on 429', async () => {
    const { client, sleeps } = setup([{ status: 429, headers: { 'Retry-After': '2' } }]);
    await client.get(DASHBOARDS_PATH, { schema: PageSchema });
    expect(sleeps).toEqual([2000]);
  });

  test('a Retry-After too long to wait for is reported instead of retried', async () => {
    const { client, faults } = setup([{ status: 429, headers: { 'Retry-After': '120' } }]);
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('Try again in 120 s');
    expect(faults.calls).toHaveLength(1);
  });

  test.each([400, 403, 404, 409])('a %i is not retried', async (status) => {
    const { client, faults } = setup([{ status }]);
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.status).toBe(status);
    expect(faults.calls).toHaveLength(1);
  });

  test('408 is retried', async () => {
    const { client, faults } = setup([{ status: 408 }]);
    await client.get(DASHBOARDS_PATH, { schema: PageSchema });
    expect(faults.calls).toHaveLength(2);
  });

  test('a write without a precondition is never retried', async () => {
    const { client, faults } = setup([{ status: 503 }]);
    const error = await failure(
      client.post(DASHBOARDS_PATH, { body: { name: 'Never twice' }, schema: DashboardSchema }),
    );
    expect(error.status).toBe(503);
    expect(faults.calls).toHaveLength(1);
    const list = await client.get(DASHBOARDS_PATH, { schema: PageSchema, query: { page_size: 200 } });
    expect(list.data.results.some((d) => d.name === 'Never twice')).toBe(false);
  });

  test('a write with If-Match is retried', async () => {
    const { client, faults } = setup();
    const created = await client.post(DASHBOARDS_PATH, {
      body: { name: 'Precondition' },
      schema: DashboardSchema,
    });
    const retrying = setup([{ status: 503 }]);
    const patched = await retrying.client.patch(dashboardPath(created.data.id), {
      body: { name: 'Precondition 2' },
      headers: { 'If-Match': created.etag ?? '' },
      schema: DashboardSchema,
    });
    expect(patched.data.name).toBe('Precondition 2');
    expect(retrying.faults.calls).toHaveLength(2);
    expect(faults.calls).toHaveLength(1);
  });

  test('network failures are retried, then reported as network errors', async () => {
    const { client, faults } = setup(Array<Fault>(4).fill({ throw: new TypeError('Failed to fetch') }));
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.kind).toBe('network');
    expect(faults.calls).toHaveLength(4);
  });

  test('a timeout is reported as such (and retried like a network failure)', async () => {
    const { client, faults } = setup(['hang', 'hang', 'hang', 'hang'], { timeoutMs: 20 });
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.kind).toBe('timeout');
    expect(faults.calls).toHaveLength(4);
  });

  test('a cancelled request is not retried', async () => {
    const controller = new AbortController();
    const { client, faults } = setup(['hang']);
    const pending = failure(client.get(DASHBOARDS_PATH, { schema: PageSchema, signal: controller.signal }));
    controller.abort();
    expect((await pending).kind).toBe('aborted');
    expect(faults.calls).toHaveLength(1);
  });
});

describe('errors that must be explained', () => {
  test('a TypeError on a cross-origin request is reported as a CORS block, not retried', async () => {
    const { client, faults } = setup([{ throw: new TypeError('Failed to fetch') }], {
      baseUrl: 'https://api.cekura.ai',
      pageOrigin: 'http://127.0.0.1:8787',
    });
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.kind).toBe('cors');
    expect(error.message).toContain('blocked a cross-origin request to https://api.cekura.ai');
    expect(faults.calls).toHaveLength(1);
  });

  test('an answer that breaks the contract is a parse error naming the path', async () => {
    const { client } = setup([
      { status: 200, body: { count: 1, next: null, previous: null, results: [{ id: 'x' }] } },
    ]);
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: PageSchema }));
    expect(error.kind).toBe('parse');
    expect(error.message).toContain('results.0.id');
  });

  test('a key echoed by a server is redacted from every message', async () => {
    const { client } = setup([
      { status: 400, body: { detail: `Bad key ${server.apiKey}`, name: [`no ${server.apiKey}`] } },
    ]);
    const error = await failure(client.get(DASHBOARDS_PATH, { schema: z.unknown() }));
    expect(error.message).not.toContain(server.apiKey);
    expect(JSON.stringify(error.fieldErrors)).not.toContain(server.apiKey);
    expect(error.detail).toBe('Bad key [redacted key]');
  });

  test('the key is never put in the URL', async () => {
    const { client, faults } = setup();
    await client.getAllPages(DASHBOARDS_PATH, DashboardListSchema, { page_size: 2 });
    expect(faults.calls.some((url) => url.includes(server.apiKey))).toBe(false);
  });
});
