import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { seedDatabase } from '../seed/seed-database.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { syncCalls, type SyncOptions } from './sync-calls.ts';
import { memoryCheckpointStore } from './sync-checkpoint.ts';
import { UpstreamAuthError } from './upstream-get.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DAY = 86_400_000;
type Fault = '429' | '500' | 'drop' | '401';

let upstream: TestServer;
let http: Server;
let origin: string;
let faults = new Map<number, Fault>();
let requests: URL[] = [];

/** The upstream over real HTTP, answering request n with `faults.get(n)` instead when one is planned. */
beforeAll(async () => {
  upstream = createTestServer({ calls: 1500, now: NOW });
  http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream.test');
    requests.push(url);
    const fault = faults.get(requests.length);
    if (fault === '429') return res.writeHead(429, { 'Retry-After': '2' }).end('{"detail":"slow down"}');
    if (fault === '500') return res.writeHead(500).end('{"detail":"boom"}');
    if (fault === '401') return res.writeHead(401).end('{"detail":"Invalid API key."}');
    void Promise.resolve(
      upstream.app.request(`http://localhost${url.pathname}${url.search}`, {
        headers: { 'X-CEKURA-API-KEY': String(req.headers['x-cekura-api-key'] ?? '') },
      }),
    ).then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': body.length });
      if (fault === 'drop') {
        // Half a page, then the connection goes away.
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => res.socket?.destroy(), 5);
      } else res.end(body);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  upstream.close();
});

function localDatabase(): OpenDatabase {
  const database = openDatabase(':memory:');
  seedDatabase(database, { calls: 0, now: NOW });
  return database;
}

function syncOptions(sleeps: number[], more: Partial<SyncOptions> = {}): SyncOptions {
  return {
    upstreamUrl: origin,
    apiKey: upstream.scopedApiKey,
    projectId: 1,
    upstreamProjectId: null,
    days: 30,
    agentIds: [],
    redact: true,
    now: NOW,
    pageSize: 40,
    retry: {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
    checkpoints: memoryCheckpointStore(),
    ...more,
  };
}

const upstreamCallIds = async () =>
  (
    await queryAnalytics(
      upstream.database,
      'SELECT call_id FROM calls WHERE project_id = 1 AND ts_ms >= ? ORDER BY call_id',
      [NOW.getTime() - 30 * DAY],
    )
  ).map((row) => row.call_id);
const localCallIds = async (database: OpenDatabase) =>
  (await queryAnalytics(database, 'SELECT call_id FROM calls WHERE project_id = 1 ORDER BY call_id')).map(
    (row) => row.call_id,
  );

describe('npm run sync (syncCalls)', () => {
  it('copies every call exactly once through 429s, 500s and a connection dropped mid-page', async () => {
    requests = [];
    faults = new Map<number, Fault>([
      [2, '429'],
      [4, '500'],
      [6, 'drop'],
      [9, '500'],
    ]);
    const local = localDatabase();
    const sleeps: number[] = [];
    const report = await syncCalls(local, syncOptions(sleeps));
    const expected = await upstreamCallIds();
    expect(expected.length).toBeGreaterThan(200);
    expect(await localCallIds(local)).toEqual(expected);
    expect(report.stored).toBe(expected.length);
    expect(sleeps).toContain(2000); // Retry-After: 2
    expect(sleeps.length).toBe(4);
    const evaluations = async (database: OpenDatabase, cutoff: number) =>
      queryAnalytics(
        database,
        'SELECT count(*) AS n FROM metric_evaluations me JOIN calls c ON c.id = me.call_id WHERE c.project_id = 1 AND c.ts_ms >= ?',
        [cutoff],
      );
    expect(await evaluations(local, 0)).toEqual(
      await evaluations(upstream.database, NOW.getTime() - 30 * DAY),
    );
    const windows = requests
      .filter((u) => u.pathname === '/observability/v2/call-logs/')
      .map(
        (u) =>
          Date.parse(u.searchParams.get('timestamp_to') ?? '') -
          Date.parse(u.searchParams.get('timestamp_from') ?? ''),
      );
    expect(Math.max(...windows)).toBeLessThanOrEqual(31 * DAY);
    expect(
      await queryAnalytics(
        local,
        "SELECT count(*) AS n FROM calls WHERE customer_number NOT LIKE '********%'",
      ),
    ).toEqual([{ n: 0 }]);
    local.close();
  });

  it('creates the agents and metrics its calls name by the same rule as an import, and lists them', async () => {
    requests = [];
    faults = new Map();
    const local = localDatabase();
    // The local project knows the first agent and the first metric under other names.
    local.sqlite.prepare("UPDATE agents SET agent_name = 'Renamed agent' WHERE id = 1").run();
    const metricName = (
      local.sqlite.prepare('SELECT name FROM metrics WHERE project_id = 1 ORDER BY id LIMIT 1').get() as {
        name: string;
      }
    ).name;
    local.sqlite.prepare("UPDATE metrics SET name = 'Renamed metric' WHERE name = ?").run(metricName);
    const agentName = (
      upstream.database.sqlite.prepare('SELECT agent_name FROM agents WHERE id = 1').get() as {
        agent_name: string;
      }
    ).agent_name;
    const report = await syncCalls(local, syncOptions([]));
    // The metric comes with the upstream's metric list first (with its definition), the agent with its calls.
    expect(report.metricsCreated).toBe(1);
    expect(local.sqlite.prepare('SELECT count(*) AS n FROM metrics WHERE name = ?').get(metricName)).toEqual({
      n: 1,
    });
    expect(report.created).toEqual({ agents: [agentName], metrics: [] });
    expect(report.skipped).toBe(0);
    expect(await localCallIds(local)).toEqual(await upstreamCallIds());
    local.close();
  });

  it('stops with a clear message on 401 and continues where it stopped on the next run', async () => {
    requests = [];
    faults = new Map<number, Fault>([[5, '401']]);
    const local = localDatabase();
    const checkpoints = memoryCheckpointStore();
    const failed = syncCalls(local, syncOptions([], { checkpoints }));
    await expect(failed).rejects.toBeInstanceOf(UpstreamAuthError);
    await expect(failed).rejects.toThrow(/answered 401 .*check CEKURA_API_KEY/);
    await expect(failed).rejects.not.toThrow(upstream.scopedApiKey);
    const partial = (await localCallIds(local)).length;
    expect(partial).toBeGreaterThan(0);
    const cursor = checkpoints.current?.cursors['*']?.cursorMs ?? 0;
    expect(cursor).toBeLessThan(NOW.getTime());

    requests = [];
    faults = new Map();
    const resumed = await syncCalls(local, syncOptions([], { checkpoints }));
    expect(resumed.resumed).toBe(true);
    const firstPage = requests.find((u) => u.pathname === '/observability/v2/call-logs/');
    expect(Date.parse(firstPage?.searchParams.get('timestamp_to') ?? '')).toBe(cursor);
    expect(await localCallIds(local)).toEqual(await upstreamCallIds());
    expect(resumed.stored).toBe((await upstreamCallIds()).length - partial);
    local.close();
  });
});
