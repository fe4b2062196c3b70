import type BetterSqlite3 from 'better-sqlite3';
import { listCallLogs } from '../call-log-store.ts';

const DAY_MS = 86_400_000;

/**
 * The calls of a project as the v2 list returns them (with metadata), one JSON text per call, oldest
 * day first: what an analyst's export (or our sample file) holds.
 */
export function* exportCallLines(
  sqlite: BetterSqlite3.Database,
  projectId: number,
  fromMs: number,
  toMs: number,
): Generator<string> {
  for (let day = fromMs; day < toMs; day += DAY_MS) {
    const { results } = listCallLogs(
      sqlite,
      {
        projectIds: [projectId],
        fromMs: day,
        toMs: Math.min(toMs, day + DAY_MS - 1),
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
