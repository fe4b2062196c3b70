import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { computeWidgetData, type WidgetDataRequest, type WidgetDataResult } from './chart-data.ts';
import { resultCacheFor } from './chart-result-cache.ts';
import { WidgetDataResponseSchema } from '../contract/widget-data-schema.ts';

/**
 * Chart data off the main thread (docs/decisions/0004): better-sqlite3 is synchronous, so one heavy
 * chart query blocks every other request (a 20-widget bulk_data held the event loop for seconds on
 * a million calls). A small pool of worker threads, each with its own read-only connection to the
 * same file (WAL lets readers run beside the writer), computes widget data while the main thread
 * keeps answering. In-memory databases (tests) cannot be shared across threads and compute inline,
 * as does everything when WIDGET_STUDIO_DATA_WORKERS=0.
 *
 * Jobs wait in one queue, oldest request first (`priority` = when the HTTP request arrived): the
 * widgets of the first bulk_data request finish before those of the next, instead of every request
 * sharing the cores and all of them finishing late. A job whose requests have all gone (the client
 * closed the connection) leaves the queue instead of being computed for nobody.
 */
interface Job {
  id: number;
  priority: number;
  request: WidgetDataRequest;
  resolve: (result: WidgetDataResult) => void;
  reject: (error: Error) => void;
}

interface Pool {
  compute(request: WidgetDataRequest, priority: number, signal: AbortSignal): Promise<WidgetDataResult>;
}

const pools = new Map<string, Pool>();

/**
 * The worker is the module beside this one with the same extension: `chart-data-worker.js` in the
 * built server (`npm start`, docs/decisions/0007), plain JavaScript for a plain worker;
 * `chart-data-worker.ts` when the server runs from source (`npm run dev`, tests, benchmarks). Workers do
 * not inherit the `--import tsx` loader of the main thread (Node 20), so from source a bootstrap loads
 * the TypeScript module through tsx's API.
 */
function startWorker(path: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./chart-data-worker.js', here), { workerData: { path } });
  }
  const bootstrap = `
    const { tsImport } = require(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx/esm/api')))});
    tsImport(${JSON.stringify(new URL('./chart-data-worker.ts', here).href)}, __filename)
      .catch((error) => setImmediate(() => { throw error; }));
  `;
  return new Worker(bootstrap, { eval: true, workerData: { path } });
}

/** WIDGET_STUDIO_DATA_WORKERS (0 = inline), else one worker per core, at most 4. */
function poolSize(): number {
  const raw = process.env.WIDGET_STUDIO_DATA_WORKERS?.trim() ?? '';
  const configured = Number(raw);
  if (raw !== '' && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 16);
  return Math.max(1, Math.min(4, availableParallelism()));
}

function createPool(path: string, size: number): Pool {
  const queue: Job[] = [];
  const running = new Map<Worker, Job | null>();
  let nextId = 1;

  const dispatch = () => {
    for (const [worker, current] of running) {
      if (current || queue.length === 0) continue;
      // Oldest request first; among equals, submission order.
      let best = 0;
      for (let i = 1; i < queue.length; i++) {
        const candidate = queue[i];
        const chosen = queue[best];
        if (
          candidate &&
          chosen &&
          (candidate.priority < chosen.priority ||
            (candidate.priority === chosen.priority && candidate.id < chosen.id))
        )
          best = i;
      }
      const [job] = queue.splice(best, 1);
      if (!job) continue;
      running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, request: job.request });
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = startWorker(path);
    // Idle workers must not keep the process alive (tests, CLI scripts).
    worker.unref();
    running.set(worker, null);
    worker.on('message', (message: { id: number; result?: WidgetDataResult; error?: string }) => {
      const job = running.get(worker);
      if (!job || job.id !== message.id) return;
      running.set(worker, null);
      worker.unref();
      if (message.error !== undefined) job.reject(new Error(message.error));
      else if (message.result) job.resolve(message.result);
      dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job loudly (500 via onError) rather than hanging it.
      const job = running.get(worker);
      running.delete(worker);
      job?.reject(error);
      if (running.size === 0) {
        // No worker left (a file it cannot open, a crash): the next request starts a new pool
        // instead of waiting for ever in this one's queue.
        if (pools.get(path) === pool) pools.delete(path);
        for (const waiting of queue.splice(0)) waiting.reject(error);
      }
      dispatch();
    });
  }

  const pool: Pool = {
    compute(request, priority, signal) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(new Error('Abandoned before it started.'));
          return;
        }
        const job: Job = { id: nextId++, priority, request, resolve, reject };
        // A running query cannot be interrupted; a queued one simply leaves the queue.
        signal.addEventListener(
          'abort',
          () => {
            const index = queue.indexOf(job);
            if (index < 0) return;
            queue.splice(index, 1);
            reject(new Error('Abandoned before it started.'));
          },
          { once: true },
        );
        queue.push(job);
        dispatch();
      });
    },
  };
  return pool;
}

/** The pool of a file database, started on first use; null when data is computed inline. */
function poolOf(sqlite: BetterSqlite3.Database): Pool | null {
  const size = poolSize();
  if (sqlite.memory || size === 0) return null;
  let pool = pools.get(sqlite.name);
  if (!pool) {
    pool = createPool(sqlite.name, size);
    pools.set(sqlite.name, pool);
  }
  return pool;
}

/**
 * Starts the chart-data workers of a file database now instead of on the first data request: the
 * first visitor after a start then does not wait for threads to boot and load their module
 * (`npm run bench:cold-start`). Nothing happens where data is computed inline.
 */
export function startChartDataWorkers(sqlite: BetterSqlite3.Database): void {
  poolOf(sqlite);
}

function computeOnce(
  sqlite: BetterSqlite3.Database,
  request: WidgetDataRequest,
  priority: number,
  signal: AbortSignal,
): Promise<WidgetDataResult> {
  const pool = poolOf(sqlite);
  if (!pool) return Promise.resolve(computeWidgetData(sqlite, request));
  return pool.compute(request, priority, signal);
}

/**
 * computeWidgetData, on a worker thread when the database is a file; inline otherwise; shared with
 * identical requests in flight or just answered (chart-result-cache.ts). `priority` orders the queue
 * (smaller first): pass when the HTTP request arrived. `signal`: the HTTP request's, so that work for
 * a client that has gone is dropped.
 */
export function computeWidgetDataOffThread(
  sqlite: BetterSqlite3.Database,
  request: WidgetDataRequest,
  priority: number = performance.now(),
  signal?: AbortSignal,
): Promise<WidgetDataResult> {
  return resultCacheFor(sqlite).get(
    request,
    async (shared) => {
      const result = await computeOnce(sqlite, request, priority, shared);
      // The wire shape is checked once per computation, not once per request that shares it.
      WidgetDataResponseSchema.shape.data.parse(result.data);
      return result;
    },
    signal,
  );
}
