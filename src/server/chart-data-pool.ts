import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { computeWidgetData, type WidgetDataRequest, type WidgetDataResult } from './chart-data.ts';

/**
 * Chart data off the main thread (docs/decisions/0004): better-sqlite3 is synchronous, so one heavy
 * chart query blocks every other request (a 20-widget bulk_data held the event loop for seconds on
 * a million calls). A small pool of worker threads, each with its own read-only connection to the
 * same file (WAL lets readers run beside the writer), computes widget data while the main thread
 * keeps answering. In-memory databases (tests) cannot be shared across threads and compute inline,
 * as does everything when WIDGET_STUDIO_DATA_WORKERS=0.
 */
interface Job {
  resolve: (result: WidgetDataResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

interface Pool {
  compute(request: WidgetDataRequest): Promise<WidgetDataResult>;
}

const pools = new Map<string, Pool>();

/**
 * Workers do not inherit the `--import tsx` loader of the main thread: the bootstrap registers it and
 * then loads the TypeScript worker module (the server runs from source, as `npm start` does).
 */
const WORKER_BOOTSTRAP = `
  const { tsImport } = require(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx/esm/api')))});
  tsImport(${JSON.stringify(new URL('./chart-data-worker.ts', import.meta.url).href)}, __filename)
    .catch((error) => setImmediate(() => { throw error; }));
`;

/** WIDGET_STUDIO_DATA_WORKERS (0 = inline), else one worker per core, at most 4. */
function poolSize(): number {
  const raw = process.env.WIDGET_STUDIO_DATA_WORKERS?.trim() ?? '';
  const configured = Number(raw);
  if (raw !== '' && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 16);
  return Math.max(1, Math.min(4, availableParallelism()));
}

function createPool(path: string, size: number): Pool {
  const jobs = new Map<number, Job>();
  let nextId = 1;
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { path } });
    // Idle workers must not keep the process alive (tests, CLI scripts).
    worker.unref();
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (message: { id: number; result?: WidgetDataResult; error?: string }) => {
      const job = jobs.get(message.id);
      if (!job) return;
      jobs.delete(message.id);
      slot.busy -= 1;
      if (slot.busy === 0) worker.unref();
      if (message.error !== undefined) job.reject(new Error(message.error));
      else if (message.result) job.resolve(message.result);
    });
    worker.on('error', (error) => {
      // A crashed worker fails its jobs loudly (500 via onError) rather than hanging them.
      for (const [id, job] of jobs) {
        jobs.delete(id);
        job.reject(error);
      }
    });
    return slot;
  });
  return {
    compute(request) {
      const slot = slots.reduce((best, s) => (s.busy < best.busy ? s : best));
      const id = nextId++;
      slot.busy += 1;
      slot.worker.ref();
      return new Promise((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        slot.worker.postMessage({ id, request });
      });
    },
  };
}

/** computeWidgetData, on a worker thread when the database is a file; inline otherwise. */
export async function computeWidgetDataOffThread(
  sqlite: BetterSqlite3.Database,
  request: WidgetDataRequest,
): Promise<WidgetDataResult> {
  const size = poolSize();
  if (sqlite.memory || size === 0) return computeWidgetData(sqlite, request);
  let pool = pools.get(sqlite.name);
  if (!pool) {
    pool = createPool(sqlite.name, size);
    pools.set(sqlite.name, pool);
  }
  return pool.compute(request);
}
