import type BetterSqlite3 from 'better-sqlite3';
import type { CallLog } from '../contract/call-log-schema.ts';
import { listCallLogs } from './call-log-store.ts';
import type { StorableCall } from './ingest/resolve-ingest-call.ts';

/**
 * Every write of calls and metric evaluations from outside the seed (the POST routes, `npm run
 * import`, `npm run sync`, the Import calls screen) goes through this file, so that moving the two
 * tables to another engine (issue 12) changes this file only. Calls are idempotent by
 * (project, call_id): storing a call whose call_id the project already has changes nothing.
 *
 * Today the tables are SQLite; columns are filled as the seed fills them (`ts_ms` epoch ms beside
 * the ISO `timestamp`, `duration` seconds, `success` 1/0/null, `metadata` JSON text, evaluations
 * with `value_num`/`value_text` and the call's `ts_ms`).
 */
export type IngestTarget = BetterSqlite3.Database;

export interface StoreOptions {
  /** Stamps `created_at` and stands in for a missing timestamp. */
  now: Date;
}

export interface StoreResult {
  stored: number;
  unchanged: number;
  /** The row id of each input call, stored now or before (same order as the input). */
  ids: number[];
  /** Indexes (into the input) of calls whose call_id was already stored. */
  unchangedIndexes: number[];
}

interface Statements {
  find: BetterSqlite3.Statement;
  insertCall: BetterSqlite3.Statement;
  insertEvaluation: BetterSqlite3.Statement;
}

const statements = new WeakMap<IngestTarget, Statements>();

/**
 * The prepared statements of a connection, creating the (project, call_id) index the idempotency
 * look-up needs on first use.
 * TODO(issue 12): this index belongs in a migration (or the new engine's schema); it is created here
 * because migrations.ts is being rewritten.
 */
