import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from './app.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { seedDatabase } from './seed/seed-database.ts';

// Issue 11 item 6: every data computation has a time limit (WIDGET_STUDIO_QUERY_TIMEOUT_MS). A
// computation over it is stopped and answers 504 with a clear `detail`; the server keeps answering
// (`/healthz`) while one runs; a client that goes away stops its running work.
//
// A query that runs far too long (on a huge database, say) is made exact, not left to timing: the
// test turns `calls` into a view whose `agent_id` walks a recursive CTE of a million steps per row,
// so the agent-name filter below costs a good part of a second per call, minutes for the window. The
// limits used are far below that, so the outcome does not depend on the machine's speed.

const NOW = new Date('2026-08-20T12:00:00.000Z');
const KEY = 'ws_time_limit_test_key_0123456789ab';
const RECENT = { field: 'timestamp', op: 'gte', value: 'now-7d' };
const TIMEOUT_DETAIL =
  /^The query took longer than [\d.]+ seconds? and was stopped\. Narrow the filters or the time range and try again\.$/;

const heavyFilter = {
  operator: 'and',
  conditions: [RECENT, { field: 'agent.agent_name', op: 'regex', value: 'Bot' }],
};
const heavyPreview = { chart_type: 'stat', field: '', filters: heavyFilter };
const lightPreview = { chart_type: 'stat', field: '', filters: RECENT };
const heavyCallLogs = `/observability/v2/call-logs/?filters_v2=${encodeURIComponent(JSON.stringify(heavyFilter))}`;

function openSeeded(path: string): OpenDatabase {
  const database = openDatabase(path);
  seedDatabase(database, { calls: 1500, now: NOW, apiKey: KEY });
  return database;
}

/** Runs `run` while reading a call's agent is slow (see the top of the file). */
async function withSlowCalls<T>(database: OpenDatabase, run: () => Promise<T>): Promise<T> {
  const columns = z
    .array(z.object({ name: z.string() }))
    .parse(database.sqlite.prepare('PRAGMA table_info(calls)').all())
    .map(({ name }) =>
      name === 'agent_id'
        ? `s.agent_id + (WITH RECURSIVE n(i) AS (SELECT s.id UNION ALL SELECT i + 1 FROM n WHERE i < s.id + 1000000)
            SELECT 0 FROM n WHERE i = s.id + 1000000) AS agent_id`
        : `s.${name}`,
    );
  database.sqlite.exec(
    `ALTER TABLE calls RENAME TO calls_stored; CREATE VIEW calls AS SELECT ${columns.join(', ')} FROM calls_stored s;`,
  );
  try {
    return await run();
  } finally {
    database.sqlite.exec('DROP VIEW calls; ALTER TABLE calls_stored RENAME TO calls;');
  }
}

type App = ReturnType<typeof createApp>;

