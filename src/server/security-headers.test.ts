import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { callApi } from './test-support/call-api.ts';
import { detailOf } from './test-support/detail-of.ts';
import { createTestServer, type TestServer } from './test-support/create-test-server.ts';

// Response headers every answer carries (issue 6, security): a strict CSP, nosniff, no referrer; the
// JSON body limit; and the local key never readable from another origin or another Host.

const NOW = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
let spaRoot: string;

beforeAll(() => {
  spaRoot = mkdtempSync(join(tmpdir(), 'widget-studio-spa-'));
  mkdirSync(join(spaRoot, 'assets'));
  writeFileSync(
    join(spaRoot, 'index.html'),
    '<!doctype html><title>t</title><script type="module" src="/assets/a.js"></script>',
  );
  writeFileSync(join(spaRoot, 'assets', 'a.js'), 'console.log(1)');
  server = createTestServer({
    calls: 100,
    now: NOW,
    app: { serveSpa: true, spaRoot, localApiKey: 'ws_local_key_for_header_tests_0001' },
  });
});
afterAll(() => {
  server.close();
  rmSync(spaRoot, { recursive: true, force: true });
});

/** CSP directives as a map: name → source list. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** A representative answer of every kind: API success, API errors, SPA HTML and assets, 404s. */
const RESPONSES: {
  label: string;
  method: string;
  path: string;
  key?: null;
  body?: unknown;
  accept?: string;
}[] = [
  { label: 'API list (200)', method: 'GET', path: '/dashboards/dashboards/' },
  { label: 'API create (201)', method: 'POST', path: '/dashboards/dashboards/', body: { name: 'h' } },
  { label: 'API without key (401)', method: 'GET', path: '/dashboards/dashboards/', key: null },
  {
    label: 'API validation error (400)',
    method: 'POST',
    path: '/dashboards/widgets/',
    body: { chart_type: 'nope' },
  },
  { label: 'API not found (404)', method: 'GET', path: '/dashboards/dashboards/999999/' },
  { label: 'health', method: 'GET', path: '/healthz', key: null },
  { label: 'local config', method: 'GET', path: '/studio/local-config', key: null },
  {
    label: 'SPA page (history fallback)',
    method: 'GET',
    path: '/dashboards/1',
    key: null,
    accept: 'text/html',
  },
  { label: 'SPA root', method: 'GET', path: '/', key: null, accept: 'text/html' },
  { label: 'SPA asset', method: 'GET', path: '/assets/a.js', key: null },
  { label: 'unknown path (404)', method: 'GET', path: '/nope', key: null },
];

describe('security headers on every response', () => {
  it.each(RESPONSES)('$label', async ({ method, path, key, body, accept }) => {
    const result = await callApi(server, method, path, {
      key,
      body,
      headers: accept ? { accept } : {},
    });
    expect(result.status).toBeLessThan(500);
    const csp = parseCsp(result.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // No escape hatches anywhere in the policy.
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves API JSON as application/json (never sniffable as HTML)', async () => {
    const result = await callApi(server, 'GET', '/dashboards/dashboards/');
    expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('serves the SPA page with the policy and without inline script', async () => {
    const result = await callApi(server, 'GET', '/dashboards/1', {
      key: null,
      headers: { accept: 'text/html' },
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/html/);
    expect(parseCsp(result.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'"]);
  });
});

describe('JSON body size limit (D11: 256 KiB)', () => {
  const big = (bytes: number) => JSON.stringify({ name: 'x', filters: null, pad: 'a'.repeat(bytes) });
  const WRITES: [string, string][] = [
    ['POST', '/dashboards/dashboards/'],
    ['PATCH', '/dashboards/dashboards/1/'],
    ['POST', '/dashboards/widgets/'],
    ['POST', '/dashboards/widgets/preview_data/'],
    ['POST', '/dashboards/widgets/bulk_data/'],
    ['POST', '/dashboards/dashboards/1/bulk_widgets/'],
  ];

  it.each(WRITES)('%s %s answers 413 above the limit, with a DRF detail', async (method, path) => {
    const result = await callApi(server, method, path, {
      raw: { text: big(256 * 1024 + 16), contentType: 'application/json' },
    });
    expect(result.status).toBe(413);
    expect(z.object({ detail: z.string() }).strict().parse(result.body).detail).toMatch(/too large/);
  });

  it('refuses an oversized body sent without Content-Length (chunked)', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    // Node's fetch needs `duplex` for a streamed body; the DOM typings of RequestInit lack it.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'X-CEKURA-API-KEY': server.apiKey, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    };
    const response = await server.app.request('http://localhost/dashboards/dashboards/', init);
    expect(response.status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text: big(200 * 1024), contentType: 'application/json' },
    });
    expect(result.status).toBe(201);
  });
});

describe('the local key stays on this machine', () => {
  it('is not readable cross-origin (no CORS grant on local-config or the API)', async () => {
    for (const path of ['/studio/local-config', '/dashboards/dashboards/']) {
      const result = await callApi(server, 'GET', path, { headers: { origin: 'https://evil.example' } });
      expect(result.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const preflight = await callApi(server, 'OPTIONS', '/dashboards/dashboards/', {
      key: null,
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-cekura-api-key',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('is handed out only to a loopback Host (DNS rebinding), and never cached', async () => {
    const local = await callApi(server, 'GET', '/studio/local-config', {
      key: null,
      headers: { host: '127.0.0.1:8787' },
    });
    expect(local.body).toMatchObject({ apiKey: 'ws_local_key_for_header_tests_0001' });
    expect(local.headers.get('cache-control')).toBe('no-store');
    for (const host of [
      'evil.example',
      'evil.example:8787',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
    ]) {
      const rebound = await callApi(server, 'GET', '/studio/local-config', { key: null, headers: { host } });
      expect(rebound.status, host).toBe(403);
      expect(JSON.stringify(rebound.body), host).not.toContain('ws_local_key');
      expect(detailOf(rebound.body)).toMatch(/ALLOWED_HOSTS/);
    }
  });

  it.each([
    ['another site (Origin)', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['another port of this machine', { origin: 'http://127.0.0.1:9999' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch', { 'sec-fetch-site': 'same-site' }],
  ])('is not handed to a request from %s, even on a loopback Host', async (_label, headers) => {
    const result = await callApi(server, 'GET', '/studio/local-config', {
      key: null,
      headers: { host: '127.0.0.1:8787', ...headers },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ apiKey: null });
  });

  it.each([
    [
      'its own page (same-origin fetch)',
      { origin: 'http://127.0.0.1:8787', 'sec-fetch-site': 'same-origin' },
    ],
    ['a typed address (Sec-Fetch-Site: none)', { 'sec-fetch-site': 'none' }],
    ['a client that sends neither header', {}],
  ])('is handed to %s', async (_label, headers) => {
    const result = await callApi(server, 'GET', '/studio/local-config', {
      key: null,
      headers: { host: '127.0.0.1:8787', ...headers },
    });
    expect(result.body).toMatchObject({ apiKey: 'ws_local_key_for_header_tests_0001' });
  });
});
