import type BetterSqlite3 from 'better-sqlite3';
import { listCallLogs } from '../call-log-store.ts';

// Hour windows: the list matches evaluations to calls per page, quadratic in the page size.
const WINDOW_MS = 3_600_000;

/**
 * The calls of a project as the v2 list returns them (with metadata), one JSON text per call, oldest
 * first: what an analyst's export (or our sample file) holds.
 */
export function* exportCallLines(
  sqlite: BetterSqlite3.Database,
  projectId: number,
  fromMs: number,
  toMs: number,
): Generator<string> {
  for (let start = fromMs; start < toMs; start += WINDOW_MS) {
    const { results } = listCallLogs(
      sqlite,
      {
        projectIds: [projectId],
        fromMs: start,
        toMs: Math.min(toMs, start + WINDOW_MS - 1),
        agentId: null,
        callIds: null,
        filter: null,
        now: new Date(toMs),
      },
      { offset: 0, limit: 1_000_000 },
    );
    for (const call of results.reverse()) yield JSON.stringify(call);
  }
}
