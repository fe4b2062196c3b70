import type BetterSqlite3 from 'better-sqlite3';
import { ViewStateSchema, type SavedView, type ViewState } from '../../contract/saved-view-schema.ts';

/** Saved views live in the `saved_views` table (SQLite migration 6). */
interface SavedViewRow {
  id: number;
  dashboard_id: number;
  name: string;
  state: string;
  created_at: string;
}

function toSavedView(row: SavedViewRow): SavedView {
  let state: ViewState = { variables: [], group_by: null };
  try {
    // Written by us from a checked state; a row that no longer parses shows as an empty view, not a 500.
    const parsed = ViewStateSchema.safeParse(JSON.parse(row.state));
    if (parsed.success) state = parsed.data;
  } catch {
    // keep the empty state
  }
  return { id: row.id, dashboard: row.dashboard_id, name: row.name, state, created_at: row.created_at };
}

export function listSavedViews(sqlite: BetterSqlite3.Database, dashboardId: number): SavedView[] {
  const rows = sqlite
    .prepare('SELECT * FROM saved_views WHERE dashboard_id = ? ORDER BY name COLLATE NOCASE, id')
    .all(dashboardId) as SavedViewRow[];
  return rows.map(toSavedView);
}

export type CreateSavedViewOutcome =
  { ok: true; view: SavedView } | { ok: false; reason: 'duplicate' | 'full' };

/**
 * Adds a view, in one transaction with the count that limits them: two racing writers of the same
 * name meet the UNIQUE index, and only one is told it succeeded.
 */
export function createSavedView(
  sqlite: BetterSqlite3.Database,
  input: { dashboardId: number; name: string; state: ViewState; now: Date; limit: number },
): CreateSavedViewOutcome {
  return sqlite.transaction((): CreateSavedViewOutcome => {
    const count = sqlite
      .prepare('SELECT COUNT(*) FROM saved_views WHERE dashboard_id = ?')
      .pluck()
      .get(input.dashboardId) as number;
    const taken = sqlite
      .prepare('SELECT 1 FROM saved_views WHERE dashboard_id = ? AND name = ?')
      .pluck()
      .get(input.dashboardId, input.name);
    if (taken !== undefined) return { ok: false, reason: 'duplicate' };
    if (count >= input.limit) return { ok: false, reason: 'full' };
    const row = sqlite
      .prepare(
        'INSERT INTO saved_views (dashboard_id, name, state, created_at) VALUES (?, ?, ?, ?) RETURNING *',
      )
      .get(
        input.dashboardId,
        input.name,
        JSON.stringify(input.state),
        input.now.toISOString(),
      ) as SavedViewRow;
    return { ok: true, view: toSavedView(row) };
  })();
}

/** Whether a view of this dashboard was deleted (false: there was none with this id). */
export function deleteSavedView(
  sqlite: BetterSqlite3.Database,
  dashboardId: number,
  viewId: number,
): boolean {
  return (
    sqlite.prepare('DELETE FROM saved_views WHERE dashboard_id = ? AND id = ?').run(dashboardId, viewId)
      .changes > 0
  );
}
