import { listCallLogs } from '../engine/call-log-store.ts';
import type { EngineStores } from '../engine/chart-data.ts';

// One page per day keeps each page (and the JSON it holds) small.
const WINDOW_MS = 86_400_000;

/**
 * The calls of a project as the v2 list returns them (with metadata), one JSON text per call, oldest
 * first: what an analyst's export (or our sample file) holds.
 */
export async function* exportCallLines(
  stores: EngineStores,
  projectId: number,
  fromMs: number,
  toMs: number,
): AsyncGenerator<string> {
  for (let start = fromMs; start < toMs; start += WINDOW_MS) {
    const { results } = await listCallLogs(
      stores,
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
      null,
    );
    for (const call of results.reverse()) yield JSON.stringify(call);
  }
}

/** All of `exportCallLines` as an array. */
export async function exportedCallLines(
  stores: EngineStores,
  projectId: number,
  fromMs: number,
  toMs: number,
): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportCallLines(stores, projectId, fromMs, toMs)) lines.push(line);
  return lines;
}
