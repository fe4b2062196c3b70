import type BetterSqlite3 from 'better-sqlite3';
import {
  listCallLogs,
  type CallLogList,
  type CallLogPageRequest,
  type CallLogQuery,
} from './call-log-store.ts';
import { computeWidgetData, type WidgetDataRequest, type WidgetDataResult } from './chart-data.ts';
import { registerSqlFunctions } from './filter-sql.ts';

/**
 * A data computation that may run on a worker thread (data-worker-pool.ts): its input and result
 * cross threads by structured clone, so they are plain data.
 */
export type DataTask =
  | { kind: 'widget-data'; request: WidgetDataRequest }
  | { kind: 'call-logs'; query: CallLogQuery; page: CallLogPageRequest };

export type DataTaskResult =
  { kind: 'widget-data'; result: WidgetDataResult } | { kind: 'call-logs'; result: CallLogList };

/** Runs a data task on a connection (the main thread's, or a worker's read-only one). */
export function runDataTask(sqlite: BetterSqlite3.Database, task: DataTask): DataTaskResult {
  registerSqlFunctions(sqlite);
  switch (task.kind) {
    case 'widget-data':
      return { kind: 'widget-data', result: computeWidgetData(sqlite, task.request) };
    case 'call-logs':
      return { kind: 'call-logs', result: listCallLogs(sqlite, task.query, task.page) };
  }
}