async function call(
  app: App,
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  const response = await app.request(`http://localhost${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

const saved = new Map<string, string | undefined>();
function setEnv(name: string, value: string): void {
  if (!saved.has(name)) saved.set(name, process.env[name]);
  process.env[name] = value;
}
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  saved.clear();
});

/**
 * `/healthz`, asked once every pending microtask has run: by then a request computing on the main
 * thread has blocked it until its computation ended, while one computing on a worker is waiting.
 */
async function healthAfterYield(app: App): Promise<{ status: number; body: unknown }> {
  await new Promise((resolve) => setImmediate(resolve));
  return call(app, 'GET', '/healthz');
}

/** The order in which the promises settle, by label. */
async function settleOrder(entries: Record<string, Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  await Promise.allSettled(Object.entries(entries).map(([label, p]) => p.finally(() => order.push(label))));
  return order;
}

const StatSchema = z.object({ data: z.object({ total_calls: z.number() }) });
const TimeoutBodySchema = z.object({ detail: z.string().regex(TIMEOUT_DETAIL) });

describe('on worker threads (a file database)', () => {
  let dir: string;
  let database: OpenDatabase;
  let app: App;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'widget-studio-time-limit-'));
    database = openSeeded(join(dir, 'limit.db'));
    app = createApp({ database, clock: () => new Date(NOW.getTime()) });
  });
  afterAll(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a catastrophic backtracking pattern at once, and /healthz meanwhile', async () => {
    setEnv('WIDGET_STUDIO_DATA_WORKERS', '1');
    const filters = {
      operator: 'and',
      conditions: [RECENT, { field: 'agent.agent_name', op: 'regex', value: '^((.+)+)+X$' }],
    };
    const chart = call(app, 'POST', '/dashboards/widgets/preview_data/', { ...lightPreview, filters });
    const health = healthAfterYield(app);
    expect((await health).status).toBe(200);
    const answered = await chart;
    expect(answered.status).toBe(200);
    expect(StatSchema.parse(answered.body).data.total_calls).toBe(0);
  });

  it('stops chart data over the limit with a 504, answers /healthz meanwhile, then computes again', async () => {
    setEnv('WIDGET_STUDIO_DATA_WORKERS', '1');
    setEnv('WIDGET_STUDIO_QUERY_TIMEOUT_MS', '300');
    await withSlowCalls(database, async () => {
      const heavy = call(app, 'POST', '/dashboards/widgets/preview_data/', heavyPreview);
      const health = healthAfterYield(app);
      expect(await settleOrder({ heavy, health })).toEqual(['health', 'heavy']);
      expect((await health).status).toBe(200);
      const stopped = await heavy;
      expect(stopped.status).toBe(504);
      expect(TimeoutBodySchema.parse(stopped.body).detail).toContain('0.3 seconds');
      // The stopped worker was replaced: the next computation answers.
      expect((await call(app, 'POST', '/dashboards/widgets/preview_data/', lightPreview)).status).toBe(200);
    });
  });

  it('stops a call-log list over the limit with a 504, answering /healthz meanwhile', async () => {
    setEnv('WIDGET_STUDIO_DATA_WORKERS', '1');
    setEnv('WIDGET_STUDIO_QUERY_TIMEOUT_MS', '300');
    await withSlowCalls(database, async () => {
      const heavy = call(app, 'GET', heavyCallLogs);
      const health = healthAfterYield(app);
      expect(await settleOrder({ heavy, health })).toEqual(['health', 'heavy']);
      const stopped = await heavy;
      expect(stopped.status).toBe(504);
      TimeoutBodySchema.parse(stopped.body);
    });
    expect((await call(app, 'GET', '/observability/v2/call-logs/?page_size=5')).status).toBe(200);
  });

  it('stops the running work of a client that has gone, so the work queued behind it runs', async () => {
    setEnv('WIDGET_STUDIO_DATA_WORKERS', '1');
    setEnv('WIDGET_STUDIO_QUERY_TIMEOUT_MS', '600000');
    setEnv('WIDGET_STUDIO_RESULT_CACHE_MS', '0');
    await withSlowCalls(database, async () => {
      // The worker is ready (the pool starts workers on first use).
      expect((await call(app, 'POST', '/dashboards/widgets/preview_data/', lightPreview)).status).toBe(200);
      const client = new AbortController();
      const heavy = call(app, 'POST', '/dashboards/widgets/preview_data/', heavyPreview, client.signal);
      // Every microtask of the request has run: its computation is on the worker, for minutes.
      await new Promise((resolve) => setImmediate(resolve));
      const queued = call(app, 'POST', '/dashboards/widgets/preview_data/', lightPreview);
      client.abort();
      expect((await queued).status).toBe(200);
      // Nobody reads the answer to a request whose client has gone; it is not logged as an error.
      expect((await heavy).status).toBe(499);
    });
  });
});

describe('on the main thread (an in-memory database)', () => {
  let database: OpenDatabase;
  let app: App;
  beforeAll(() => {
    database = openSeeded(':memory:');
    app = createApp({ database, clock: () => new Date(NOW.getTime()) });
  });
  afterAll(() => database.close());

  it('stops chart data and call-log lists over the limit with a 504', async () => {
    setEnv('WIDGET_STUDIO_QUERY_TIMEOUT_MS', '50');
    await withSlowCalls(database, async () => {
      const chart = await call(app, 'POST', '/dashboards/widgets/preview_data/', heavyPreview);
      expect(chart.status).toBe(504);
      TimeoutBodySchema.parse(chart.body);
      const logs = await call(app, 'GET', heavyCallLogs);
      expect(logs.status).toBe(504);
      TimeoutBodySchema.parse(logs.body);
    });
    expect((await call(app, 'POST', '/dashboards/widgets/preview_data/', lightPreview)).status).toBe(200);
  });
});
