import type { GridItem } from './grid-layout.ts';

/**
 * What the layout being edited changed compared with the saved one, in words: "1 card moved",
 * "2 cards resized", or "3 cards changed" when some moved and others were resized (a card both moved
 * and resized counts as changed); "" when nothing differs. Cards added meanwhile count as moved.
 * Only cards that really differ are counted. Total.
 */
export function summariseLayoutChanges(saved: readonly GridItem[], current: readonly GridItem[]): string {
  const before = new Map(saved.map((item) => [item.i, item]));
  let moved = 0;
  let resized = 0;
  let changed = 0;
  for (const item of current) {
    const old = before.get(item.i);
    const isMoved = !old || old.x !== item.x || old.y !== item.y;
    const isResized = old !== undefined && (old.w !== item.w || old.h !== item.h);
    if (isMoved && isResized) changed += 1;
    else if (isMoved) moved += 1;
    else if (isResized) resized += 1;
  }
  const total = moved + resized + changed;
  if (total === 0) return '';
  const verb = total === moved ? 'moved' : total === resized ? 'resized' : 'changed';
  return `${total} ${total === 1 ? 'card' : 'cards'} ${verb}`;
}