function statementsFor(target: IngestTarget): Statements {
  let found = statements.get(target);
  if (!found) {
    target.exec('CREATE INDEX IF NOT EXISTS calls_project_call_id ON calls (project_id, call_id)');
    found = {
      find: target.prepare('SELECT id FROM calls WHERE project_id = ? AND call_id = ?').pluck(),
      insertCall: target.prepare(
        `INSERT INTO calls (project_id, agent_id, timestamp, ts_ms, duration, success, is_reviewed,
           call_ended_reason, dropoff_point, topic, customer_number, call_id, metadata, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvaluation: target.prepare(
        'INSERT INTO metric_evaluations (call_id, metric_id, value_num, value_text, ts_ms) VALUES (?, ?, ?, ?, ?)',
      ),
    };
    statements.set(target, found);
  }
  return found;
}

function storeSync(
  target: IngestTarget,
  projectId: number,
  rows: readonly StorableCall[],
  options: StoreOptions,
): StoreResult {
  const { find, insertCall, insertEvaluation } = statementsFor(target);
  const createdAt = options.now.toISOString();
  const result: StoreResult = { stored: 0, unchanged: 0, ids: [], unchangedIndexes: [] };
  rows.forEach((call, index) => {
    const existing: unknown = find.get(projectId, call.callId);
    if (existing !== undefined) {
      result.unchanged += 1;
      result.ids.push(Number(existing));
      result.unchangedIndexes.push(index);
      return;
    }
    const tsMs = call.timestampMs ?? options.now.getTime();
    const id = Number(
      insertCall.run(
        projectId,
        call.agentId,
        new Date(tsMs).toISOString(),
        tsMs,
        call.durationSeconds,
        call.success === null ? null : call.success ? 1 : 0,
        call.isReviewed ? 1 : 0,
        call.callEndedReason,
        call.dropoffPoint,
        call.topic,
        call.customerNumber,
        call.callId,
        call.metadata === null ? null : JSON.stringify(call.metadata),
        createdAt,
      ).lastInsertRowid,
    );
    for (const e of call.evaluations) insertEvaluation.run(id, e.metricId, e.valueNum, e.valueText, tsMs);
    result.stored += 1;
    result.ids.push(id);
  });
  return result;
}

/**
 * Stores calls (with their evaluations) of one project in one transaction: all of them or, on an
 * error, none. Inside an import session the batch joins the session's transaction instead (a
 * savepoint), so the whole file commits or rolls back as one.
 */
export async function storeCallLogs(
  target: IngestTarget,
  projectId: number,
  rows: readonly StorableCall[],
  options: StoreOptions,
): Promise<StoreResult> {
  await Promise.resolve();
  return target.transaction(() => storeSync(target, projectId, rows, options))();
}

/** Which of these call_ids the project already has. */
export async function existingCallIds(
  target: IngestTarget,
  projectId: number,
  callIds: readonly string[],
): Promise<Set<string>> {
  await Promise.resolve();
  const { find } = statementsFor(target);
  return new Set(callIds.filter((callId) => find.get(projectId, callId) !== undefined));
}

/** One stored call as the call-log list shows it (with metadata and metrics), or null. */
export async function readStoredCallLog(
  target: IngestTarget,
  projectId: number,
  id: number,
  now: Date,
): Promise<CallLog | null> {
  await Promise.resolve();
  const { results } = listCallLogs(
    target,
    {
      projectIds: [projectId],
      fromMs: Number.MIN_SAFE_INTEGER,
      toMs: Number.MAX_SAFE_INTEGER,
      agentId: null,
      callIds: [id],
      filter: null,
      now,
    },
    { offset: 0, limit: 1 },
  );
  return results[0] ?? null;
}

/** One import into one project: every batch stored through it commits together, or not at all. */
export interface ImportSession {
  /** `repeatedIndexes`: calls whose call_id an earlier batch of this session stored (duplicates in a file). */
  store(
    rows: readonly StorableCall[],
    options: StoreOptions,
  ): Promise<StoreResult & { repeatedIndexes: number[] }>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** The message when another writer holds the database (a second import, usually). */
export const IMPORT_BUSY_MESSAGE =
  'Another import (or another writer) is writing to this database; try again when it has finished.';

export class ImportBusyError extends Error {
  constructor() {
    super(IMPORT_BUSY_MESSAGE);
  }
}

/**
 * Opens an import session: `BEGIN IMMEDIATE` takes the write lock at once, so a second importer
 * fails clearly (ImportBusyError, after the connection's busy timeout) instead of interleaving, and a
 * crash (even SIGKILL) before `commit` leaves the database as it was. The connection must not be
 * shared with other writers while the session is open (their writes would join it).
 */
export async function beginImportSession(target: IngestTarget, projectId: number): Promise<ImportSession> {
  await Promise.resolve();
  // A big import touches index pages all over (call_ids are random): a 128 MiB page cache instead of
  // the default 2 MiB keeps them in memory (bounded, and only on this connection).
  target.pragma('cache_size = -131072');
  try {
    target.exec('BEGIN IMMEDIATE');
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))
      throw new ImportBusyError();
    throw error;
  }
  // Row ids only grow, so a call with a larger id than any before the session was stored by it.
  const lastIdBefore = Number(target.prepare('SELECT COALESCE(MAX(id), 0) FROM calls').pluck().get());
  let open = true;
  const end = (sql: string) => {
    if (!open) return;
    open = false;
    if (target.inTransaction) target.exec(sql);
  };
  return {
    store: async (rows, options) => {
      await Promise.resolve();
      if (!open) throw new Error('The import session has ended.');
      const result = target.transaction(() => storeSync(target, projectId, rows, options))();
      const repeatedIndexes = result.unchangedIndexes.filter(
        (index) => (result.ids[index] ?? 0) > lastIdBefore,
      );
      return { ...result, repeatedIndexes };
    },
    commit: async () => {
      await Promise.resolve();
      end('COMMIT');
    },
    rollback: async () => {
      await Promise.resolve();
      end('ROLLBACK');
    },
  };
}
