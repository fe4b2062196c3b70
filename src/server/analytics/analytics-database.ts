import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { QueryTimeoutError } from './query-time-limit.ts';
import { ANALYTICS_MIGRATIONS, ANALYTICS_SCHEMA_VERSION } from './analytics-schema.ts';
import { loadMetadataColumns, promoteStoredKeys, type MetadataColumns } from './metadata-slots.ts';
import { takeAppendedCalls } from './row-appender.ts';

/**
 * The analytics store (docs/decisions/0014): one DuckDB database (a file, or `:memory:`) holding calls
 * and metric evaluations. DuckDB runs every query on its own threads, so the event loop stays free while
 * a chart is computed; there is no worker pool.
 *
 * - **Reads** take a connection of their own from a small set (one query at a time per connection, so
 *   a running query can be interrupted without touching the others) and wait, in arrival order, when
 *   all are busy. They see what was committed when they start (MVCC); a write that is awaited before
 *   reading is seen. A *barrier* write (the seed a new server queues before anyone could await it)
 *   holds every read back until it has landed.
 * - **Writes** run one at a time on a dedicated connection, each in one transaction: all of it or none
 *   of it lands, and a crash in the middle leaves the previous state (an import of a whole file is one
 *   such write). `generation()` changes when a write commits, which is what shared chart results are
 *   keyed on; `settled()` waits for the barrier writes, so a generation read after it is the data's.
 * - **Time limits and cancellation:** every read has a deadline and an optional AbortSignal (the HTTP
 *   request's); either interrupts the running query (`DuckDBConnection.interrupt`), and the read fails
 *   with QueryTimeoutError or the signal's reason.
 */
export interface AnalyticsOptions {
  /** DuckDB's worker threads (ANALYTICS_THREADS); default: DuckDB's own (the core count). */
  threads?: number;
  /** DuckDB's memory limit (ANALYTICS_MEMORY_LIMIT), e.g. "1GB"; default: DuckDB's (80 % of RAM). */
  memoryLimit?: string;
  /** Concurrent reads (each on its own connection). */
  connections?: number;
}

/** The limits of one computation: one deadline shared by all its queries, and the client's signal. */
export interface QueryLimits {
  /** `performance.now()` value after which the computation is stopped. */
  deadline: number;
  /** The configured limit, for the message. */
  limitMs: number;
  signal?: AbortSignal;
}

export type SqlParam = DuckDBValue;

export interface AnalyticsDatabase {
  readonly path: string;
  /** Resolves once the file is open and migrated; rejects with a one-line reason otherwise. */
  ready(): Promise<void>;
  /** Runs `run` on a reader connection within `limits`. */
  read<T>(limits: QueryLimits | null, run: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `run` in one transaction on the writer connection, after the writes queued before it. A
   * `barrier` write holds back every read issued after it until it has landed.
   */
  write<T>(run: (connection: DuckDBConnection) => Promise<T>, options?: { barrier?: boolean }): Promise<T>;
  /** Changes when a write commits. */
  generation(): number;
  /** The promoted metadata keys and their columns, as of the last committed write (empty until open). */
  metadataColumns(): MetadataColumns;
  /** Settles when the barrier writes queued so far have landed (or failed). */
  settled(): Promise<void>;
  /** Stops new work; releases the file at once when idle, else after the writes already queued. */
  close(): void;
  /** Settles once close() has released the file (another process may open it then). */
  released(): Promise<void>;
}

/** A limit of `limitMs` from now. */
export function limitsFromNow(limitMs: number, signal?: AbortSignal): QueryLimits {
  return { deadline: performance.now() + limitMs, limitMs, signal };
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The request was aborted.', 'AbortError');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Brings the file to the current schema; returns the version it had. */
async function migrate(connection: DuckDBConnection, path: string): Promise<number> {
  await connection.run('CREATE TABLE IF NOT EXISTS analytics_schema (version INTEGER NOT NULL)');
  const rows = (await connection.runAndReadAll('SELECT max(version) FROM analytics_schema')).getRowsJS();
  const current = Number(rows[0]?.[0] ?? 0);
  if (current > ANALYTICS_SCHEMA_VERSION) {
    throw new Error(
      `the analytics file ${path} was written by a newer Widget Studio (schema ${current}, this one knows ${ANALYTICS_SCHEMA_VERSION})`,
    );
  }
  for (const migration of ANALYTICS_MIGRATIONS) {
    if (migration.version <= current) continue;
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO analytics_schema VALUES (?)', [migration.version]);
      await connection.run('COMMIT');
    } catch (error: unknown) {
      await connection.run('ROLLBACK');
      throw error;
    }
  }
  return current;
}

/** In one transaction, `work` on the connection: all of it lands or none of it. */
async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const value = await work();
    await connection.run('COMMIT');
    return value;
  } catch (error: unknown) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface Opened {
  instance: DuckDBInstance;
  writer: DuckDBConnection;
  idle: DuckDBConnection[];
  all: DuckDBConnection[];
}

