import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The SQLite connection as Kysely sees it, with its prepared statements kept by SQL text. Kysely
 * prepares every query it runs, and a request reads a few (its key, its project, names): preparing
 * them again cost about 0.4 ms of a cheap chart request's 5–7 ms (measured: docs/benchmarks.md). A
 * better-sqlite3 statement is reusable (it binds its parameters on each call, and SQLite prepares it
 * again by itself after a schema change), and `all` and `run` complete before they return, so a kept
 * statement is never in use when it is handed out again. Kysely's streaming (`iterate`) holds its
 * statement until the loop ends, so a stream gets a statement of its own. At most `capacity`
 * statements are kept, the least recently used dropped first.
 */
export function cachedStatements(sqlite: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare: (sql: string): SqliteStatement => {
      // Most recently used last: a Map keeps insertion order.
      const statement = kept.get(sql) ?? forKysely(sqlite.prepare(sql), sqlite, sql);
      kept.delete(sql);
      kept.set(sql, statement);
      if (kept.size > capacity) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
      return statement;
    },
  };
}

/** The kept statement, except that iterating (which holds it until the loop ends) prepares afresh. */
function forKysely(statement: SqliteStatement, sqlite: BetterSqlite3.Database, sql: string): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(parameters),
    run: (parameters) => statement.run(parameters),
    iterate: (parameters) => sqlite.prepare(sql).iterate(parameters),
  };
}
