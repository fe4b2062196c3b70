import { useCallback, useMemo, useState } from 'react';
import type { Widget } from '../../../contract/widget-schema.ts';
import {
  diffLayout,
  layoutFromWidgets,
  summariseLayoutChanges,
  type GridItem,
} from '../dashboard-grid/dashboard-grid.tsx';

/**
 * The layout being edited: the saved layout (from each widget's `metadata.layout`, D14) overlaid with
 * the cards moved since the last save. Widgets added or removed meanwhile come and go with the saved
 * layout; `changes` lists only the cards that differ from it, for a save of only those, and `summary`
 * says in words what they are.
 */
export function useLayoutDraft(widgets: readonly Widget[]) {
  const saved = useMemo(() => layoutFromWidgets(widgets), [widgets]);
  const [draft, setDraft] = useState<ReadonlyMap<string, GridItem> | null>(null);
  const layout = useMemo(
    () => (draft ? saved.map((item) => draft.get(item.i) ?? item) : saved),
    [saved, draft],
  );
  const changes = useMemo(() => diffLayout(saved, layout), [saved, layout]);
  // What really moved compared with the saved layout ("2 cards moved"), for the toolbar.
  const summary = useMemo(() => summariseLayoutChanges(saved, layout), [saved, layout]);
  const commit = useCallback((next: GridItem[]) => setDraft(new Map(next.map((item) => [item.i, item]))), []);
  const reset = useCallback(() => setDraft(null), []);
  return { saved, layout, changes, summary, commit, reset };
}
