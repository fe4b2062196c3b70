import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { StoredCall, StoredEvaluation } from './analytics-schema.ts';

/**
 * Bulk writers of the analytics tables through DuckDB's appender (far faster than INSERT statements:
 * the seed writes millions of rows). Use inside `AnalyticsDatabase.write`, so the rows land in that
 * write's transaction; `close()` flushes.
 */
export interface RowAppender {
  call(row: StoredCall): void;
  evaluation(row: StoredEvaluation): void;
  close(): void;
}

function integerOrNull(appender: DuckDBAppender, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendInteger(value);
}
function doubleOrNull(appender: DuckDBAppender, value: number | null): void {
  if (value === null || !Number.isFinite(value)) appender.appendNull();
  else appender.appendDouble(value);
}
function tinyOrNull(appender: DuckDBAppender, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendTinyInt(value);
}
function textOrNull(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

export async function openRowAppender(connection: DuckDBConnection): Promise<RowAppender> {
  const calls = await connection.createAppender('calls');
  const evaluations = await connection.createAppender('metric_evaluations');
  return {
    call(row) {
      calls.appendInteger(row.id);
      calls.appendInteger(row.project_id);
      integerOrNull(calls, row.agent_id);
      calls.appendBigInt(BigInt(Math.trunc(row.ts_ms)));
      doubleOrNull(calls, row.duration);
      tinyOrNull(calls, row.success);
      calls.appendTinyInt(row.is_reviewed);
      textOrNull(calls, row.call_ended_reason);
      textOrNull(calls, row.dropoff_point);
      textOrNull(calls, row.topic);
      textOrNull(calls, row.customer_number);
      textOrNull(calls, row.call_id);
      textOrNull(calls, row.metadata);
      calls.appendBigInt(BigInt(Math.trunc(row.created_ms)));
      calls.endRow();
    },
    evaluation(row) {
      evaluations.appendInteger(row.call_id);
      evaluations.appendInteger(row.metric_id);
      doubleOrNull(evaluations, row.value_num);
      textOrNull(evaluations, row.value_text);
      evaluations.appendBigInt(BigInt(Math.trunc(row.ts_ms)));
      evaluations.endRow();
    },
    close() {
      // Calls first: evaluations refer to them (no foreign keys here, but readers expect both).
      calls.flushSync();
      evaluations.flushSync();
      calls.closeSync();
      evaluations.closeSync();
    },
  };
}

/** The next free call id: one past the largest stored (calls are never deleted). */
export async function nextCallId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT coalesce(max(id), 0) FROM calls');
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) + 1;
}
