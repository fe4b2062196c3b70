import { compact, GRID_COLS, MAX_H, MIN_H, MIN_W, type GridItem } from './grid-layout.ts';

/**
 * Moves card `id` by whole cells, as a drag would end: left/right shift the column (clamped into the
 * grid, pushing overlapped cards down); up/down move it past the neighbouring card, because under
 * vertical compaction a card cannot stop in empty space. Returns the same reference when the card
 * cannot move that way or the id is unknown. Total.
 */
export function moveItem(
  layout: readonly GridItem[],
  id: string,
  dx: number,
  dy: number,
  cols = GRID_COLS,
): readonly GridItem[] {
  const item = layout.find((candidate) => candidate.i === id);
  if (!item || (dx === 0 && dy === 0)) return layout;
  const x = clamp(item.x + Math.sign(dx), 0, cols - item.w);
  if (dy === 0) {
    if (x === item.x) return layout;
    return settle(layout, { ...item, x }, true);
  }
  // Try ever further rows until the compacted result actually moves the card.
  const bottom = layout.reduce((max, other) => Math.max(max, other.y + other.h), 0);
  for (let step = 1; step <= bottom + 1; step += 1) {
    const y = item.y + Math.sign(dy) * step;
    if (y < 0) break;
    const next = settle(layout, { ...item, y }, dy < 0);
    const moved = next.find((candidate) => candidate.i === id);
    if (moved && moved.y !== item.y) return next;
  }
  return layout;
}

/** Grows or shrinks card `id` by whole cells (width within the columns, height within MIN_H..MAX_H). */
export function resizeItem(
  layout: readonly GridItem[],
  id: string,
  dw: number,
  dh: number,
  cols = GRID_COLS,
): readonly GridItem[] {
  const item = layout.find((candidate) => candidate.i === id);
  if (!item) return layout;
  const w = clamp(item.w + Math.sign(dw), Math.min(MIN_W, cols - item.x), cols - item.x);
  const h = clamp(item.h + Math.sign(dh), MIN_H, MAX_H);
  if (w === item.w && h === item.h) return layout;
  return settle(layout, { ...item, w, h }, true);
}

function settle(layout: readonly GridItem[], changed: GridItem, priorityFirst: boolean): GridItem[] {
  return compact(
    layout.map((item) => (item.i === changed.i ? changed : item)),
    changed.i,
    priorityFirst,
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The aria-live sentence after a keyboard move or resize ("Moved Calls per day to column 4, row 2"). */
export function describeChange(
  kind: 'move' | 'resize',
  name: string,
  item: GridItem | undefined,
  changed: boolean,
): string {
  if (!item) return '';
  if (!changed)
    return kind === 'move'
      ? `${name} cannot move further that way.`
      : `${name} cannot be resized further that way.`;
  return kind === 'move'
    ? `Moved ${name} to column ${item.x + 1}, row ${item.y + 1}.`
    : `Resized ${name} to ${item.w} columns wide and ${item.h} rows tall.`;
}
