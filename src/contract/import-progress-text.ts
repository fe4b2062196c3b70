import type { ImportProgress } from './import-report-schema.ts';

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One progress line (the terminal's and the Import calls page's): a bar when the size is known, then the counters, rate and time left. */
export function formatProgressLine(p: ImportProgress, width = 24): string {
  const share = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : null;
  const bar =
    share === null
      ? ''
      : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${String(Math.floor(share * 100)).padStart(3)}% `;
  const left = p.etaMs === null ? '' : `, ${duration(p.etaMs)} left`;
  return `${bar}${p.rowsRead} rows read, ${p.stored} stored, ${p.unchanged} unchanged, ${p.skipped} skipped, ${p.rowsPerSecond}/s${left}`;
}
