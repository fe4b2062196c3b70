import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import { runDataTask, type DataTask } from './data-task.ts';

// A worker of data-worker-pool.ts: its own read-only connection, one task at a time.
const { path } = z.object({ path: z.string() }).parse(workerData);
const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');

parentPort?.on('message', (message: { id: number; task: DataTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: runDataTask(sqlite, message.task) });
  } catch (error: unknown) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort?.postMessage({ ready: true });
