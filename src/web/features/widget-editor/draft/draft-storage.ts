import * as z from 'zod';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { WidgetDraftSchema, type WidgetDraft } from './widget-form-model.ts';

/**
 * Unsaved drafts in local storage, one entry per widget (or per dashboard for a new widget), so a
 * reload, crash or closed tab never loses work. An entry holds the draft, the `updated_at` of the
 * server copy it was based on and the creation times of the objects it was made from, nothing else:
 * never the API key, never server data the user did not type. Entries are parsed with a schema on the way in, so a corrupt or older entry is ignored, not
 * trusted.
 */
export const DRAFT_STORAGE_PREFIX = 'widget-studio:draft:';
const DRAFT_VERSION = 1;

/**
 * The object a draft was made from, beyond the ids in its key: a deleted dashboard's or widget's id may
 * have been given to a new one (older servers reused ids), and a draft must never land on that.
 */
export const DraftOriginSchema = z.object({
  dashboardCreatedAt: z.string().nullable(),
  /** null for a new widget. */
  widgetCreatedAt: z.string().nullable(),
});
export type DraftOrigin = z.infer<typeof DraftOriginSchema>;

export const StoredDraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  savedAt: z.number(),
  /** `updated_at` of the server copy the draft started from; null for a new widget. */
  baseUpdatedAt: z.string().nullable(),
  /** Missing in drafts kept before origins were recorded (see `isDraftOf`). */
  origin: DraftOriginSchema.optional(),
  draft: WidgetDraftSchema,
});
export type StoredDraft = z.infer<typeof StoredDraftSchema>;

/** The origin of a draft of `widget` (null: a new widget) on `dashboard`. */
export function draftOriginOf(
  dashboard: { created_at: string | null },
  widget: { created_at: string | null } | null,
): DraftOrigin {
  return { dashboardCreatedAt: dashboard.created_at, widgetCreatedAt: widget?.created_at ?? null };
}

export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `widget-studio:draft:12:new` or `widget-studio:draft:12:345`. */
export function draftStorageKey(dashboardId: number, widgetId: number | 'new'): string {
  return `${DRAFT_STORAGE_PREFIX}${dashboardId}:${widgetId}`;
}

/** Writes a draft; a full or unavailable storage is not an error worth interrupting the user for. */
export function writeDraft(store: DraftStore, key: string, entry: StoredDraft): boolean {
  try {
    store.setItem(key, JSON.stringify(entry));
    return true;
  } catch (error: unknown) {
    console.warn('Could not keep the widget draft in local storage.', error);
    return false;
  }
}

/** Reads a draft; missing, unparsable or of another version → null. */
export function readDraft(store: DraftStore, key: string): StoredDraft | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = StoredDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function removeDraft(store: DraftStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to recover: a draft that cannot be removed is offered again and can be discarded then.
  }
}

/**
 * Whether a stored draft should be offered back: only when it differs from the server copy the form
 * would otherwise show. A draft equal to the server copy (the user undid everything, or saved in
 * another tab) is not worth a question.
 */
export function shouldOfferDraft(
  stored: StoredDraft | null,
  serverDraft: WidgetDraft,
): stored is StoredDraft {
  return stored !== null && changedDraftKeys(serverDraft, stored.draft).length > 0;
}

/**
 * Whether a stored draft was made from the object now under its key, not from a deleted one whose id
 * was given again. A draft from before origins were recorded cannot postdate its object: the server
 * copy it started from (a widget) or the moment it was kept (a new widget) must be no older than the
 * object now under the key.
 */
export function isDraftOf(stored: StoredDraft, origin: DraftOrigin): boolean {
  if (stored.origin) {
    return (
      stored.origin.dashboardCreatedAt === origin.dashboardCreatedAt &&
      stored.origin.widgetCreatedAt === origin.widgetCreatedAt
    );
  }
  const createdAt = Date.parse(origin.widgetCreatedAt ?? origin.dashboardCreatedAt ?? '');
  const madeAt =
    origin.widgetCreatedAt !== null && stored.baseUpdatedAt !== null
      ? Date.parse(stored.baseUpdatedAt)
      : stored.savedAt;
  // Kept unless it provably predates the object (a missing or odd date proves nothing).
  return !(madeAt < createdAt);
}
