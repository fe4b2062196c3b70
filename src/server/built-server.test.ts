import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from './app.ts';
import { openDatabase } from './db/open-database.ts';

// The server users run (`npm start`, docs/decisions/0010): vite.server.config.ts builds src/server to
// JavaScript, and plain `node` runs it, with no TypeScript loader, in the main thread or in the
// chart-data workers. Built once into a folder of its own (inside the checkout, so that the packages
// left external resolve from node_modules as they do for dist-server/).

const ROOT = resolve(import.meta.dirname, '..', '..');
const KEY = 'ws_built_test_key_0123456789abcdef';
const SEED_CALLS = 400;

let outDir: string;
let dataDir: string;
let server: ChildProcessWithoutNullStreams;
let stdout = '';
let base: string;

const ListSchema = z.object({ results: z.array(z.object({ id: z.number() })) });
const DashboardSchema = z.object({ widgets: z.array(z.object({ id: z.number() })) });
const BulkSchema = z.object({
  count: z.number(),
  results: z.array(z.object({ widget_id: z.number(), data: z.unknown() })),
});

/** The port, once the server has printed its start-up lines (the key line is the last); rejects when it exits. */
function listeningPort(child: ChildProcessWithoutNullStreams): Promise<number> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match && stdout.includes('Local API key')) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`exited ${String(code)}: ${stdout}${stderr}`)));
  });
}

beforeAll(async () => {
  mkdirSync(join(ROOT, 'dist-server'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'dist-server', 'test-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.server.config.ts', '--outDir', outDir, '--emptyOutDir'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(build.status, build.stdout + build.stderr).toBe(0);

  dataDir = mkdtempSync(join(tmpdir(), 'widget-studio-built-'));
  // Only what a user's shell would give: in particular no NODE_OPTIONS that could bring a loader in.
  server = spawn(process.execPath, [join(outDir, 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: join(dataDir, 'built.db'),
      SEED_CALLS: String(SEED_CALLS),
      WIDGET_STUDIO_API_KEY: KEY,
      SERVE_SPA: '0',
      WIDGET_STUDIO_RESULT_CACHE_MS: '0',
    },
  });
  base = `http://127.0.0.1:${await listeningPort(server)}`;
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${base}${path}`, { headers: { 'X-CEKURA-API-KEY': KEY } });
  expect(response.status, path).toBe(200);
  return response.json();
}

it('starts with plain node, seeds a new database and answers /healthz', async () => {
  expect(stdout).toContain(`Seeded a new database with ${SEED_CALLS} calls.`);
  expect(stdout).toContain('Local API key (from WIDGET_STUDIO_API_KEY)');
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
});

/** GET /healthz through `agent`; resolves with whether the request went out on a reused connection. */
function healthOn(agent: Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((done, fail) => {
    const request = httpGet(`${base}/healthz`, { agent }, (response) => {
      response.resume();
      response.on('end', () => done({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
    });
    request.on('error', fail);
  });
}

it("keeps an idle keep-alive connection open past Node's 5 s default, so a client reusing it is not reset", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await healthOn(agent)).toEqual({ status: 200, reused: false });
    await new Promise((done) => setTimeout(done, 6_500));
    // With Node's default the server would have closed the socket by now and the agent dropped it.
    expect(await healthOn(agent)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
}, 20_000);

it('computes bulk_data in the built server as the source computes it', async () => {
  const [dashboard] = ListSchema.parse(await get('/dashboards/dashboards/')).results;
  if (!dashboard) throw new Error('no seeded dashboard');
  const widgetIds = DashboardSchema.parse(await get(`/dashboards/dashboards/${dashboard.id}/`)).widgets.map(
    (w) => w.id,
  );
  expect(widgetIds.length).toBeGreaterThan(3);
  const body = JSON.stringify({ widget_ids: widgetIds });
  const path = '/dashboards/widgets/bulk_data/?max_points=200';
  const headers = { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' };

  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const built = BulkSchema.parse(JSON.parse(text));
  expect(built.results.map((r) => r.widget_id)).toEqual(widgetIds);

  // The same request on the same files, computed from the TypeScript source (after the built server
  // stopped: DuckDB opens a file in one process at a time).
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
  const database = openDatabase(join(dataDir, 'built.db'));
  try {
    const inline = await createApp({ database }).request(`http://localhost${path}`, {
      method: 'POST',
      headers,
      body,
    });
    expect(inline.status).toBe(200);
    expect(built).toEqual(BulkSchema.parse(await inline.json()));
  } finally {
    database.close();
  }
});
