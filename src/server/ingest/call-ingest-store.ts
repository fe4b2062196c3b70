import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { CallLog } from '../../contract/call-log-schema.ts';
import { queryRows } from '../analytics/analytics-database.ts';
import { nextCallId, openRowAppender } from '../analytics/row-appender.ts';
import type { EngineStores } from '../engine/chart-data.ts';
import { listCallLogs } from '../engine/call-log-store.ts';
import type { StorableCall } from './resolve-ingest-call.ts';

/**
 * Every write of calls and metric evaluations from outside the seed (the POST routes, `npm run
 * import`, `npm run sync`, the Import calls screen) goes through this file, into the analytics store
 * (docs/decisions/0014). Calls are idempotent by (project, call_id): storing a call whose call_id the
 * project already has changes nothing. Columns are filled as the seed fills them (epoch-ms times,
 * `duration` seconds, `success` 1/0/null, `metadata` JSON text, evaluations with the call's time).
 */
export type IngestTarget = EngineStores;

export interface StoreOptions {
  /** Stamps `created_at` and stands in for a missing timestamp. */
  now: Date;
}

export interface StoreResult {
  stored: number;
  unchanged: number;
  /** The id of each input call, stored now or before (same order as the input). */
  ids: number[];
  /** Indexes (into the input) of calls whose call_id was already stored. */
  unchangedIndexes: number[];
}

/**
 * call_id → id of the project's calls among `callIds` (one scan of the call_id column). `belowId`: only
 * calls with a smaller id, i.e. stored before an import session began; the zone maps of the
 * session's own row groups then skip them (the session remembers its own ids).
 */
async function storedIds(
  connection: DuckDBConnection,
  projectId: number,
  callIds: readonly string[],
  belowId: number | null = null,
): Promise<Map<string, number>> {
  if (callIds.length === 0) return new Map();
  const rows = await queryRows(
    connection,
    // A hash join on the batch's ids: `list_contains` per row made each batch cost rows × batch size.
    `SELECT c.call_id, c.id FROM calls c WHERE c.project_id = ? AND c.call_id IN (SELECT unnest(?))${belowId === null ? '' : ' AND c.id < ?'}`,
    [projectId, listValue([...new Set(callIds)]), ...(belowId === null ? [] : [belowId])],
  );
  return new Map(rows.map((row) => [String(row[0]), Number(row[1])]));
}

/** What an import session remembers between batches: the ids it handed out, by call_id. */
interface SessionIds {
  firstId: number;
  byCallId: Map<string, number>;
}

/**
 * Appends the calls of `rows` that the project does not have yet (a call_id twice in `rows` is stored
 * once), on a connection inside a write transaction. `firstId`: the next free id.
 */
async function storeOn(
  connection: DuckDBConnection,
  projectId: number,
  rows: readonly StorableCall[],
  options: StoreOptions,
  firstId: number,
  session: SessionIds | null = null,
): Promise<StoreResult> {
  const sessionIds = session?.byCallId;
  const known = await storedIds(
    connection,
    projectId,
    rows.map((row) => row.callId).filter((callId) => !sessionIds?.has(callId)),
    session?.firstId ?? null,
  );
  const result: StoreResult = { stored: 0, unchanged: 0, ids: [], unchangedIndexes: [] };
  const appender = await openRowAppender(connection);
  let nextId = firstId;
  const createdMs = options.now.getTime();
  rows.forEach((call, index) => {
    const existing = known.get(call.callId) ?? sessionIds?.get(call.callId);
    if (existing !== undefined) {
      result.unchanged += 1;
      result.ids.push(existing);
      result.unchangedIndexes.push(index);
      return;
    }
    const id = nextId;
    nextId += 1;
    (sessionIds ?? known).set(call.callId, id);
    const tsMs = call.timestampMs ?? createdMs;
    appender.call({
      id,
      project_id: projectId,
      agent_id: call.agentId,
      ts_ms: tsMs,
      duration: call.durationSeconds,
      success: call.success === null ? null : call.success ? 1 : 0,
      is_reviewed: call.isReviewed ? 1 : 0,
      call_ended_reason: call.callEndedReason,
      dropoff_point: call.dropoffPoint,
      topic: call.topic,
      customer_number: call.customerNumber,
      call_id: call.callId,
      metadata: call.metadata === null ? null : JSON.stringify(call.metadata),
      created_ms: createdMs,
    });
    for (const e of call.evaluations) {
      appender.evaluation({
        call_id: id,
        metric_id: e.metricId,
        value_num: e.valueNum,
        value_text: e.valueText,
        ts_ms: tsMs,
      });
    }
    result.stored += 1;
    result.ids.push(id);
  });
  await appender.close();
  return result;
}

/** Stores calls (with their evaluations) of one project in one analytics transaction: all or none. */
export async function storeCallLogs(
  target: IngestTarget,
  projectId: number,
  rows: readonly StorableCall[],
  options: StoreOptions,
): Promise<StoreResult> {
  return target.analytics.write(async (connection) =>
    storeOn(connection, projectId, rows, options, await nextCallId(connection)),
  );
}

