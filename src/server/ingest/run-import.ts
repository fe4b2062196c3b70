import { callIdOf } from './call-id-of.ts';
import { CallLogInputSchema, toIngestCall } from '../../contract/call-log-input-schema.ts';
import { beginImportSession, type IngestTarget } from './call-ingest-store.ts';
import { zodToDrf } from '../http/zod-to-drf.ts';
import type { ImportProgress, ImportReport, RowProblem } from '../../contract/import-report-schema.ts';
import { progressOf } from './import-progress.ts';
import {
  createMissingNames,
  loadIngestCatalogue,
  removeCreatedNames,
  type CreatedCatalogue,
} from './ingest-catalogue.ts';
import { MalformedFileError } from './malformed-file-error.ts';
import { readCallRecords, type CallFileFormat } from './read-call-records.ts';
import { redactCall } from './redact-call.ts';
import { findMissingNames, resolveIngestCall, type StorableCall } from './resolve-ingest-call.ts';

export interface ImportOptions {
  projectId: number;
  format: CallFileFormat;
  /** Store the valid rows of a file with invalid ones (each skipped row is reported). */
  skipInvalid: boolean;
  redact: boolean;
  totalBytes: number | null;
  now: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** How often progress is reported (ms of the `now` clock). */
  progressEveryMs?: number;
  batchSize?: number;
  maxRecordChars?: number;
}

export const REPORTED_LIMIT = 100;

function problemText(error: Record<string, string[]>): string {
  return Object.entries(error)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}

/**
 * Imports a file of call logs into one project in a single import session: every row is validated
 * with the contract and resolved against the project's agents and metrics (those a row names but the
 * project lacks are created and listed, ADR 0019, and removed again when nothing is stored); valid rows are stored in
 * batches, idempotently by call_id. A file with an invalid row stores nothing (its other rows are
 * still checked, so the report lists every problem) unless `skipInvalid`; a file that cannot be read
 * (bad encoding, truncated or malformed JSON, ragged CSV, an over-long record) stores nothing and
 * reports the line. Memory stays bounded: two batches (one read, one written), one record, and the
 * call_ids of the import.
 */
export async function runImport(
  target: IngestTarget,
  bytes: AsyncIterable<Uint8Array>,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = options.now().getTime();
  const counters = {
    rowsRead: 0,
    stored: 0,
    unchanged: 0,
    skipped: 0,
    bytesRead: 0,
    totalBytes: options.totalBytes,
  };
  const problems: RowProblem[] = [];
  const duplicates: RowProblem[] = [];
  let invalidRows = 0;
  let duplicateRows = 0;
  let lastReport = started;
  const progress = () => progressOf(counters, options.now().getTime() - started);
  const report = (force: boolean) => {
    const at = options.now().getTime();
    if (!options.onProgress || (!force && at - lastReport < (options.progressEveryMs ?? 250))) return;
    lastReport = at;
    options.onProgress(progress());
  };
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      counters.bytesRead += chunk.byteLength;
      yield chunk;
    }
  }

  let catalogue = loadIngestCatalogue(target.sqlite, options.projectId);
  const created: CreatedCatalogue = { agents: [], metrics: [] };
  const session = await beginImportSession(target, options.projectId);
  const batchSize = options.batchSize ?? 5000;
  type Row = { call: StorableCall; line: number; where: string };
  let batch: Row[] = [];
  const account = (rows: Row[], result: Awaited<ReturnType<typeof session.store>>) => {
    counters.stored += result.stored;
    counters.unchanged += result.unchanged - result.repeatedIndexes.length;
    for (const index of result.repeatedIndexes) {
      const row = rows[index];
      duplicateRows += 1;
      if (row && duplicates.length < REPORTED_LIMIT)
        duplicates.push({
          line: row.line,
          where: row.where,
          callId: row.call.callId,
          message: 'call_id already earlier in this file (kept once).',
        });
    }
  };
  // One batch is written while the next is read and checked (DuckDB works off the main thread). Its
  // failure is kept, not left as an unhandled rejection, and thrown at the next wait.
  let writing: Promise<{ failure: unknown } | null> | null = null;
  const settle = async () => {
    const outcome = await writing;
    writing = null;
    if (outcome) throw outcome.failure;
  };
  const flush = async () => {
    await settle();
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    writing = session
      .store(
        rows.map((b) => b.call),
        { now: options.now() },
      )
      .then(
        (result) => {
          account(rows, result);
          return null;
        },
        (failure: unknown) => ({ failure }),
      );
  };
  let fatal: string | null = null;
  try {
    for await (const record of readCallRecords(counted(), options.format, options.maxRecordChars)) {
      counters.rowsRead += 1;
      const parsed = CallLogInputSchema.safeParse(record.value);
      let message: string | null = null;
      if (!parsed.success) message = problemText(zodToDrf(parsed.error, record.value));
      else {
        const call = toIngestCall(parsed.data);
        const missing = findMissingNames(call, catalogue);
        if (missing.agents.length > 0 || missing.metrics.length > 0)
          catalogue = createMissingNames(target.sqlite, options.projectId, missing, created, options.now());
        const resolved = resolveIngestCall(options.redact ? redactCall(call) : call, catalogue);
        if (resolved.ok) {
          // Once a row is invalid (and not skipped) nothing will be stored: only validate the rest.
          if (invalidRows === 0 || options.skipInvalid)
            batch.push({ call: resolved.call, line: record.line, where: record.where });
        } else message = resolved.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      }
      if (message !== null) {
        invalidRows += 1;
        if (options.skipInvalid) counters.skipped += 1;
        if (problems.length < REPORTED_LIMIT)
          problems.push({ line: record.line, where: record.where, callId: callIdOf(record.value), message });
        if (!options.skipInvalid) batch = [];
      }
      if (batch.length >= batchSize) await flush();
      report(false);
    }
    if (invalidRows === 0 || options.skipInvalid) await flush();
    await settle();
  } catch (error: unknown) {
    // A batch may still be on its way: the rollback waits for it (the session runs steps in order).
    await session.rollback();
    if (!(error instanceof MalformedFileError)) throw error;
    fatal = error.message;
  }
  const keep = fatal === null && (invalidRows === 0 || options.skipInvalid);
  if (keep) await session.commit();
  else if (fatal === null) await session.rollback();
  if (!keep) {
    removeCreatedNames(target.sqlite, created);
    counters.stored = 0;
    counters.unchanged = 0;
  }
  report(true);
  return {
    ...progress(),
    outcome: keep ? 'committed' : 'rolled-back',
    problems,
    invalidRows,
    duplicates,
    duplicateRows,
    fatal,
    created: { agents: created.agents.map((a) => a.name), metrics: created.metrics.map((m) => m.name) },
  };
}
