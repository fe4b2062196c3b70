import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSchema, DashboardListSchema } from '../../contract/dashboard-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import { createApp } from '../app.ts';
import { createHostPolicy } from '../http/host-policy.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { upstreamUrl } from './upstream.ts';

let upstream: TestServer;
let gatewayDatabase: OpenDatabase;
/** Our own app in forwarding mode, wrapped as a TestServer so callApi can drive it. */
let gateway: TestServer;
let keyedGateway: TestServer;
const seen: { url: string; key: string | null }[] = [];

function gatewayFor(apiKey: string | null, fetchImpl?: typeof fetch): TestServer {
  const app = createApp({
    database: gatewayDatabase,
    upstream: {
      url: 'http://upstream.test',
      apiKey,
      fetch:
        fetchImpl ??
        (async (input, init) => {
          const request = new Request(input, init);
          seen.push({ url: request.url, key: request.headers.get('x-cekura-api-key') });
          return upstream.app.request(request);
        }),
    },
  });
  return { ...upstream, app, fetch: async (input, init) => app.request(input, init) };
}

beforeAll(() => {
  // The gateway addresses its upstream as upstream.test; the upstream must answer to that name.
  upstream = createTestServer({
    calls: 100,
    app: { hostPolicy: createHostPolicy({ allowedHosts: ['upstream.test'] }) },
  });
  gatewayDatabase = openDatabase(':memory:');
  gateway = gatewayFor(null);
  keyedGateway = gatewayFor(upstream.apiKey);
});
afterAll(() => {
  upstream.close();
  gatewayDatabase.close();
});

describe('forwarding mode', () => {
  it('forwards path, query and the caller key; status and body pass through', async () => {
    const direct = await callApi(upstream, 'GET', '/dashboards/dashboards/?page_size=1');
    const forwarded = await callApi(gateway, 'GET', '/dashboards/dashboards/?page_size=1');
    expect(forwarded.status).toBe(200);
    expect(paginated(DashboardListSchema).parse(forwarded.body).results).toEqual(
      paginated(DashboardListSchema).parse(direct.body).results,
    );
    expect(seen.at(-1)).toEqual({
      url: 'http://upstream.test/dashboards/dashboards/?page_size=1',
      key: upstream.apiKey,
    });
  });

  it('answers 401 to a keyless request when neither side has a key, and uses the server key when the caller sends none', async () => {
    const before = seen.length;
    const noKey = await callApi(gateway, 'GET', '/dashboards/dashboards/', { key: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(seen.length).toBe(before);
    const serverKey = await callApi(keyedGateway, 'GET', '/dashboards/dashboards/', { key: null });
    expect(serverKey.status).toBe(200);
    const wrong = await callApi(keyedGateway, 'GET', '/dashboards/dashboards/', { key: 'ws_wrong' });
    expect(wrong.status).toBe(401);
  });

  it('forwards writes with their bodies, If-Match and 204s', async () => {
    const created = await callApi(gateway, 'POST', '/dashboards/dashboards/', {
      body: { name: 'Via gateway' },
    });
    expect(created.status).toBe(201);
    const dashboard = DashboardSchema.parse(created.body);
    expect(
      DashboardSchema.parse((await callApi(upstream, 'GET', `/dashboards/dashboards/${dashboard.id}/`)).body)
        .name,
    ).toBe('Via gateway');
    const etag = created.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const form = await callApi(gateway, 'PATCH', `/dashboards/dashboards/${dashboard.id}/`, {
      raw: { text: 'name=Form+name', contentType: 'application/x-www-form-urlencoded' },
      headers: { 'If-Match': etag },
    });
    expect(form.status).toBe(200);
    const stale = await callApi(gateway, 'PATCH', `/dashboards/dashboards/${dashboard.id}/`, {
      body: { name: 'x' },
      headers: { 'If-Match': etag },
    });
    expect(stale.status).toBe(412);
    const invalid = await callApi(gateway, 'POST', '/dashboards/widgets/', {
      body: { chart_type: 'pie', dashboard: 1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toHaveProperty('field');
    const deleted = await callApi(gateway, 'DELETE', `/dashboards/dashboards/${dashboard.id}/`);
    expect(deleted.status).toBe(204);
    expect((await callApi(upstream, 'GET', `/dashboards/dashboards/${dashboard.id}/`)).status).toBe(404);
  });

  it('keeps /healthz and /studio/local-config local and hands out no local key', async () => {
    const config = await callApi(keyedGateway, 'GET', '/studio/local-config', {
      key: null,
      headers: { host: '127.0.0.1:8787' },
    });
    expect(config.body).toEqual({ apiKey: null, forwarding: true, upstreamHasKey: true });
    const before = seen.length;
    expect((await callApi(gateway, 'GET', '/healthz', { key: null })).status).toBe(200);
    expect(seen.length).toBe(before);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const broken = gatewayFor(null, () => Promise.reject(new Error('ECONNREFUSED')));
    const result = await callApi(broken, 'GET', '/dashboards/dashboards/');
    expect(result.status).toBe(502);
    expect(result.body).toEqual({ detail: 'The upstream API could not be reached.' });
  });

  it.each([
    [
      'https://api.cekura.ai',
      'http://local/dashboards/widgets/?a=1',
      'https://api.cekura.ai/dashboards/widgets/?a=1',
    ],
    [
      'https://gw.example/cekura/',
      'http://local/dashboards/widgets/1/',
      'https://gw.example/cekura/dashboards/widgets/1/',
    ],
  ])('joins %s and %s', (base, request, expected) => {
    expect(upstreamUrl(base, request)).toBe(expected);
  });
});
