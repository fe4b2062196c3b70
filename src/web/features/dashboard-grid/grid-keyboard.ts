import { GRID_COLS, MAX_H, MIN_H, MIN_W, type GridItem } from './grid-layout.ts';
import { placeCard } from './place-card.ts';

/**
 * Moves card `id` by whole cells, as a drag would end (`placeCard`): left/right shift the column
 * (clamped into the grid, pushing overlapped cards down); up/down swap it with the card right above
 * or below it in its columns, or move it one row into empty space (down only while some card lies
 * further below, so the grid does not grow without end). Returns the same reference when the card
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
  if (dy === 0) return placeCard(layout, id, { ...item, x: item.x + Math.sign(dx) }, cols);
  const sameColumns = layout.filter(
    (other) => other.i !== id && other.x < item.x + item.w && item.x < other.x + other.w,
  );
  if (dy < 0) {
    const above = sameColumns.find((other) => other.y + other.h === item.y);
    if (above) return placeCard(layout, id, { ...item, y: above.y }, cols);
    return item.y === 0 ? layout : placeCard(layout, id, { ...item, y: item.y - 1 }, cols);
  }
  const below = sameColumns.find((other) => other.y === item.y + item.h);
  if (below) return placeCard(layout, id, { ...item, y: below.y }, cols);
  const further = sameColumns.some((other) => other.y > item.y + item.h);
  return further ? placeCard(layout, id, { ...item, y: item.y + 1 }, cols) : layout;
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
  return placeCard(layout, id, { ...item, w, h }, cols);
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
