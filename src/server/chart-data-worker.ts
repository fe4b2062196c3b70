import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import { computeWidgetData, type WidgetDataRequest } from './chart-data.ts';

// A chart-data worker of chart-data-pool.ts: its own read-only connection, one job at a time.
const { path } = z.object({ path: z.string() }).parse(workerData);
const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');

parentPort?.on('message', (message: { id: number; request: WidgetDataRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: computeWidgetData(sqlite, message.request) });
  } catch (error: unknown) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
