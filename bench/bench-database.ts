import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { defaultAnalyticsPath } from '../src/server/analytics/analytics-path.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { seedDatabase } from '../src/server/seed/seed-database.ts';

/**
 * A seeded benchmark database, created once under `bench/tmp/` and reused by `bench:load` and
 * `bench:web` (seeding a million calls takes a while). The seed clock is recorded beside it so the
 * benchmark server can pin its clock to the same instant: relative filters ("last 7 days") then read
 * the same rows on every run, whatever day the benchmark is run.
 */
export interface BenchDatabase {
  path: string;
  apiKey: string;
  now: Date;
  calls: number;
  projectIds: number[];
  seedSeconds: number | null;
}

const SidecarSchema = z.object({
  calls: z.number().int(),
  now: z.iso.datetime(),
  apiKey: z.string(),
  projectIds: z.array(z.number().int()),
  seedSeconds: z.number().nullable(),
});

/** Not a secret: a benchmark-only key for a throwaway database on loopback. */
export const BENCH_API_KEY = 'ws_bench_local_key_0123456789abcdef';

export function benchDatabasePath(calls: number): string {
  return `bench/tmp/seed-${calls}.db`;
}

export async function ensureBenchDatabase(
  calls: number,
  log: (line: string) => void = console.info,
): Promise<BenchDatabase> {
  const path = benchDatabasePath(calls);
  const sidecar = `${path}.json`;
  // The analytics file of the same database (docs/decisions/0014): both or neither are reused.
  const analyticsPath = defaultAnalyticsPath(path);
  if (existsSync(path) && existsSync(analyticsPath) && existsSync(sidecar)) {
    const meta = SidecarSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8')));
    if (meta.calls === calls) {
      log(`Reusing ${path} (${calls} calls, seeded for ${meta.now}).`);
      return { path, ...meta, now: new Date(meta.now), seedSeconds: meta.seedSeconds };
    }
  }
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true });
  for (const suffix of ['', '.wal']) rmSync(`${analyticsPath}${suffix}`, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  // A round instant so that every run of the benchmark sees exactly the same data.
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  log(`Seeding ${calls} calls into ${path} (once; later runs reuse it)…`);
  const started = performance.now();
  const database = openDatabase(path);
  const result = seedDatabase(database, { calls, now, apiKey: BENCH_API_KEY });
  await result.callsWritten;
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  await database.analytics.released();
  const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  log(`Seeded in ${seedSeconds} s.`);
  const meta = {
    calls,
    now: now.toISOString(),
    apiKey: result.apiKey,
    projectIds: result.projectIds,
    seedSeconds,
  };
  writeFileSync(sidecar, JSON.stringify(meta, null, 2) + '\n');
  return { path, ...meta, now, seedSeconds };
}

// `node --import tsx bench/bench-database.ts [calls]`: seed ahead of time.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  await ensureBenchDatabase(Number(process.argv[2] ?? 1_000_000));
}
