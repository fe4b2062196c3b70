import type BetterSqlite3 from 'better-sqlite3';

export interface BatchInserter {
  /** Queues one row (values in column order); flushes a full batch. */
  add(...values: (string | number | null)[]): void;
  /** Writes the queued rows. */
  flush(): void;
}

/**
 * Inserts rows many at a time with one multi-row prepared statement: far fewer calls into SQLite than
 * one statement per row, which is what makes seeding a million calls fast. Call inside a transaction.
 */
export function createBatchInserter(
  sqlite: BetterSqlite3.Database,
  table: string,
  columns: readonly string[],
  rowsPerBatch = 200,
  /** Runs before each write, e.g. to flush the parent rows this table references. */
  beforeFlush?: () => void,
): BatchInserter {
  const rowPlaceholders = `(${columns.map(() => '?').join(', ')})`;
  const sqlFor = (rows: number) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => rowPlaceholders).join(', ')}`;
  const full = sqlite.prepare(sqlFor(rowsPerBatch));
  let pending: (string | number | null)[] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    beforeFlush?.();
    const statement = rows === rowsPerBatch ? full : sqlite.prepare(sqlFor(rows));
    statement.run(pending);
    pending = [];
    rows = 0;
  };
  return {
    add: (...values) => {
      if (values.length !== columns.length) throw new Error(`expected ${columns.length} values for ${table}`);
      for (const value of values) pending.push(value);
      rows += 1;
      if (rows === rowsPerBatch) flush();
    },
    flush,
  };
}
