import { useEffect, useRef, useState } from 'react';
import { changedWidgetIds } from './changed-widgets.ts';

const EMPTY: ReadonlySet<number> = new Set();

/**
 * The widgets whose data changed on the last refresh of the same view, for a brief highlight
 * (`highlightMs`); a new view (`viewKey`: variables, group-by) changes everything and highlights nothing,
 * nor do the previous view's results shown while it loads (`settled` false).
 */
export function useChangedWidgets<T>(
  results: Readonly<Record<number, T>> | undefined,
  viewKey: string,
  /** False while the results shown are the previous view's (a placeholder while the new view loads). */
  settled = true,
  highlightMs = 2500,
): ReadonlySet<number> {
  const previous = useRef<{ results: typeof results; viewKey: string }>({ results: undefined, viewKey });
  const [changed, setChanged] = useState(EMPTY);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!settled) return;
    const before = previous.current;
    previous.current = { results, viewKey };
    if (before.viewKey !== viewKey) return;
    const ids = changedWidgetIds(before.results, results);
    if (ids.length === 0) return;
    setChanged(new Set(ids));
    // Not the effect's cleanup: a later render without changes must not cancel the end of this one.
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setChanged(EMPTY), highlightMs);
  }, [results, viewKey, settled, highlightMs]);
  return changed;
}
