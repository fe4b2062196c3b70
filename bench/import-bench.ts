import { queryRows } from '../src/server/analytics/analytics-database.ts';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { defaultAnalyticsPath } from '../src/server/analytics/analytics-path.ts';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/open-database.ts';
import { runImport } from '../src/server/ingest/run-import.ts';
import { seedDatabase } from '../src/server/seed/seed-database.ts';
import { exportCallLines } from '../src/server/test-support/export-call-lines.ts';

// `npm run bench:import -- --calls 330000`: seeds calls, exports project 1 as JSON Lines (the v2 list
// shape, with evaluations), then imports the file into an empty database of the same catalogue (SQLite
// for agents and metrics, the DuckDB analytics file for calls and evaluations, as `npm run import`)
// and reports the rate and peak memory. `--reuse` imports the file of the last run again;
// `--sample <path>` only writes the export (the docs/examples sample file).
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '330000' },
    sample: { type: 'string' },
    dir: { type: 'string', default: 'bench/tmp' },
    reuse: { type: 'boolean', default: false },
  },
});
const NOW = new Date('2026-12-07T00:00:00.000Z');
const DAY = 86_400_000;

async function writeExport(path: string, calls: number): Promise<number> {
  const source = openDatabase(':memory:');
  await seedDatabase(source, { calls, now: NOW }).callsWritten;
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let rows = 0;
  for await (const line of exportCallLines(source, 1, NOW.getTime() - 50 * DAY, NOW.getTime())) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    rows += 1;
  }
  out.end();
  await once(out, 'finish');
  source.close();
  await source.analytics.released();
  return rows;
}

/** Lines of a file, counted in its bytes (a 1M-call export is longer than the longest string). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
  }
  return lines;
}

if (values.sample) {
  const rows = await writeExport(values.sample, Number(values.calls));
  console.info(`Wrote ${rows} calls to ${values.sample}.`);
} else {
  const file = `${values.dir}/import-calls.jsonl`;
  const target = `${values.dir}/import-target.db`;
  const rows = values.reuse ? await countLines(file) : await writeExport(file, Number(values.calls));
  const analyticsFile = defaultAnalyticsPath(target);
  for (const path of [target, `${target}-wal`, `${target}-shm`, analyticsFile, `${analyticsFile}.wal`])
    rmSync(path, { force: true });
  const database = openDatabase(target);
  await seedDatabase(database, { calls: 0, now: NOW }).callsWritten;
  const size = statSync(file).size;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const report = await runImport(database, createReadStream(file, { highWaterMark: 256 * 1024 }), {
    projectId: 1,
    format: 'json',
    skipInvalid: false,
    redact: false,
    totalBytes: size,
    now: () => new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const evaluations = Number(
    (
      await database.analytics.read(null, (connection) =>
        queryRows(connection, 'SELECT count(*) FROM metric_evaluations'),
      )
    )[0]?.[0],
  );
  database.close();
  await database.analytics.released();
  console.info(
    JSON.stringify({
      rows,
      fileMiB: Math.round(size / 1048576),
      stored: report.stored,
      evaluations,
      seconds: Math.round(seconds * 10) / 10,
      callsPerSecond: Math.round(report.stored / seconds),
      rssBeforeMiB: Math.round(rssBefore / 1048576),
      peakRssMiB: Math.round(peakRss / 1048576),
      analyticsFileMiB: Math.round(statSync(analyticsFile).size / 1048576),
      outcome: report.outcome,
    }),
  );
}
