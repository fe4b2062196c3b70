import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from './app.ts';
import type { WidgetDataRequest } from './chart-data.ts';
import { computeWidgetDataOffThread } from './chart-data-pool.ts';
import { startDataWorkers } from './data-worker-pool.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { seedDatabase } from './seed/seed-database.ts';

// Chart data on worker threads (chart-data-pool.ts, docs/decisions/0004): on a file database the data
// routes compute in workers with their own read-only connections. Their answers must be exactly the
// answers computed inline, including right after a write, and a failing query must answer, not hang.

const NOW = new Date('2026-08-20T12:00:00.000Z');
const KEY = 'ws_worker_test_key_0123456789abcdef';
let dir: string;
let database: OpenDatabase;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'widget-studio-workers-'));
  database = openDatabase(join(dir, 'workers.db'));
  seedDatabase(database, { calls: 1500, now: NOW, apiKey: KEY });
  app = createApp({ database, clock: () => new Date(NOW.getTime()) });
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await app.request(`http://localhost${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** With `setting` workers and no shared results (chart-result-cache.ts), so each run really computes. */
async function withWorkers<T>(setting: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env.WIDGET_STUDIO_DATA_WORKERS;
  const previousCache = process.env.WIDGET_STUDIO_RESULT_CACHE_MS;
  process.env.WIDGET_STUDIO_DATA_WORKERS = setting;
  process.env.WIDGET_STUDIO_RESULT_CACHE_MS = '0';
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.WIDGET_STUDIO_DATA_WORKERS;
    else process.env.WIDGET_STUDIO_DATA_WORKERS = previous;
    if (previousCache === undefined) delete process.env.WIDGET_STUDIO_RESULT_CACHE_MS;
    else process.env.WIDGET_STUDIO_RESULT_CACHE_MS = previousCache;
  }
}

const widgetIds = () =>
  z
    .array(z.object({ id: z.number() }))
    .parse(database.sqlite.prepare('SELECT id FROM widgets ORDER BY id').all())
    .map((w) => w.id);

describe('chart data on worker threads', () => {
  it('answers exactly as the inline engine for every sample widget, one by one and in bulk', async () => {
    const ids = widgetIds();
    expect(ids.length).toBeGreaterThan(5);
    const bulkPath = '/dashboards/widgets/bulk_data/?max_points=200';
    const inline = await withWorkers('0', async () => ({
      each: await Promise.all(ids.map((id) => call('GET', `/dashboards/widgets/${id}/data/?max_points=200`))),
      bulk: await call('POST', bulkPath, { widget_ids: ids }),
    }));
    const pooled = await withWorkers('2', async () => ({
      each: await Promise.all(ids.map((id) => call('GET', `/dashboards/widgets/${id}/data/?max_points=200`))),
      bulk: await call('POST', bulkPath, { widget_ids: ids }),
    }));
    expect(inline.each.every((r) => r.status === 200)).toBe(true);
    expect(pooled).toEqual(inline);
  });

  it('sees a write made just before (workers read the committed data)', async () => {
    await withWorkers('2', async () => {
      const filters = { field: 'timestamp', op: 'gte', value: 'now-1h' };
      const count = async () =>
        z.object({ data: z.object({ total_calls: z.number() }) }).parse(
          (
            await call('POST', '/dashboards/widgets/preview_data/', {
              chart_type: 'stat',
              field: '',
              filters,
            })
          ).body,
        ).data.total_calls;
      const before = await count();
      const project = z
        .object({ id: z.number() })
        .parse(database.sqlite.prepare('SELECT id FROM projects LIMIT 1').get());
      const ts = NOW.getTime() - 60_000;
      database.sqlite
        .prepare('INSERT INTO calls (project_id, timestamp, ts_ms, created_at) VALUES (?, ?, ?, ?)')
        .run(project.id, new Date(ts).toISOString(), ts, NOW.toISOString());
      expect(await count()).toBe(before + 1);
    });
  });

  it('drops queued work of a client that has gone, and still answers the others', async () => {
    await withWorkers('1', async () => {
      const job = (days: number): WidgetDataRequest => ({
        widget: { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' },
        filter: { field: 'timestamp', op: 'gte', value: `today-${days}d` },
        projectIds: [1],
        now: NOW,
        metric: null,
      });
      const gone = new AbortController();
      // The pool of this database has at most 4 workers: 4 jobs run, the next two wait in the queue.
      const running = [1, 2, 3, 4].map((days) => computeWidgetDataOffThread(database.sqlite, job(days), 1));
      const abandoned = computeWidgetDataOffThread(database.sqlite, job(5), 2, gone.signal);
      const kept = computeWidgetDataOffThread(database.sqlite, job(6), 3);
      gone.abort();
      await expect(abandoned).rejects.toThrow('Abandoned before it started.');
      for (const result of await Promise.all([...running, kept]))
        expect(Array.isArray(result.data) && result.data.length).toBeGreaterThan(0);
    });
  });

  it('answers a query that fails in a worker with a 500 instead of hanging', async () => {
    // The main thread's checks pass; the worker's query then fails on the hidden table.
    const result = await withWorkers('1', async () => {
      database.sqlite.exec('ALTER TABLE calls RENAME TO calls_hidden');
      try {
        return await call('POST', '/dashboards/widgets/preview_data/', {
          chart_type: 'stat',
          field: '',
          filters: { field: 'timestamp', op: 'gte', value: 'now-1d' },
        });
      } finally {
        database.sqlite.exec('ALTER TABLE calls_hidden RENAME TO calls');
      }
    });
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ detail: 'Internal server error.' });
  });

  it('answers with an error, not a hang, when its workers (started with the server) cannot open the file', async () => {
    const other = openDatabase(join(dir, 'gone.db'));
    const request: WidgetDataRequest = {
      widget: { chart_type: 'stat', field: '' },
      filter: null,
      projectIds: [1],
      now: NOW,
      metric: null,
    };
    await withWorkers('1', async () => {
      startDataWorkers(other.sqlite);
      // Gone before the worker thread boots: it fails to open the file and exits.
      rmSync(join(dir, 'gone.db'));
      await expect(computeWidgetDataOffThread(other.sqlite, request)).rejects.toThrow();
      // No worker is left: the next request must not wait in the queue for ever.
      await expect(computeWidgetDataOffThread(other.sqlite, request)).rejects.toThrow();
    });
    other.close();
  });
});
