import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.ts';
import { DEFAULT_DB_PATH } from '../server-config.ts';
import { syncCalls } from './sync-calls.ts';
import { fileCheckpointStore } from './sync-checkpoint.ts';
import { UpstreamAuthError } from './upstream-get.ts';
import { describeCreated } from '../../contract/import-report-schema.ts';

// `UPSTREAM_URL=… CEKURA_API_KEY=… npm run sync -- --days 30 [--agent <id>…] [--project <local id>]
//   [--upstream-project <id>] [--no-redact] [--db <path>]`
const USAGE =
  'Usage: UPSTREAM_URL=https://api.cekura.ai CEKURA_API_KEY=… npm run sync -- --days 30 [--agent <id>]… [--project <local id>] [--upstream-project <id>] [--no-redact] [--db <path>]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        days: { type: 'string', default: '30' },
        agent: { type: 'string', multiple: true, default: [] },
        project: { type: 'string' },
        'upstream-project': { type: 'string' },
        'no-redact': { type: 'boolean', default: false },
        db: { type: 'string', default: process.env.DB_PATH ?? DEFAULT_DB_PATH },
      },
    });
  } catch (error: unknown) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
const upstreamUrl = process.env.UPSTREAM_URL?.trim();
const apiKey = process.env.CEKURA_API_KEY?.trim();
if (!upstreamUrl || !apiKey) fail(`Set UPSTREAM_URL and CEKURA_API_KEY.\n${USAGE}`);
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > 3650)
  fail('--days must be a whole number of days (1–3650).');
const agentIds = values.agent.map(Number);
if (!agentIds.every((id) => Number.isSafeInteger(id) && id > 0)) fail('--agent takes an upstream agent id.');
const upstreamProjectId =
  values['upstream-project'] === undefined ? null : Number(values['upstream-project']);

const database = openDatabase(values.db);
const projects = database.sqlite.prepare('SELECT id FROM projects ORDER BY id').pluck().all().map(Number);
const projectId =
  values.project === undefined ? (projects.length === 1 ? projects[0] : undefined) : Number(values.project);
if (projectId === undefined || !projects.includes(projectId))
  fail(
    `Pass --project <id> (the local project to fill): this database has the projects ${projects.join(', ') || '(none)'}.`,
  );

const interactive = process.stderr.isTTY;
try {
  const report = await syncCalls(database, {
    upstreamUrl,
    apiKey,
    projectId,
    upstreamProjectId,
    days,
    agentIds,
    redact: !values['no-redact'],
    now: new Date(),
    checkpoints: fileCheckpointStore(`${values.db}.sync-state.json`),
    retry: {
      maxAttempts: 8,
      baseDelayMs: 500,
      maxDelayMs: 60_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onRetry: (reason, waitMs) =>
        process.stderr.write(`\n${reason}: retrying in ${(waitMs / 1000).toFixed(1)} s\n`),
    },
    onProgress: (p) => {
      const line = `${p.pages} pages, ${p.received} calls received, ${p.stored} stored, ${p.unchanged} unchanged, ${p.skipped} skipped; reached ${p.reached}`;
      process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
    },
  });
  if (interactive) process.stderr.write('\n');
  console.info(
    `${report.resumed ? 'Resumed and finished' : 'Finished'}: ${report.stored} new calls, ${report.unchanged} already present, ${report.skipped} skipped, ${report.metricsCreated} metrics copied from the upstream's list.`,
  );
  const created = describeCreated(report.created);
  if (created) console.info(`  ${created}`);
  for (const problem of report.problems.slice(0, 50)) console.info(`  skipped ${problem}`);
  database.close();
} catch (error: unknown) {
  database.close();
  if (error instanceof UpstreamAuthError) fail(error.message, 1);
  fail(
    `Sync stopped: ${error instanceof Error ? error.message : String(error)} Run the same command again to continue where it stopped.`,
    1,
  );
}