/** Which of these call_ids the project already has. */
export async function existingCallIds(
  target: IngestTarget,
  projectId: number,
  callIds: readonly string[],
): Promise<Set<string>> {
  const known = await target.analytics.read(null, (connection) => storedIds(connection, projectId, callIds));
  return new Set(known.keys());
}

/** One stored call as the call-log list shows it (with metadata and metrics), or null. */
export async function readStoredCallLog(
  target: IngestTarget,
  projectId: number,
  id: number,
  now: Date,
): Promise<CallLog | null> {
  const { results } = await listCallLogs(
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
    null,
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

/** The message when another import is running. */
export const IMPORT_BUSY_MESSAGE =
  'Another import is writing to this database; try again when it has finished.';

export class ImportBusyError extends Error {
  constructor() {
    super(IMPORT_BUSY_MESSAGE);
  }
}

/** Stores with an import session open; a second importer fails at once instead of waiting. */
const importing = new WeakSet<object>();

type Step =
  | { kind: 'store'; rows: readonly StorableCall[]; options: StoreOptions; reply: Reply }
  | { kind: 'commit'; reply: Reply }
  | { kind: 'rollback'; reply: Reply };

interface Reply {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

class RolledBack extends Error {}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Opens an import session: the whole import is ONE analytics write transaction (batches are appended
 * inside it as they come), so a crash (even SIGKILL) before `commit` leaves the store as it was, and
 * readers see the calls only once all of them are in. A second import while one is open fails at once
 * (ImportBusyError); other writes (a single POSTed call) wait for the import to end.
 */
export async function beginImportSession(target: IngestTarget, projectId: number): Promise<ImportSession> {
  // The store must be open before the session claims it (a file that cannot open fails here).
  await target.analytics.ready();
  if (importing.has(target.analytics)) throw new ImportBusyError();
  importing.add(target.analytics);
  const steps: Step[] = [];
  let wake: (() => void) | null = null;
  // Set once the transaction has ended (committed, rolled back or failed): later steps answer at once.
  let outcome: { error: Error | null } | null = null;
  const nextStep = async (): Promise<Step> => {
    for (;;) {
      const step = steps.shift();
      if (step) return step;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const send = (make: (reply: Reply) => Step): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const step = make({ resolve, reject });
      if (outcome) {
        if (step.kind === 'store') reject(new Error('The import session has ended.'));
        else if (step.kind === 'commit' && outcome.error) reject(outcome.error);
        else resolve(undefined);
        return;
      }
      steps.push(step);
      wake?.();
    });

  let ending: Reply | null = null;
  const transaction = target.analytics.write(async (connection) => {
    let nextId = await nextCallId(connection);
    // Ids only grow: an id from here on was handed out by this session. Its call_ids are kept in memory
    // (about 100 bytes each) so that a batch looks up only the calls stored before it in DuckDB: a
    // lookup among the session's own rows cost a scan of all of them per batch.
    const sessionFirstId = nextId;
    const session: SessionIds = { firstId: sessionFirstId, byCallId: new Map() };
    for (;;) {
      const step = await nextStep();
      if (step.kind !== 'store') {
        ending = step.reply;
        if (step.kind === 'rollback') throw new RolledBack('The import was rolled back.');
        return;
      }
      try {
        const result = await storeOn(connection, projectId, step.rows, step.options, nextId, session);
        nextId += result.stored;
        // A call_id this session stored already (in this batch or an earlier one) is a duplicate
        // within the file.
        const repeatedIndexes = result.unchangedIndexes.filter(
          (index) => (result.ids[index] ?? -1) >= sessionFirstId,
        );
        step.reply.resolve({ ...result, repeatedIndexes });
      } catch (error: unknown) {
        step.reply.reject(asError(error));
        throw error;
      }
    }
  });
  const finished = transaction.then(
    () => {
      outcome = { error: null };
      ending?.resolve(undefined);
    },
    (error: unknown) => {
      const failure = error instanceof RolledBack ? null : asError(error);
      outcome = { error: failure };
      if (failure && ending && ending !== null) ending.reject(failure);
      else ending?.resolve(undefined);
      // Steps queued after the failure are answered now.
      for (const step of steps.splice(0)) {
        if (step.kind === 'rollback') step.reply.resolve(undefined);
        else step.reply.reject(failure ?? new Error('The import session has ended.'));
      }
    },
  );
  const end = async (kind: 'commit' | 'rollback') => {
    const done = send((reply) => ({ kind, reply }));
    await finished;
    importing.delete(target.analytics);
    await done;
  };
  return {
    store: async (rows, options) => {
      const result = await send((reply) => ({ kind: 'store', rows, options, reply }));
      if (!isStoreResult(result)) throw new Error('The import store answered nothing.');
      return result;
    },
    commit: () => end('commit'),
    rollback: () => end('rollback'),
  };
}

function isStoreResult(value: unknown): value is StoreResult & { repeatedIndexes: number[] } {
  return typeof value === 'object' && value !== null && 'repeatedIndexes' in value && 'ids' in value;
}
