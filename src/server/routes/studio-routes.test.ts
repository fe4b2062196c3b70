import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase } from '../db/open-database.ts';
import { isLoopbackHost } from '../http/host-policy.ts';

const database = openDatabase(':memory:');
afterAll(() => database.close());

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1:8787', true],
    ['localhost', true],
    ['LOCALHOST:5173', true],
    ['[::1]:8787', true],
    ['127.1.2.3', true],
    ['evil.example', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.evil.example', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('/studio/local-config', () => {
  const app = createApp({ database, localApiKey: 'ws_local' });
  it('hands the local key to a loopback Host only', async () => {
    const local = await app.request('http://127.0.0.1:8787/studio/local-config', {
      headers: { host: '127.0.0.1:8787' },
    });
    expect(await local.json()).toEqual({ apiKey: 'ws_local', forwarding: false, upstreamHasKey: false });
    expect(local.headers.get('cache-control')).toBe('no-store');
    const rebound = await app.request('http://evil.example/studio/local-config', {
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).not.toHaveProperty('apiKey');
  });
});

describe('security headers, JSON 404 and the SPA', () => {
  const root = mkdtempSync(join(tmpdir(), 'ws-spa-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Widget Studio</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  const app = createApp({ database, serveSpa: true, spaRoot: root });

  it('sets the security headers on every response', async () => {
    for (const path of ['/healthz', '/nope', '/']) {
      const response = await app.request(path, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves files, falls back to index.html for client routes, and 404s JSON elsewhere', async () => {
    const asset = await app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    const apiRoute = await app.request('/dashboards/widgets/3/', { headers: { accept: 'text/html' } });
    expect(apiRoute.status).toBe(401); // an API path: never the SPA
    const clientRoute = await app.request('/dashboards/12/widgets/3/edit', {
      headers: { accept: 'text/html' },
    });
    expect(clientRoute.status).toBe(200);
    expect(await clientRoute.text()).toContain('<title>Widget Studio</title>');
    const clientFetch = await app.request('/dashboards/12', { headers: { accept: 'application/json' } });
    expect(clientFetch.status).toBe(404);
    const spaRoute = await app.request('/d/12/edit', { headers: { accept: 'text/html,*/*' } });
    expect(spaRoute.status).toBe(200);
    expect(await spaRoute.text()).toContain('<title>Widget Studio</title>');
    const json = await app.request('/missing.json', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ detail: 'Not found.' });
    const apiUnknown = await app.request('/observability/v9/unknown/', {
      headers: { 'X-CEKURA-API-KEY': 'x' },
    });
    expect(apiUnknown.status).toBe(401);
  });
});
