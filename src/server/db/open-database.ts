import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { defaultAnalyticsPath } from '../analytics/analytics-path.ts';
import { dropEmptyLegacyTables } from '../analytics/legacy-calls.ts';
import {
  openAnalytics,
  type AnalyticsDatabase,
  type AnalyticsOptions,
} from '../analytics/analytics-database.ts';
import { cachedStatements } from './cached-statements.ts';
import type { Database } from './database-types.ts';
import { migrate } from './migrations.ts';

export interface OpenDatabase {
  /** The raw connection, for transactions and hot prepared statements. */
  sqlite: BetterSqlite3.Database;
  /** Typed query builder over the same connection. */
  db: Kysely<Database>;
  /** Calls and metric evaluations, in DuckDB (docs/decisions/0014). */
  analytics: AnalyticsDatabase;
  close(): void;
}

export interface OpenDatabaseOptions extends AnalyticsOptions {
  /** The analytics file; default: beside the SQLite file (`x.db` → `x.duckdb`), in memory for `:memory:`. */
  analyticsPath?: string;
}

/**
 * Opens (creating when needed) a SQLite database in WAL mode with foreign keys on, and migrates it;
 * and opens its analytics store (in the background: `analytics.ready()` says when it is usable).
 * `path` may be ':memory:' for tests.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenDatabase {
  const sqlite = new BetterSqlite3(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  migrate(sqlite);
  dropEmptyLegacyTables(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  const analytics = openAnalytics(options.analyticsPath ?? defaultAnalyticsPath(path), options);
  return {
    sqlite,
    db,
    analytics,
    close: () => {
      analytics.close();
      sqlite.close();
    },
  };
}
