import * as z from 'zod';
import {
  CreateSavedViewRequestSchema,
  SAVED_VIEWS_PER_DASHBOARD,
  SavedViewSchema,
  type SavedView,
  type ViewState,
} from '../../contract/saved-view-schema.ts';

/**
 * Saved views kept in the browser, for an API without our `/studio/` routes (the real Cekura API, or
 * the embedded server forwarding to it). The same rules as the server's: a trimmed name of 1–100
 * characters, once per dashboard, at most SAVED_VIEWS_PER_DASHBOARD views.
 */
export function localViewsKey(baseUrl: string, dashboardId: number): string {
  return `widget-studio.saved-views.${baseUrl || 'local'}.${dashboardId}`;
}

const StoredSchema = z.array(z.unknown());

/** The views stored under a key: anything unreadable (another version, a hand edit) is left out. Total. */
export function parseLocalViews(text: string | null): SavedView[] {
  if (text === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  const list = StoredSchema.safeParse(raw);
  if (!list.success) return [];
  return list.data.flatMap((item) => {
    const view = SavedViewSchema.safeParse(item);
    return view.success ? [view.data] : [];
  });
}

export type AddLocalViewOutcome =
  { ok: true; views: SavedView[]; view: SavedView } | { ok: false; errors: Record<string, string[]> };

/** The list with one more view, sorted by name like the server's, or the DRF-shaped reason why not. Total. */
export function addLocalView(
  views: readonly SavedView[],
  input: { dashboardId: number; name: string; state: ViewState; now: Date },
): AddLocalViewOutcome {
  const parsed = CreateSavedViewRequestSchema.safeParse({ name: input.name, state: input.state });
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'detail');
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
    return { ok: false, errors };
  }
  const { name, state } = parsed.data;
  if (views.some((view) => view.name === name))
    return { ok: false, errors: { name: ['This dashboard already has a view with this name.'] } };
  if (views.length >= SAVED_VIEWS_PER_DASHBOARD)
    return {
      ok: false,
      errors: { detail: [`A dashboard keeps at most ${SAVED_VIEWS_PER_DASHBOARD} views: delete one first.`] },
    };
  const view: SavedView = {
    id: Math.max(0, ...views.map((v) => v.id)) + 1,
    dashboard: input.dashboardId,
    name,
    state,
    created_at: input.now.toISOString(),
  };
  const next = [...views, view].sort(
    (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id,
  );
  return { ok: true, views: next, view };
}

/** The list without the view of this id (the same list when there is none). Total. */
export function removeLocalView(views: readonly SavedView[], id: number): readonly SavedView[] {
  return views.some((view) => view.id === id) ? views.filter((view) => view.id !== id) : views;
}
