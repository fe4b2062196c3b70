import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultAnalyticsPath } from '../analytics/analytics-path.ts';
import { openDatabase } from '../db/open-database.ts';
import { ConfigError, readAnalyticsMemoryLimit } from '../server-config.ts';
import { seedDatabase } from './seed-database.ts';

// `npm run seed -- --calls 1000000 --db path [--analytics path] [--seed n]`: seeds a new database
// (SEED_CALLS is the default count), e.g. for benchmarks.
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: process.env.SEED_CALLS?.trim() || '20000' },
    db: { type: 'string', default: './data/widget-studio.db' },
    analytics: { type: 'string' },
    seed: { type: 'string' },
  },
});
const calls = Number(values.calls);
if (!Number.isInteger(calls) || calls < 0) {
  console.error('--calls must be a non-negative integer');
  process.exit(1);
}
const path = values.db;
const analyticsPath = values.analytics ?? process.env.ANALYTICS_PATH?.trim() ?? defaultAnalyticsPath(path);
for (const file of [path, analyticsPath])
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
let memoryLimit: string | null;
try {
  memoryLimit = readAnalyticsMemoryLimit(process.env);
} catch (error: unknown) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
const started = performance.now();
const database = openDatabase(path, { analyticsPath, ...(memoryLimit !== null ? { memoryLimit } : {}) });
const existing = database.sqlite.prepare('SELECT COUNT(*) AS n FROM organisations').get();
if (typeof existing === 'object' && existing !== null && 'n' in existing && Number(existing.n) > 0) {
  console.error(`${path} is already seeded; use a new path.`);
  database.close();
  process.exit(1);
}
try {
  await database.analytics.ready();
  const result = seedDatabase(database, { calls, seed: values.seed ? Number(values.seed) : undefined });
  await result.callsWritten;
  database.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `Seeded ${calls} calls into ${analyticsPath} (definitions in ${path}) in ${seconds} s (projects ${result.projectIds.join(', ')}).`,
  );
  console.info(`API key: ${result.apiKey}`);
} catch (error: unknown) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