/**
 * Opens (creating when needed) the analytics database. Returns at once; the file is opened in the
 * background and every read and write waits for it. A file that cannot be opened (corrupt, not a
 * DuckDB file, locked by another process, of a newer schema) makes `ready()` and every use reject with
 * a message naming the path.
 */
export function openAnalytics(path: string, options: AnalyticsOptions = {}): AnalyticsDatabase {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  const maxReaders = Math.max(1, options.connections ?? 4);
  let closed = false;
  let generation = 0;
  let metadataColumns: MetadataColumns = new Map();
  // Work in progress, so that close() releases the file at once when idle (a test, or a CLI, may
  // open it from another process next) and after the last write otherwise.
  let state: Opened | null = null;
  let busy = 0;
  let released = false;
  let markReleased: () => void = () => undefined;
  const whenReleased = new Promise<void>((resolve) => {
    markReleased = resolve;
  });
  const running = new Set<DuckDBConnection>();
  const releaseFile = () => {
    if (released || !state || busy > 0) return;
    released = true;
    for (const connection of state.all) connection.closeSync();
    state.writer.closeSync();
    state.instance.closeSync();
    markReleased();
  };
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    busy += 1;
    try {
      return await work();
    } finally {
      busy -= 1;
      if (closed) releaseFile();
    }
  };
  const waiting: { resolve: (c: DuckDBConnection) => void; reject: (e: Error) => void }[] = [];

  const opened: Promise<Opened> = (async () => {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (error: unknown) {
      throw new Error(`the analytics file ${path} cannot be opened (${message(error)})`, { cause: error });
    }
    const writer = await instance.connect();
    try {
      const before = await migrate(writer, path);
      // A file from before promoted metadata columns: promote the keys its calls already use.
      if (before >= 1 && before < 2) await inTransaction(writer, () => promoteStoredKeys(writer));
      metadataColumns = await loadMetadataColumns(writer);
    } catch (error: unknown) {
      writer.closeSync();
      instance.closeSync();
      throw error instanceof Error && error.message.includes(path)
        ? error
        : new Error(`the analytics file ${path} cannot be migrated (${message(error)})`);
    }
    state = { instance, writer, idle: [], all: [] };
    if (closed) releaseFile();
    return state;
  })();
  // A failure is reported through ready() and each use; never as an unhandled rejection. A file that
  // never opened has nothing to release.
  opened.catch(() => markReleased());
  let writeTail: Promise<unknown> = opened;
  let barrierTail: Promise<unknown> = opened;

  const acquire = async (state: Opened, signal?: AbortSignal): Promise<DuckDBConnection> => {
    const idle = state.idle.pop();
    if (idle) return idle;
    if (state.all.length < maxReaders) {
      const connection = await state.instance.connect();
      state.all.push(connection);
      return connection;
    }
    return new Promise<DuckDBConnection>((resolve, reject) => {
      const waiter = { resolve, reject };
      waiting.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const index = waiting.indexOf(waiter);
          if (index >= 0) {
            waiting.splice(index, 1);
            reject(abortReason(signal));
          }
        },
        { once: true },
      );
    });
  };

  const release = (state: Opened, connection: DuckDBConnection) => {
    const next = waiting.shift();
    if (next) next.resolve(connection);
    else state.idle.push(connection);
  };

  return {
    path,
    async ready() {
      await opened;
    },
    generation: () => generation,
    metadataColumns: () => metadataColumns,
    released: () => whenReleased,
    read(limits, run) {
      return track(() => readNow(limits, run));
    },
    settled: async () => {
      await barrierTail.catch(() => undefined);
    },
    write(run, options) {
      const result = writeTail.catch(() => undefined).then(() => track(() => writeNow(run)));
      writeTail = result.catch(() => undefined);
      if (options?.barrier) barrierTail = writeTail;
      return result;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.reject(new Error('The analytics database is closed.'));
      // Reads still running are interrupted; writes already queued finish (they are someone's data).
      for (const connection of running) connection.interrupt();
      releaseFile();
    },
  };

  async function readNow<T>(
    limits: QueryLimits | null,
    run: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    const state = await opened;
    // A barrier write queued before this read lands first; a failed one does not hold reads back.
    await barrierTail.catch(() => undefined);
    if (closed) throw new Error('The analytics database is closed.');
    if (limits?.signal?.aborted) throw abortReason(limits.signal);
    const connection = await acquire(state, limits?.signal);
    // Why the query was interrupted (time limit, client gone), once it was.
    const interruption: { reason: Error | null } = { reason: null };
    const stop = (error: Error) => {
      if (interruption.reason) return;
      interruption.reason = error;
      connection.interrupt();
    };
    const remaining = limits ? limits.deadline - performance.now() : Infinity;
    const timer =
      limits && Number.isFinite(remaining)
        ? setTimeout(() => stop(new QueryTimeoutError(limits.limitMs)), Math.max(0, remaining))
        : null;
    const onAbort = () => {
      if (limits?.signal) stop(abortReason(limits.signal));
    };
    limits?.signal?.addEventListener('abort', onAbort, { once: true });
    running.add(connection);
    try {
      if (limits && remaining <= 0) throw new QueryTimeoutError(limits.limitMs);
      const result = await run(connection);
      if (interruption.reason) throw interruption.reason;
      return result;
    } catch (error: unknown) {
      if (interruption.reason) throw interruption.reason;
      throw error instanceof Error ? error : new Error(String(error));
    } finally {
      running.delete(connection);
      if (timer) clearTimeout(timer);
      limits?.signal?.removeEventListener('abort', onAbort);
      release(state, connection);
    }
  }

  async function writeNow<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const { writer } = await opened;
    let columns = metadataColumns;
    const value = await inTransaction(writer, async () => {
      takeAppendedCalls(writer);
      const result = await run(writer);
      if (takeAppendedCalls(writer)) columns = await loadMetadataColumns(writer);
      return result;
    });
    // Readers compile against the promoted columns only once their values are committed.
    metadataColumns = columns;
    generation += 1;
    return value;
  }
}

/** A value read from DuckDB as a plain JavaScript value: BIGINT/HUGEINT counts and sums as numbers. */
export function plainValue(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Runs a query and returns its rows as arrays of plain values. */
export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
  params: readonly SqlParam[] = [],
): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(sql, [...params]);
  return reader.getRowsJS().map((row) => row.map(plainValue));
}

/** A parameter as DuckDB binds it: numbers, strings, booleans and null; anything else as JSON text. */
export function sqlParam(value: unknown): SqlParam {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  return JSON.stringify(value);
}
