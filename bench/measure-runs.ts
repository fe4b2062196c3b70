/** The value at `fraction` (0–1) of ascending `sorted` values, nearest rank. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs `run` `warmup` times, then `runs` times one after another; p50 and p95 of the timed runs (ms). */
export async function measureRuns(
  run: () => unknown,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** Milliseconds with one decimal, as the benchmark tables print them. */
export const formatMs = (ms: number): string => ms.toFixed(1);
