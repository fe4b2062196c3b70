/**
 * An undo/redo history of whole snapshots (the draft is small, so snapshots are simpler and safer than
 * inverse operations). Consecutive edits with the same `group` key (typing in one field) are coalesced
 * into one step until the group changes, `sealHistory` is called (the field lost focus) or `coalesceMs`
 * passes between edits. All functions are pure; a no-op returns the same reference.
 */
export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Group of the last edit while it may still absorb the next one; null when sealed. */
  readonly openGroup: string | null;
  readonly lastEditAt: number;
}

export const HISTORY_LIMIT = 100;
export const DEFAULT_COALESCE_MS = 1500;

export function createHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [], openGroup: null, lastEditAt: 0 };
}

export interface EditOptions<T> {
  /** Edits of the same group coalesce (e.g. the field name being typed in); null never coalesces. */
  group: string | null;
  /** Time of the edit in ms (injected so the function stays pure). */
  at: number;
  isEqual: (a: T, b: T) => boolean;
  coalesceMs?: number;
}

/**
 * Records `next` as the new present. Equal to the present: no-op. Same open group within the window:
 * replaces the present without a new undo step. Otherwise pushes the present onto `past` (dropping the
 * oldest past `HISTORY_LIMIT`). Any edit clears the redo stack.
 */
export function recordEdit<T>(history: EditHistory<T>, next: T, options: EditOptions<T>): EditHistory<T> {
  if (options.isEqual(history.present, next)) return history;
  const window = options.coalesceMs ?? DEFAULT_COALESCE_MS;
  const coalesce =
    options.group !== null &&
    history.openGroup === options.group &&
    history.past.length > 0 &&
    options.at - history.lastEditAt <= window;
  if (coalesce) {
    return { ...history, present: next, future: [], lastEditAt: options.at };
  }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], openGroup: options.group, lastEditAt: options.at };
}

/** Ends coalescing: the next edit starts a new step even in the same field. */
export function sealHistory<T>(history: EditHistory<T>): EditHistory<T> {
  return history.openGroup === null ? history : { ...history, openGroup: null };
}

export function canUndo<T>(history: EditHistory<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: EditHistory<T>): boolean {
  return history.future.length > 0;
}

/** Steps back one edit; nothing to undo: same reference. */
export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0 || previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    openGroup: null,
    lastEditAt: history.lastEditAt,
  };
}

/** Steps forward one undone edit; nothing to redo: same reference. */
export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  const [next, ...rest] = history.future;
  if (history.future.length === 0 || next === undefined) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: rest,
    openGroup: null,
    lastEditAt: history.lastEditAt,
  };
}
