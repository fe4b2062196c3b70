import { useCallback, useEffect, useRef } from 'react';
import { readStorage, removeStorage, writeStorage } from '../../../lib/storage.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { removeDraft, writeDraft, type DraftOrigin, type DraftStore } from './draft-storage.ts';
import type { WidgetDraft } from './widget-form-model.ts';

/** Within a second of a change, as promised; short enough to lose nothing, long enough to batch typing. */
export const DRAFT_SAVE_DELAY_MS = 500;

/** Local storage through the app's safe wrapper (storage may be missing or full). */
export const browserDraftStore: DraftStore = {
  getItem: (key) => readStorage('local', key),
  setItem: (key, value) => {
    if (!writeStorage('local', key, value)) throw new Error('Local storage is not available.');
  },
  removeItem: (key) => removeStorage('local', key),
};

/**
 * Keeps the draft in local storage while it differs from the saved copy, and removes it once they are
 * equal again (saved, or every change undone). Writes at most every `DRAFT_SAVE_DELAY_MS`, and at once
 * when the page is hidden or closed. `discard` removes it for good (after a save). Paused while `enabled` is false: a stored draft that has not yet
 * been restored or discarded must not be overwritten by the fresh server copy.
 */
export function useDraftAutosave(options: {
  storageKey: string;
  draft: WidgetDraft;
  saved: WidgetDraft;
  baseUpdatedAt: string | null;
  /** What the draft is made from, kept with it so it is never restored onto another object. */
  origin: DraftOrigin;
  enabled: boolean;
  store?: DraftStore;
}): { discard: () => void } {
  const { storageKey, draft, saved, baseUpdatedAt, origin, enabled } = options;
  const store = options.store ?? browserDraftStore;
  const latest = useRef({ draft, saved, baseUpdatedAt, origin, store, storageKey });
  useEffect(() => {
    latest.current = { draft, saved, baseUpdatedAt, origin, store, storageKey };
  });

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  const flush = useRef(() => {
    timer.current = null;
    if (stopped.current) return;
    const { draft: d, saved: s, baseUpdatedAt: base, origin: o, store: st, storageKey: key } = latest.current;
    if (changedDraftKeys(s, d).length === 0) removeDraft(st, key);
    else writeDraft(st, key, { version: 1, savedAt: Date.now(), baseUpdatedAt: base, origin: o, draft: d });
  });

  // A throttle, not a debounce: steady typing still reaches storage every DRAFT_SAVE_DELAY_MS.
  useEffect(() => {
    if (!enabled || timer.current !== null) return;
    timer.current = setTimeout(() => flush.current(), DRAFT_SAVE_DELAY_MS);
  }, [enabled, draft, saved]);

  useEffect(() => {
    if (!enabled) return;
    const flushNow = () => {
      if (timer.current !== null) clearTimeout(timer.current);
      flush.current();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHide);
      // Leaving the editor (or pausing) writes what is pending rather than dropping it.
      if (timer.current !== null) flushNow();
    };
  }, [enabled]);

  /** Removes the stored draft and stops writing (after a save, a delete, or "discard"). */
  const discard = useCallback(() => {
    stopped.current = true;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    removeDraft(latest.current.store, latest.current.storageKey);
  }, []);
  return { discard };
}
