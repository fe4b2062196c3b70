import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { runDataTask, type DataTask, type DataTaskResult } from './data-task.ts';
import { QueryTimeoutError, queryTimeLimitMs, runWithQueryDeadline } from './query-time-limit.ts';

/**
 * Data computations off the main thread (docs/decisions/0004): better-sqlite3 is synchronous, so one
 * heavy query blocks every other request (a 20-widget bulk_data held the event loop for seconds on a
 * million calls). A small pool of worker threads, each with its own read-only connection to the same
 * file (WAL lets readers run beside the writer), computes chart data and call-log pages while the
 * main thread keeps answering. In-memory databases (tests) cannot be shared across threads and
 * compute inline, as does everything when WIDGET_STUDIO_DATA_WORKERS=0.
 *
 * Jobs wait in one queue, oldest request first (`priority` = when the HTTP request arrived): the
 * widgets of the first bulk_data request finish before those of the next, instead of every request
 * sharing the cores and all of them finishing late. A job whose requests have all gone (the client
 * closed the connection) leaves the queue instead of being computed for nobody.
 *
 * Time limit (docs/decisions/0009): a job still running at its limit fails with QueryTimeoutError and
 * its worker is replaced, since a running query cannot be interrupted otherwise. A running job whose
 * requests have all gone gets `ABANDONED_GRACE_MS` to finish (most do, and the worker stays warm),
 * then its worker is replaced too. A replaced worker stops at its next JavaScript call (a per-row SQL
 * function, or the end of the statement); the pool does not wait for it.
 */
interface Job {
  id: number;
  priority: number;
  task: DataTask;
  limitMs: number;
  resolve: (result: DataTaskResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and connected: only then does it get jobs, so start-up never counts towards a limit. */
  ready: boolean;
  job: Job | null;
  /** Stops the running job: at its time limit, or after the grace once it is abandoned. */
  stopTimer: NodeJS.Timeout | null;
}

interface Pool {
  run(task: DataTask, priority: number, signal: AbortSignal, limitMs: number): Promise<DataTaskResult>;
  /** Whether any worker is left (all of them crashing on start-up leaves none). */
  alive(): boolean;
}

const ABANDONED_GRACE_MS = 1000;

const pools = new Map<string, Pool>();

/**
 * The worker is the module beside this one with the same extension: `data-worker.js` in the built
 * server (`npm start`, plain JavaScript for a plain worker); `data-worker.ts` when the server runs
 * from source (`npm run dev`, tests, benchmarks). Workers do not inherit the `--import tsx` loader of
 * the main thread (Node 20), so from source a bootstrap loads the TypeScript module through tsx's API.
 */
function startWorker(path: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./data-worker.js', here), { workerData: { path } });
  const bootstrap = `
    const { tsImport } = require(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx/esm/api')))});
    tsImport(${JSON.stringify(new URL('./data-worker.ts', here).href)}, __filename)
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

/** Oldest request first; among equals, submission order. */
function takeNext(queue: Job[]): Job | undefined {
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
  return queue.splice(best, 1)[0];
}

function createPool(path: string, size: number): Pool {
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let nextId = 1;

  const release = (slot: Slot): Job | null => {
    const { job } = slot;
    if (slot.stopTimer) clearTimeout(slot.stopTimer);
    slot.stopTimer = null;
    slot.job = null;
    slot.worker.unref();
    return job;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = takeNext(queue);
      if (!job) continue;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task });
      slot.stopTimer = setTimeout(() => replace(slot, new QueryTimeoutError(job.limitMs)), job.limitMs);
    }
  };

  /** Fails the slot's job with `error` and puts a fresh worker in the slot's place. */
  const replace = (slot: Slot, error: Error) => {
    const job = release(slot);
    slots.delete(slot);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined); // whatever it still reports, nobody is waiting for it
    void slot.worker.terminate();
    job?.reject(error);
    spawn();
    dispatch();
  };

  const spawn = () => {
    const worker = startWorker(path);
    // Idle workers must not keep the process alive (tests, CLI scripts).
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, stopTimer: null };
    slots.add(slot);
    worker.on(
      'message',
      (message: { ready?: true; id?: number; result?: DataTaskResult; error?: string }) => {
        if (message.ready) {
          slot.ready = true;
          dispatch();
          return;
        }
        if (slot.job === null || slot.job.id !== message.id) return;
        const job = release(slot);
        if (message.error !== undefined) job?.reject(new Error(message.error));
        else if (message.result) job?.resolve(message.result);
        dispatch();
      },
    );
    worker.on('error', (error) => {
      // A crashed worker fails its job loudly (500 via onError) rather than hanging it.
      const job = release(slot);
      slots.delete(slot);
      job?.reject(error);
      // One that crashed while starting would crash again: it is not replaced.
      if (slot.ready) spawn();
      for (const waiting of slots.size === 0 ? queue.splice(0) : []) waiting.reject(error);
      dispatch();
    });
  };

  for (let i = 0; i < size; i++) spawn();

  return {
    alive: () => slots.size > 0,
    run(task, priority, signal, limitMs) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(new Error('Abandoned before it started.'));
          return;
        }
        if (slots.size === 0) {
          reject(new Error('No data worker is running (they crashed on start-up).'));
          return;
        }
        const job: Job = {
          id: nextId++,
          priority,
          task,
          limitMs,
          resolve: (result) => {
            signal.removeEventListener('abort', onAbort);
            resolve(result);
          },
          reject: (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        function onAbort() {
          const index = queue.indexOf(job);
          if (index >= 0) {
            queue.splice(index, 1);
            job.reject(new Error('Abandoned before it started.'));
            return;
          }
          const slot = [...slots].find((s) => s.job === job);
          if (!slot) return;
          if (slot.stopTimer) clearTimeout(slot.stopTimer);
          slot.stopTimer = setTimeout(
            () => replace(slot, new Error('Abandoned: its requests have gone.')),
            ABANDONED_GRACE_MS,
          );
        }
        signal.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        dispatch();
      });
    },
  };
}

/**
 * Runs a data task on a worker thread when the database is a file, inline otherwise, within the
 * time limit (`queryTimeLimitMs`). `priority` orders the queue (smaller first): pass when the HTTP
 * request arrived. `signal`: aborts when nobody waits for the result any more.
 */
export function runDataTaskOffThread(
  sqlite: BetterSqlite3.Database,
  task: DataTask,
  priority: number,
  signal: AbortSignal,
): Promise<DataTaskResult> {
  const limitMs = queryTimeLimitMs();
  const size = poolSize();
  if (sqlite.memory || size === 0) {
    try {
      // better-sqlite3 cannot be interrupted: the per-row SQL functions check the deadline.
      return Promise.resolve(runWithQueryDeadline(sqlite, limitMs, () => runDataTask(sqlite, task)));
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return poolFor(sqlite.name, size).run(task, priority, signal, limitMs);
}

/** The pool of a database file; a pool whose workers have all died is replaced by a new one. */
function poolFor(path: string, size: number): Pool {
  let pool = pools.get(path);
  if (!pool || !pool.alive()) {
    pool = createPool(path, size);
    pools.set(path, pool);
  }
  return pool;
}

/**
 * Boots the workers of a file database with the server (main.ts), beside the seeding and start-up,
 * instead of when the first dashboard asks for data.
 */
export function startDataWorkers(sqlite: BetterSqlite3.Database): void {
  const size = poolSize();
  if (!sqlite.memory && size > 0) poolFor(sqlite.name, size);
}
