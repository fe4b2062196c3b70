import type BetterSqlite3 from 'better-sqlite3';
import type { WidgetDataRequest, WidgetDataResult } from './chart-data.ts';
import { resultCacheFor } from './chart-result-cache.ts';
import { runDataTaskOffThread } from './data-worker-pool.ts';
import { WidgetDataResponseSchema } from '../contract/widget-data-schema.ts';

/**
 * computeWidgetData, on a worker thread when the database is a file, inline otherwise, within the
 * time limit (data-worker-pool.ts, docs/decisions/0004 and 0009); shared with identical requests in
 * flight or just answered (chart-result-cache.ts). `priority` orders the queue (smaller first): pass
 * when the HTTP request arrived. `signal`: the HTTP request's, so that work for a client that has gone
 * is dropped.
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
      const done = await runDataTaskOffThread(sqlite, { kind: 'widget-data', request }, priority, shared);
      if (done.kind !== 'widget-data') throw new Error(`A data worker answered a ${done.kind} task.`);
      // The wire shape is checked once per computation, not once per request that shares it.
      WidgetDataResponseSchema.shape.data.parse(done.result.data);
      return done.result;
    },
    signal,
  );
}
