import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database-types.ts';
import { migrate } from './migrations.ts';

export interface OpenDatabase {
  /** The raw connection, for transactions and hot prepared statements. */
  sqlite: BetterSqlite3.Database;
  /** Typed query builder over the same connection. */
  db: Kysely<Database>;
  close(): void;
}

/**
 * Opens (creating when needed) a SQLite database in WAL mode with foreign keys on, and migrates it.
 * `path` may be ':memory:' for tests.
 */
export function openDatabase(path: string): OpenDatabase {
  const sqlite = new BetterSqlite3(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  migrate(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    close: () => {
      sqlite.close();
    },
  };
}
