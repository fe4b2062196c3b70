const RADIAN = Math.PI / 180;
/** Gap between a slice's outer edge and its label, px. */
export const PIE_LABEL_GAP_PX = 4;
/**
 * Room kept beside and above the pie for the labels, px: a label is at most "100.0%" at 11 px beside
 * the pie (about 36 px with the gap) and one line above or below it.
 */
export const PIE_LABEL_ROOM_PX = { x: 38, y: 14 };

/**
 * Where a slice's percentage goes: just outside the slice's middle (Recharts angles: degrees,
 * counter-clockwise from three o'clock), anchored away from the pie so the text grows outwards into
 * the room kept for it (`PIE_LABEL_ROOM_PX`) and never across the pie or past the chart's edge. Pure.
 */
export function pieLabelPosition(
  cx: number,
  cy: number,
  outerRadius: number,
  midAngle: number,
): { x: number; y: number; textAnchor: 'start' | 'middle' | 'end' } {
  const radius = outerRadius + PIE_LABEL_GAP_PX;
  const cos = Math.cos(-midAngle * RADIAN);
  const sin = Math.sin(-midAngle * RADIAN);
  // Near the top and bottom a label is centred: anchoring it to one side would push it over the pie.
  const textAnchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
  return { x: cx + radius * cos, y: cy + radius * sin, textAnchor };
}
