import { isBeyondThreshold, type Threshold } from '../../../contract/widget-insights.ts';
import { COLOR_HEX, type BarRow, type LineRow } from './chart-model.ts';

/** The first threshold a value lies beyond, or null (also for a missing value). */
export function thresholdBeyond(
  value: number | null | undefined,
  thresholds: readonly Threshold[],
): Threshold | null {
  if (value == null || !Number.isFinite(value)) return null;
  return thresholds.find((t) => isBeyondThreshold(value, t)) ?? null;
}

export function thresholdColor(threshold: Threshold): string {
  return COLOR_HEX[threshold.color];
}

/** How many rows of a series have a value, and how many of those lie beyond a threshold. */
export function countBeyond(
  rows: readonly (LineRow | BarRow)[],
  seriesKey: string,
  thresholds: readonly Threshold[],
): { valued: number; beyond: number } {
  let valued = 0;
  let beyond = 0;
  for (const row of rows) {
    const value = row.values[seriesKey];
    if (value == null) continue;
    valued += 1;
    if (thresholdBeyond(value, thresholds)) beyond += 1;
  }
  return { valued, beyond };
}

export interface BarMarker {
  label: string;
  count: number;
}

/**
 * Alert firings placed on a bar chart: each time falls in the bucket that starts at or before it
 * (rows are in time order); times before the first bucket are dropped. One marker per bucket, with
 * how many firings it holds. Pure.
 */
export function placeBarMarkers(rows: readonly BarRow[], times: readonly number[]): BarMarker[] {
  const starts = rows.map((row) => Date.parse(row.bucket));
  const counts = new Map<number, number>();
  for (const time of times) {
    let index = -1;
    for (let i = 0; i < starts.length && (starts[i] ?? Infinity) <= time; i += 1) index = i;
    if (index >= 0) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, count]) => ({ label: rows[index]?.label ?? '', count }));
}
