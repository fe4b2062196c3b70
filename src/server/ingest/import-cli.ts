import * as z from 'zod';
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportBusyError } from './call-ingest-store.ts';
import { openDatabase } from '../db/open-database.ts';
import { formatImportReport } from './format-import-report.ts';
import { formatProgressLine } from '../../contract/import-progress-text.ts';
import { formatOfFileName } from './read-call-records.ts';
import { runImport } from './run-import.ts';
import { DEFAULT_DB_PATH } from '../server-config.ts';

// `npm run import -- <file> [--project <id>] [--skip-invalid] [--redact] [--db <path>]`
const USAGE =
  'Usage: npm run import -- <file.jsonl|.json|.csv> [--project <id>] [--skip-invalid] [--redact] [--db <path>]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        redact: { type: 'boolean', default: false },
        db: { type: 'string', default: process.env.DB_PATH ?? DEFAULT_DB_PATH },
        format: { type: 'string' },
        'progress-ms': { type: 'string' },
      },
    });
  } catch (error: unknown) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();
const [file] = positionals;
if (!file || positionals.length > 1) fail(USAGE);
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`Cannot read ${file}.`);
}
const database = openDatabase(values.db);
const projects = z
  .array(z.object({ id: z.number(), name: z.string() }))
  .parse(database.sqlite.prepare('SELECT id, name FROM projects ORDER BY id').all());
const listed = projects.map((p) => `${p.id} (${p.name})`).join(', ');
const projectId =
  values.project === undefined
    ? projects.length === 1
      ? projects[0]?.id
      : undefined
    : Number(values.project);
if (projectId === undefined)
  fail(`Pass --project <id>: this database has the projects ${listed || '(none)'}.`);
if (!projects.some((p) => p.id === projectId))
  fail(`There is no project ${values.project ?? ''}; the projects are ${listed}.`);
const format = values.format === 'csv' || values.format === 'json' ? values.format : formatOfFileName(file);

const interactive = process.stderr.isTTY;
let lastLine = 0;
try {
  const report = await runImport(database, createReadStream(file, { highWaterMark: 256 * 1024 }), {
    projectId,
    format,
    skipInvalid: values['skip-invalid'],
    redact: values.redact,
    totalBytes: size,
    now: () => new Date(),
    progressEveryMs: values['progress-ms'] ? Number(values['progress-ms']) : interactive ? 200 : 2000,
    onProgress: (progress) => {
      const line = formatProgressLine(progress);
      if (interactive) process.stderr.write(`\r${line.padEnd(lastLine)}`);
      else process.stderr.write(`${line}\n`);
      lastLine = line.length;
    },
  });
  if (interactive) process.stderr.write('\n');
  for (const line of formatImportReport(report, values['skip-invalid'])) console.info(line);
  database.close();
  process.exit(report.outcome === 'committed' ? 0 : 1);
} catch (error: unknown) {
  database.close();
  if (error instanceof ImportBusyError) fail(error.message, 1);
  throw error;
}
