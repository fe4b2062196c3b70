import { COLOR_HEX, EXTRA_HEX } from './chart-model.ts';

/** Every hue a category may get, in a fixed order (slate stays the comparison's). */
export const CATEGORY_PALETTE: readonly string[] = [
  ...Object.values(COLOR_HEX).filter((hex) => hex !== COLOR_HEX.slate),
  ...EXTRA_HEX,
];

/** FNV-1a: a fast, well-spread 32-bit hash of the label, the same in every browser. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A colour per category that follows the category, not its position: a label's colour comes from a
 * hash of its text, so "EU" is the same colour after a refresh, a new date range, a filter, and on
 * every widget of the dashboard. When two labels of one chart hash to the same colour, the one first
 * in text order keeps it and the other takes the next free colour: the outcome depends on which labels
 * are present, never on their order. Past the palette, colours repeat. Pure and total.
 */
export function categoryColors(labels: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  const size = CATEGORY_PALETTE.length;
  for (const label of [...new Set(labels)].sort()) {
    let slot = hashLabel(label) % size;
    if (taken.size < size) {
      while (taken.has(slot)) slot = (slot + 1) % size;
      taken.add(slot);
    }
    colors.set(label, CATEGORY_PALETTE[slot] ?? COLOR_HEX.indigo);
  }
  return colors;
}
