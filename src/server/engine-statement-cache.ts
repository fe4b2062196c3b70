import type BetterSqlite3 from 'better-sqlite3';

export type StatementMode = 'raw' | 'pluck' | 'object';

const CACHE_LIMIT = 500;
const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement for `sql` on this connection, prepared once and reused (keyed by mode and SQL
 * text). The engine's SQL text depends only on the filter's shape, never on its values, so the cache
 * stays small; it is still bounded (oldest entry evicted) because `in` lists of many lengths exist.
 * The mode is fixed at preparation because `.raw()`/`.pluck()` change a statement for every caller.
 */
export function cachedStatement(
  sqlite: BetterSqlite3.Database,
  sql: string,
  mode: StatementMode,
): BetterSqlite3.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  const key = `${mode}\u0000${sql}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-insert to keep the map in least-recently-used order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const statement = sqlite.prepare(sql);
  if (mode === 'raw') statement.raw(true);
  if (mode === 'pluck') statement.pluck(true);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, statement);
  return statement;
}
