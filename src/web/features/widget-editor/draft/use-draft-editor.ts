import { useCallback, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { adaptWidget, type AdaptedSetting } from './adapt-widget.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
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
import type { WidgetDraft } from './widget-form-model.ts';
import type { WidgetFormContext } from './widget-resolver.ts';

/** The note shown after the editor adapted settings on its own, with the draft to go back to. */
export interface AdaptedNote {
  adapted: AdaptedSetting[];
  before: WidgetDraft;
}

export interface DraftEditor {
  /** Applies a user change: adapts dependent settings, writes the form, records one undo step. */
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  /** Replaces the whole draft as one undoable step (restore a stored draft, undo an adaptation). */
  replace: (draft: WidgetDraft) => void;
  /**
   * The form now stands for a new server copy (after a save, "Reload theirs", a restore): its draft
   * becomes the form's default values, its `updated_at` the `seededFrom` version, and the history
   * starts again. Edits made since `attempted` was taken (typing while a save was on its way) are kept
   * on top of it.
   */
  rebase: (seed: WidgetDraft, version: string | null, attempted?: WidgetDraft) => void;
  /**
   * `updated_at` of the server copy the form's default values were made from: the version a save
   * expects to find on the server (D21). Only the version: the copy itself is in the query cache.
   */
  seededFrom: string | null;
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

type WidgetForm = UseFormReturn<WidgetDraft, WidgetFormContext>;

/**
 * Writes `next` into the form, key by key and only the keys that differ from `previous`, so watchers of
 * untouched fields are not woken; then validates the whole draft (a change of one field can make
 * another valid or invalid, so `checkWidget` runs over all of them).
 */
function writeDraft(form: WidgetForm, previous: WidgetDraft, next: WidgetDraft): void {
  for (const key of changedDraftKeys(previous, next)) {
    form.setValue(key, next[key], { shouldDirty: true });
  }
  void form.trigger();
}

/**
 * The editing seam between the one `useForm` (which owns the draft: its values are the draft, its
 * default values the server copy it was seeded from) and the pure modules. Every user change goes
 * through `change`, which reads the form's values, resolves dependent fields in the event handler
 * with `adaptWidget` (never with effects), writes only the keys that differ and records a snapshot of
 * the values for undo/redo. Undo and redo put a snapshot back with `reset(…, { keepDefaultValues })`,
 * so the dirty state stays measured against the seed. History lives in a ref so that key repeats of
 * Ctrl+Z between two renders still step correctly; its flags re-render the buttons. Handlers keep
 * their identity, so memoised parts of the form render only when their own values change.
 */
export function useDraftEditor(
  form: WidgetForm,
  metrics: readonly Metric[] | null,
  initialVersion: string | null,
): DraftEditor {
  const [seededFrom, setSeededFrom] = useState(initialVersion);
  const historyRef = useRef<EditHistory<WidgetDraft> | null>(null);
  const [flags, setFlags] = useState({ canUndo: false, canRedo: false });
  const publish = useCallback((history: EditHistory<WidgetDraft> | null) => {
    historyRef.current = history;
    setFlags({
      canUndo: history !== null && canUndo(history),
      canRedo: history !== null && canRedo(history),
    });
  }, []);
  const [note, setNote] = useState<AdaptedNote | null>(null);

  const commit = useCallback(
    (next: WidgetDraft, group: string | null) => {
      const previous = form.getValues();
      // Created on the first edit from the form's values then, which are still the seeded ones.
      const history = historyRef.current ?? createHistory(previous);
      publish(recordEdit(history, next, { group, at: Date.now(), isEqual: isSameDraft }));
      writeDraft(form, previous, next);
    },
    [form, publish],
  );

  const change = useCallback(
    (patch: Partial<WidgetDraft>, group: string | null = null) => {
      const previous = form.getValues();
      const adapted = adaptWidget(previous, { ...previous, ...patch }, { metrics });
      if (adapted.adapted.length > 0) setNote({ adapted: adapted.adapted, before: previous });
      commit(adapted.draft, group);
    },
    [commit, form, metrics],
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
      form.reset(next.present, { keepDefaultValues: true });
      void form.trigger();
    },
    [form, publish],
  );

  const rebase = useCallback(
    (seed: WidgetDraft, version: string | null, attempted?: WidgetDraft) => {
      const latest = form.getValues();
      form.reset(seed);
      setSeededFrom(version);
      if (attempted) writeDraft(form, attempted, latest);
      else void form.trigger();
      publish(null);
      setNote(null);
    },
    [form, publish],
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
    change,
    replace,
    rebase,
    undo,
    redo,
    seal,
    canUndo: flags.canUndo,
    canRedo: flags.canRedo,
    seededFrom,
    note,
    dismissNote,
    undoNote,
  };
}
