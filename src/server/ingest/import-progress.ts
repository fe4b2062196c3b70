import type { ImportProgress } from '../../contract/import-report-schema.ts';

/** The progress figures from the counters (pure: the clock reading is passed in). */
export function progressOf(
  counters: Pick<
    ImportProgress,
    'rowsRead' | 'stored' | 'unchanged' | 'skipped' | 'bytesRead' | 'totalBytes'
  >,
  elapsedMs: number,
): ImportProgress {
  const seconds = elapsedMs / 1000;
  const share = counters.totalBytes ? counters.bytesRead / counters.totalBytes : 0;
  return {
    ...counters,
    elapsedMs,
    rowsPerSecond: seconds > 0 ? Math.round(counters.rowsRead / seconds) : 0,
    etaMs: share > 0 && share <= 1 ? Math.round((elapsedMs * (1 - share)) / share) : null,
  };
}
