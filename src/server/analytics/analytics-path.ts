/** The default analytics file of a SQLite path: the same name with `.duckdb` (in memory for `:memory:`). */
export function defaultAnalyticsPath(sqlitePath: string): string {
  if (sqlitePath === ':memory:') return ':memory:';
  return /\.(db|sqlite3?)$/i.test(sqlitePath)
    ? sqlitePath.replace(/\.(db|sqlite3?)$/i, '.duckdb')
    : `${sqlitePath}.duckdb`;
}
