import { MAX_SERIES } from './chart-model.ts';

export interface GroupedItems<T> {
  /** Groups in order of first appearance, at most MAX_SERIES of them. */
  groups: { key: string; label: string | null; items: T[] }[];
  hiddenCount: number;
}

export interface GroupedIndices {
  groups: { key: string; label: string | null; indices: number[] }[];
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
  const { groups, hiddenCount } = groupIndices(items.length, (i) => items[i]?.group);
  return {
    groups: groups.map((g) => ({
      key: g.key,
      label: g.label,
      items: g.indices.flatMap((i) => {
        const item = items[i];
        return item === undefined ? [] : [item];
      }),
    })),
    hiddenCount,
  };
}

/**
 * `groupSeries` over positions 0…count-1 instead of items, for columnar series that have no item
 * objects to put in a bucket (a 50,000-point line). Same order, keys and limit.
 */
export function groupIndices(count: number, groupOf: (index: number) => string | undefined): GroupedIndices {
  let grouped = false;
  for (let i = 0; i < count && !grouped; i += 1) grouped = groupOf(i) !== undefined;
  if (!grouped) {
    return { groups: [{ key: 's0', label: null, indices: rangeOf(count) }], hiddenCount: 0 };
  }
  const byLabel = new Map<string, number[]>();
  for (let i = 0; i < count; i += 1) {
    const label = groupOf(i) ?? NO_GROUP_LABEL;
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  }
  const all = [...byLabel.entries()];
  return {
    groups: all.slice(0, MAX_SERIES).map(([label, indices], index) => ({ key: `s${index}`, label, indices })),
    hiddenCount: Math.max(0, all.length - MAX_SERIES),
  };
}

function rangeOf(count: number): number[] {
  const indices = new Array<number>(count);
  for (let i = 0; i < count; i += 1) indices[i] = i;
  return indices;
}
