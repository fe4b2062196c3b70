import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { detailOf } from '../test-support/detail-of.ts';

// Issue 19: who may use a key the server holds. Real HTTP on 127.0.0.1 end to end: a client that
// sets any header it likes (as a hostile page's browser or a rebinding page would), the server under
// test (embedded, or forwarding with its own upstream key), and a second server playing the upstream
// that records every request that reaches it.

interface Listening {
  server: ServerType;
  port: number;
}

async function listen(fetchHandler: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
  });
}

interface Reply {
  status: number;
  body: unknown;
}

/** A raw HTTP request: every header is what the test says, including Host. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            // a non-JSON body stays text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

let upstream: TestServer;
let upstreamHttp: Listening;
const reached: { method: string; path: string; key: string | null }[] = [];
let gatewayDatabase: OpenDatabase;
let gateway: Listening;
let keylessGateway: Listening;
let embedded: Listening;

beforeAll(async () => {
  upstream = createTestServer({ calls: 50 });
  upstreamHttp = await listen((request) => {
    reached.push({
      method: request.method,
      path: new URL(request.url).pathname,
      key: request.headers.get('x-cekura-api-key'),
    });
    return upstream.app.fetch(request);
  });
  gatewayDatabase = openDatabase(':memory:');
  const upstreamUrl = `http://127.0.0.1:${upstreamHttp.port}`;
  gateway = await listen(
    createApp({ database: gatewayDatabase, upstream: { url: upstreamUrl, apiKey: upstream.apiKey } }).fetch,
  );
  keylessGateway = await listen(
    createApp({ database: gatewayDatabase, upstream: { url: upstreamUrl, apiKey: null } }).fetch,
  );
  // The embedded server under test is the upstream's own app (its database), served a second time.
  embedded = await listen((request) => upstream.app.fetch(request));
});

afterAll(() => {
  for (const listening of [upstreamHttp, gateway, keylessGateway, embedded]) listening.server.close();
  upstream.close();
  gatewayDatabase.close();
});

beforeEach(() => {
  reached.length = 0;
});

const DASHBOARDS = '/dashboards/dashboards/';

function dashboardNamed(name: string): boolean {
  const row = upstream.database.sqlite
    .prepare('SELECT count(*) AS n FROM dashboards WHERE name = ?')
    .get(name);
  return (row as { n: number }).n > 0;
}

interface RefusedCase {
  label: string;
  method: string;
  headers: (port: number) => Record<string, string>;
  body?: string;
}

/** Requests a hostile page can make a browser send (or a rebinding page), none with a key. */
const REFUSED: RefusedCase[] = [
  {
    label: 'a cross-site HTML form post (form-encoded)',
    method: 'POST',
    headers: () => ({
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    }),
    body: 'name=Refused+form',
  },
  {
    label: 'a cross-site multipart form post',
    method: 'POST',
    headers: () => ({
      'content-type': 'multipart/form-data; boundary=x',
      origin: 'https://evil.example',
    }),
    body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nRefused multipart\r\n--x--\r\n',
  },
  {
    label: 'a cross-site text/plain post (no-cors fetch)',
    method: 'POST',
    headers: () => ({ 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' }),
    body: '{"name":"Refused text"}',
  },
  {
    label: 'a text/plain post from an old browser (no Origin, no Sec-Fetch-Site)',
    method: 'POST',
    headers: () => ({ 'content-type': 'text/plain' }),
    body: '{"name":"Refused old browser"}',
  },
  {
    label: 'a cross-site JSON-less post with an opaque origin',
    method: 'POST',
    headers: () => ({ origin: 'null', 'sec-fetch-site': 'cross-site' }),
  },
  {
    label: 'a cross-site read (an <img> or <script> tag)',
    method: 'GET',
    headers: () => ({ 'sec-fetch-site': 'cross-site' }),
  },
  {
    label: 'a same-site page on another port of this machine',
    method: 'POST',
    headers: () => ({
      'content-type': 'application/json',
      origin: 'http://127.0.0.1:1',
      'sec-fetch-site': 'same-site',
    }),
    body: '{"name":"Refused other port"}',
  },
];

describe('forwarding mode lends its key only to its own SPA', () => {
  it.each(REFUSED)('refuses $label with a 403 and forwards nothing', async ({ method, headers, body }) => {
    const result = await send(gateway.port, method, DASHBOARDS, headers(gateway.port), body);
    expect(result.status).toBe(403);
    expect(detailOf(result.body)).toMatch(/only to its own web app.*X-CEKURA-API-KEY/);
    expect(reached).toEqual([]);
    expect(dashboardNamed('Refused form')).toBe(false);
  });

  it('refuses a DNS-rebinding Host even when everything else looks same-origin, with or without a key', async () => {
    for (const key of [null, upstream.apiKey]) {
      const result = await send(
        gateway.port,
        'POST',
        DASHBOARDS,
        {
          host: `rebind.evil.example:${gateway.port}`,
          origin: `http://rebind.evil.example:${gateway.port}`,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          ...(key ? { 'x-cekura-api-key': key } : {}),
        },
        '{"name":"Rebound"}',
      );
      expect(result.status).toBe(403);
      expect(detailOf(result.body)).toMatch(/rebind\.evil\.example.*ALLOWED_HOSTS/);
    }
    expect(reached).toEqual([]);
    expect(dashboardNamed('Rebound')).toBe(false);
  });

  it("lends its key to the SPA's own requests (same origin, JSON)", async () => {
    const origin = `http://127.0.0.1:${gateway.port}`;
    const own = { origin, 'sec-fetch-site': 'same-origin', accept: 'application/json' };
    const created = await send(
      gateway.port,
      'POST',
      DASHBOARDS,
      { ...own, 'content-type': 'application/json' },
      '{"name":"From the SPA"}',
    );
    expect(created.status).toBe(201);
    // A same-origin GET carries no Origin in a browser, only Sec-Fetch-Site.
    const list = await send(gateway.port, 'GET', `${DASHBOARDS}?page_size=1`, {
      'sec-fetch-site': 'same-origin',
    });
    expect(list.status).toBe(200);
    const id = (created.body as { id: number }).id;
    const deleted = await send(gateway.port, 'DELETE', `${DASHBOARDS}${id}/`, own);
    expect(deleted.status).toBe(204);
    expect(reached.map(({ method, key }) => [method, key])).toEqual([
      ['POST', upstream.apiKey],
      ['GET', upstream.apiKey],
      ['DELETE', upstream.apiKey],
    ]);
  });

  it('forwards a non-browser client with its own key (no Origin), form bodies included', async () => {
    const json = await send(
      gateway.port,
      'POST',
      DASHBOARDS,
      { 'content-type': 'application/json', 'x-cekura-api-key': upstream.apiKey },
      '{"name":"Own key JSON"}',
    );
    expect(json.status).toBe(201);
    const form = await send(
      gateway.port,
      'POST',
      DASHBOARDS,
      { 'content-type': 'application/x-www-form-urlencoded', 'x-cekura-api-key': upstream.apiKey },
      'name=Own+key+form',
    );
    expect(form.status).toBe(201);
    expect(dashboardNamed('Own key form')).toBe(true);
    expect(reached).toHaveLength(2);
  });

  it('answers 401 to a keyless request when it has no key of its own, forwarding nothing', async () => {
    const result = await send(keylessGateway.port, 'GET', DASHBOARDS, { 'sec-fetch-site': 'same-origin' });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(reached).toEqual([]);
  });
});

describe('embedded mode refuses the same requests', () => {
  it.each(REFUSED)('refuses $label (no key: 401)', async ({ method, headers, body }) => {
    const result = await send(embedded.port, method, DASHBOARDS, headers(embedded.port), body);
    expect(result.status).toBe(401);
    expect(dashboardNamed('Refused form')).toBe(false);
  });

  it('refuses a DNS-rebinding Host with a 403, even with a valid key', async () => {
    const result = await send(
      embedded.port,
      'POST',
      DASHBOARDS,
      {
        host: `rebind.evil.example:${embedded.port}`,
        'content-type': 'application/json',
        'x-cekura-api-key': upstream.apiKey,
      },
      '{"name":"Rebound embedded"}',
    );
    expect(result.status).toBe(403);
    expect(dashboardNamed('Rebound embedded')).toBe(false);
    const read = await send(embedded.port, 'GET', DASHBOARDS, {
      host: 'rebind.evil.example',
      'x-cekura-api-key': upstream.apiKey,
    });
    expect(read.status).toBe(403);
  });

  it("answers the SPA's own requests and a non-browser client with its own key", async () => {
    const own = await send(
      embedded.port,
      'POST',
      DASHBOARDS,
      {
        origin: `http://127.0.0.1:${embedded.port}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        'x-cekura-api-key': upstream.apiKey,
      },
      '{"name":"Embedded SPA"}',
    );
    expect(own.status).toBe(201);
    const form = await send(
      embedded.port,
      'POST',
      DASHBOARDS,
      { 'content-type': 'application/x-www-form-urlencoded', 'x-cekura-api-key': upstream.apiKey },
      'name=Embedded+form',
    );
    expect(form.status).toBe(201);
    expect(dashboardNamed('Embedded form')).toBe(true);
  });
});
