import { MAX_SERIES } from './chart-model.ts';

export interface GroupedItems<T> {
  /** Groups in order of first appearance, at most MAX_SERIES of them. */
  groups: { key: string; label: string | null; items: T[] }[];
  hiddenCount: number;
}

/** Label for items without a `group` key in data where other items have one. */
export const NO_GROUP_LABEL = '(none)';

/**
 * Pivots wire items on their `group` key (D1) into one bucket per group, keyed `s0`, `s1`, … in order
 * of first appearance. When no item carries `group`, everything is one ungrouped series (label null).
 * Groups beyond MAX_SERIES are dropped and counted, so a field with hundreds of values cannot turn a
 * card into a rainbow of unreadable lines. Total.
 */
export function groupSeries<T extends { group?: string }>(items: readonly T[]): GroupedItems<T> {
  const grouped = items.some((item) => item.group !== undefined);
  if (!grouped) return { groups: [{ key: 's0', label: null, items: [...items] }], hiddenCount: 0 };

  const byLabel = new Map<string, T[]>();
  for (const item of items) {
    const label = item.group ?? NO_GROUP_LABEL;
    const list = byLabel.get(label);
    if (list) list.push(item);
    else byLabel.set(label, [item]);
  }
  const all = [...byLabel.entries()];
  return {
    groups: all
      .slice(0, MAX_SERIES)
      .map(([label, list], index) => ({ key: `s${index}`, label, items: list })),
    hiddenCount: Math.max(0, all.length - MAX_SERIES),
  };
}
