import { useCallback, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Metric } from '../../../contract/metric-schema.ts';
import { adaptWidget, type AdaptedSetting } from './adapt-widget.ts';
import { changedDraftKeys } from './diff-widget.ts';
import {
  canRedo,
  canUndo,
  createHistory,
  recordEdit,
  redo as redoHistory,
  sealHistory,
  undo as undoHistory,
  type EditHistory,
} from './edit-history.ts';
import { DRAFT_KEYS, type WidgetDraft } from './widget-form-model.ts';

/** The note shown after the editor adapted settings on its own, with the draft to go back to. */
export interface AdaptedNote {
  adapted: AdaptedSetting[];
  before: WidgetDraft;
}

export interface DraftEditor {
  /** The current draft as an immutable snapshot (the form's values, for rendering). */
  draft: WidgetDraft;
  /** Applies a user change: adapts dependent settings, writes the form, records one undo step. */
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  /** Replaces the whole draft as one undoable step (restore a stored draft, reload). */
  replace: (draft: WidgetDraft) => void;
  undo: () => void;
  redo: () => void;
  /** Ends typing coalescing (call on blur). */
  seal: () => void;
  canUndo: boolean;
  canRedo: boolean;
  note: AdaptedNote | null;
  dismissNote: () => void;
  /** Puts back the draft from before the adaptation the note describes. */
  undoNote: () => void;
}

const isSameDraft = (a: WidgetDraft, b: WidgetDraft) => changedDraftKeys(a, b).length === 0;

/**
 * The editing seam between the one `useForm` and the pure modules. The form holds the values (and
 * validation errors); every user change goes through `change`, which resolves dependent fields in the
 * event handler with `adaptWidget` (never with effects), writes only the keys that differ, and records
 * a snapshot for undo/redo. History lives in a ref so that key repeats of Ctrl+Z between two renders
 * still step correctly; a counter re-renders the buttons.
 */
export function useDraftEditor(
  form: UseFormReturn<WidgetDraft>,
  metrics: readonly Metric[] | null,
): DraftEditor {
  const { getValues, setValue } = form;
  // The latest draft, read by handlers between renders; `draft` state re-renders the editor. Handlers
  // read the ref, not the state, so they keep their identity across edits and memoised parts of the
  // form that receive them render only when their own values change.
  const [draft, setDraft] = useState<WidgetDraft>(() => getValues());
  const draftRef = useRef<WidgetDraft>(draft);
  const current = useCallback(() => draftRef.current, []);
  // Created on the first edit from the form's values then, which are still the seeded ones.
  const historyRef = useRef<EditHistory<WidgetDraft> | null>(null);
  const [flags, setFlags] = useState({ canUndo: false, canRedo: false });
  const publish = useCallback((history: EditHistory<WidgetDraft>) => {
    historyRef.current = history;
    setFlags({ canUndo: canUndo(history), canRedo: canRedo(history) });
  }, []);
  const [note, setNote] = useState<AdaptedNote | null>(null);

  const write = useCallback(
    (next: WidgetDraft) => {
      const previous = current();
      for (const key of DRAFT_KEYS) {
        if (changedDraftKeys(previous, { ...previous, [key]: next[key] }).length > 0) {
          setValue(key, next[key], { shouldDirty: true });
        }
      }
      draftRef.current = next;
      setDraft(next);
    },
    [current, setValue],
  );

  const commit = useCallback(
    (next: WidgetDraft, group: string | null) => {
      const history = historyRef.current ?? createHistory(current());
      publish(recordEdit(history, next, { group, at: Date.now(), isEqual: isSameDraft }));
      write(next);
    },
    [current, publish, write],
  );

  const change = useCallback(
    (patch: Partial<WidgetDraft>, group: string | null = null) => {
      const previous = current();
      const adaptedDraft = adaptWidget(previous, { ...previous, ...patch }, { metrics });
      if (adaptedDraft.adapted.length > 0) setNote({ adapted: adaptedDraft.adapted, before: previous });
      commit(adaptedDraft.draft, group);
    },
    [commit, current, metrics],
  );

  const replace = useCallback(
    (next: WidgetDraft) => {
      setNote(null);
      commit(next, null);
    },
    [commit],
  );

  const step = useCallback(
    (move: (h: EditHistory<WidgetDraft>) => EditHistory<WidgetDraft>) => {
      const history = historyRef.current;
      if (!history) return;
      const next = move(history);
      if (next === history) return;
      publish(next);
      setNote(null);
      write(next.present);
    },
    [publish, write],
  );

  const undo = useCallback(() => step(undoHistory), [step]);
  const redo = useCallback(() => step(redoHistory), [step]);
  const seal = useCallback(() => {
    if (historyRef.current) historyRef.current = sealHistory(historyRef.current);
  }, []);
  const dismissNote = useCallback(() => setNote(null), []);
  const undoNote = useCallback(() => {
    if (note) replace(note.before);
  }, [note, replace]);

  return {
    draft,
    change,
    replace,
    undo,
    redo,
    seal,
    canUndo: flags.canUndo,
    canRedo: flags.canRedo,
    note,
    dismissNote,
    undoNote,
  };
}
