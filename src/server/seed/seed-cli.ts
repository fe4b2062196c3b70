import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.ts';
import { seedDatabase } from './seed-database.ts';

// `npm run seed -- --calls 1000000 --db path [--seed n]`: seeds a new database for benchmarks.
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    db: { type: 'string', default: './data/widget-studio.db' },
    seed: { type: 'string' },
  },
});
const calls = Number(values.calls);
if (!Number.isInteger(calls) || calls < 0) {
  console.error('--calls must be a non-negative integer');
  process.exit(1);
}
const path = values.db;
if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
const started = performance.now();
const database = openDatabase(path);
const existing = database.sqlite.prepare('SELECT COUNT(*) AS n FROM organisations').get();
if (typeof existing === 'object' && existing !== null && 'n' in existing && Number(existing.n) > 0) {
  console.error(`${path} is already seeded; use a new path.`);
  database.close();
  process.exit(1);
}
// A new file: write pages straight into it (an in-memory rollback journal instead of a WAL as big as
// the database, then a checkpoint copying it all again), with a bigger page cache (negative = KiB).
database.sqlite.pragma('journal_mode = MEMORY');
database.sqlite.pragma('cache_size = -262144');
const result = seedDatabase(database, { calls, seed: values.seed ? Number(values.seed) : undefined });
database.sqlite.pragma('journal_mode = WAL');
database.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.info(
  `Seeded ${calls} calls into ${path} in ${seconds} s (projects ${result.projectIds.join(', ')}).`,
);
console.info(`API key: ${result.apiKey}`);
