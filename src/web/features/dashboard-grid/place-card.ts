import { collides, GRID_COLS, type GridItem } from './grid-layout.ts';

/**
 * The layout with card `id` put at `target` (position and size, clamped into the columns), moving as
 * few other cards as possible: only the cards it now overlaps move, and nothing else reflows (no
 * compaction, so the place a card leaves stays empty unless a card swaps into it). A card whose place
 * the moved card takes (same top-left corner) takes the moved card's old place when it fits there (a
 * swap); any other overlapped card drops just below, and a card that one then overlaps drops below it
 * in turn. Cards only ever move down or
 * swap, so the result does not depend on the path of a drag, only on where it ends. Returns the same
 * reference when nothing changes or the id is unknown. Total.
 */
export function placeCard(
  layout: readonly GridItem[],
  id: string,
  target: { x: number; y: number; w: number; h: number },
  cols = GRID_COLS,
): readonly GridItem[] {
  const old = layout.find((item) => item.i === id);
  if (!old) return layout;
  const w = Math.max(1, Math.min(Math.floor(target.w), cols));
  const moved: GridItem = {
    i: id,
    x: Math.max(0, Math.min(Math.floor(target.x), cols - w)),
    y: Math.max(0, Math.floor(target.y)),
    w,
    h: Math.max(1, Math.floor(target.h)),
  };
  if (moved.x === old.x && moved.y === old.y && moved.w === old.w && moved.h === old.h) return layout;
  const swapAllowed = moved.x !== old.x || moved.y !== old.y;
  const current = new Map(layout.map((item) => [item.i, item]));
  current.set(id, moved);
  const blocked = (candidate: GridItem) => [...current.values()].some((other) => collides(other, candidate));

  // Each card that settles pushes the cards it overlaps; pushes only go down, so this ends.
  const queue: GridItem[] = [moved];
  for (let fixed = queue.shift(); fixed; fixed = queue.shift()) {
    const anchor = fixed;
    // Pushed again since it was queued: its newer entry does the pushing.
    if (current.get(anchor.i) !== anchor) continue;
    const hits = [...current.values()]
      .filter((other) => other.i !== id && collides(other, anchor))
      .sort((a, b) => a.y - b.y || a.x - b.x);
    for (const stale of hits) {
      // An earlier push in this round may have moved it clear already.
      const hit = current.get(stale.i) ?? stale;
      if (!collides(hit, anchor)) continue;
      const swapped = { ...hit, x: old.x, y: old.y };
      const next =
        anchor.i === id &&
        swapAllowed &&
        isSamePlace(hit, moved) &&
        swapped.x + swapped.w <= cols &&
        !blocked(swapped)
          ? swapped
          : { ...hit, y: anchor.y + anchor.h };
      current.set(hit.i, next);
      queue.push(next);
    }
  }
  return layout.map((item) => current.get(item.i) ?? item);
}

function isSamePlace(a: GridItem, b: GridItem): boolean {
  return a.x === b.x && a.y === b.y;
}
