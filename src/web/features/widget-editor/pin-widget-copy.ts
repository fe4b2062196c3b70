import type { CachedWidget } from '../../api/widget-cache.ts';

/** The server copy the editor's form is seeded from; `confirmed` once it is the widget's own GET. */
export interface PinnedCopy {
  widget: CachedWidget;
  confirmed: boolean;
}

/**
 * Which server copy seeds the editor's form, given the one pinned so far, the widget's own copy in
 * the cache (`detail`) and its copy in the dashboard's answer (`embedded`). The first copy available
 * wins, the dashboard's if the widget's own GET has not answered yet, so the editor opens without
 * waiting for it; the widget's own copy then replaces it once (the form starts again only if someone
 * saved in between, before the user has had time to edit). After that the pin holds: a newer copy in
 * the cache (this editor's own save, someone else's change on a refetch) never replaces the form under
 * the user; the editor re-seeds itself after a save or "Reload theirs", and the save's conflict check
 * catches the rest. Returns `pinned` itself when nothing changes. Total.
 */
export function pinWidgetCopy(
  pinned: PinnedCopy | null,
  detail: CachedWidget | null,
  embedded: CachedWidget | null,
): PinnedCopy | null {
  if (pinned?.confirmed) return pinned;
  if (detail) return { widget: detail, confirmed: true };
  if (pinned) return pinned;
  return embedded ? { widget: embedded, confirmed: false } : null;
}
