import {
  BIGINT,
  DOUBLE,
  DuckDBDataChunk,
  INTEGER,
  TINYINT,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { StoredCall, StoredEvaluation } from './analytics-schema.ts';
import { moveStagedCalls } from './metadata-slots.ts';

/**
 * Bulk writers of the analytics tables through DuckDB's appender (far faster than INSERT statements:
 * the seed writes millions of rows). Use inside `AnalyticsDatabase.write`, so the rows land in that
 * write's transaction; `close()` flushes (calls go through `calls_staging`, see metadata-slots.ts, and
 * are in `calls` once it has settled).
 */
export interface RowAppender {
  call(row: StoredCall): void;
  evaluation(row: StoredEvaluation): void;
  close(): Promise<void>;
}

// Rows are gathered column by column and appended a vector at a time: one native call per column
// per 2,048 rows instead of one per value (the seed appends tens of millions of values).
const CHUNK_ROWS = 2048;

const CALL_TYPES: readonly DuckDBType[] = [
  INTEGER, // id
  INTEGER, // project_id
  INTEGER, // agent_id
  BIGINT, // ts_ms
  DOUBLE, // duration
  TINYINT, // success
  TINYINT, // is_reviewed
  VARCHAR, // call_ended_reason
  VARCHAR, // dropoff_point
  VARCHAR, // topic
  VARCHAR, // customer_number
  VARCHAR, // call_id
  VARCHAR, // metadata
  BIGINT, // created_ms
];
const EVALUATION_TYPES: readonly DuckDBType[] = [INTEGER, INTEGER, DOUBLE, VARCHAR, BIGINT];

/** Rows of one table gathered into column arrays, appended as a data chunk when full. */
class ChunkedTable {
  private readonly columns: DuckDBValue[][];
  private rows = 0;

  constructor(
    private readonly appender: DuckDBAppender,
    private readonly types: readonly DuckDBType[],
  ) {
    this.columns = types.map(() => new Array<DuckDBValue>(CHUNK_ROWS).fill(null));
  }

  /** Sets a value of the row being written. */
  set(column: number, value: DuckDBValue): void {
    const target = this.columns[column];
    if (target) target[this.rows] = value;
  }

  /** Ends the row being written; appends the chunk when it is full. */
  endRow(): void {
    this.rows += 1;
    if (this.rows === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    const rows = this.rows;
    const chunk = DuckDBDataChunk.create(this.types, rows);
    this.columns.forEach((column, c) => {
      chunk.setColumnValues(c, rows === CHUNK_ROWS ? column : column.slice(0, rows));
    });
    this.appender.appendDataChunk(chunk);
    this.rows = 0;
  }

  close(): void {
    this.flush();
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

const finiteOrNull = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : value;

// Connections whose current write appended calls: that write fills the promoted metadata columns.
const appendedCalls = new WeakSet<DuckDBConnection>();

/** Whether calls were appended on `connection` since the last call (which forgets it). */
export function takeAppendedCalls(connection: DuckDBConnection): boolean {
  return appendedCalls.delete(connection);
}

export async function openRowAppender(connection: DuckDBConnection): Promise<RowAppender> {
  const calls = new ChunkedTable(await connection.createAppender('calls_staging'), CALL_TYPES);
  const evaluations = new ChunkedTable(
    await connection.createAppender('metric_evaluations'),
    EVALUATION_TYPES,
  );
  let callsAppended = false;
  return {
    call(row) {
      callsAppended = true;
      calls.set(0, row.id);
      calls.set(1, row.project_id);
      calls.set(2, row.agent_id);
      calls.set(3, BigInt(Math.trunc(row.ts_ms)));
      calls.set(4, finiteOrNull(row.duration));
      calls.set(5, row.success);
      calls.set(6, row.is_reviewed);
      calls.set(7, row.call_ended_reason);
      calls.set(8, row.dropoff_point);
      calls.set(9, row.topic);
      calls.set(10, row.customer_number);
      calls.set(11, row.call_id);
      calls.set(12, row.metadata);
      calls.set(13, BigInt(Math.trunc(row.created_ms)));
      calls.endRow();
    },
    evaluation(row) {
      evaluations.set(0, row.call_id);
      evaluations.set(1, row.metric_id);
      evaluations.set(2, finiteOrNull(row.value_num));
      evaluations.set(3, row.value_text);
      evaluations.set(4, BigInt(Math.trunc(row.ts_ms)));
      evaluations.endRow();
    },
    async close() {
      // Calls first: evaluations refer to them (no foreign keys here, but readers expect both).
      calls.close();
      evaluations.close();
      if (callsAppended) {
        await moveStagedCalls(connection);
        appendedCalls.add(connection);
      }
    },
  };
}

/**
 * Inside a write: inserts the calls a SELECT returns (the columns of `calls_staging`, in its order) the
 * way appended calls go in, through a staging table with the promoted metadata columns computed on the
 * way. For calls generated in bulk by SQL (the seed), which never pass through JavaScript.
 */
export async function insertCallsFrom(
  connection: DuckDBConnection,
  select: string,
  params: readonly DuckDBValue[],
): Promise<void> {
  // In memory, not in the file's staging table: the rows are written to the file once, into `calls`.
  await connection.run(`CREATE OR REPLACE TEMP TABLE bulk_calls AS ${select}`, [...params]);
  await moveStagedCalls(connection, 'temp.bulk_calls');
  await connection.run('DROP TABLE temp.bulk_calls');
  appendedCalls.add(connection);
}

/** The next free call id: one past the largest stored (calls are never deleted). */
export async function nextCallId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT coalesce(max(id), 0) FROM calls');
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) + 1;
}
