import { PIE_LABEL_GAP_PX } from './pie-label-position.ts';

/** Slices smaller than this share are never labelled (the legend and the tooltip still give them). */
export const MIN_LABELLED_SHARE = 0.04;
/** The least distance between two labels along the circle they sit on, px (a label is ~30 px wide). */
const MIN_LABEL_SPACING_PX = 30;

/**
 * Which slices of a pie get a percentage label: those of at least `MIN_LABELLED_SHARE`, going round
 * from the first slice, skipping a label that would sit closer than `MIN_LABEL_SPACING_PX` to the
 * last one kept (the spacing is measured on the circle of the labels, so a small pie keeps fewer).
 * Adjacent small slices then show one label instead of overlapping ones. Pure and total.
 */
export function labelledSlices(shares: readonly number[], outerRadiusPx: number): ReadonlySet<number> {
  const minAngle = MIN_LABEL_SPACING_PX / Math.max(1, outerRadiusPx + PIE_LABEL_GAP_PX);
  const kept: { index: number; angle: number }[] = [];
  let start = 0;
  shares.forEach((share, index) => {
    const mid = start + share * Math.PI;
    start += share * 2 * Math.PI;
    const last = kept.at(-1);
    if (share >= MIN_LABELLED_SHARE && (last === undefined || mid - last.angle >= minAngle))
      kept.push({ index, angle: mid });
  });
  // The circle closes: the last label must also keep its distance from the first.
  const first = kept[0];
  const last = kept.at(-1);
  if (first && last && last !== first && first.angle + 2 * Math.PI - last.angle < minAngle) kept.pop();
  return new Set(kept.map((entry) => entry.index));
}
