/**
 * How a condition row lays out its parts for the width it has (the thresholds add up the parts'
 * widths below):
 * - `line`: drag handle · field · operator · value · toolbar on one line;
 * - `stacked`: the field and the toolbar on the first line, operator and value on the second, under
 *   the field;
 * - `compact`: as `stacked`, with the toolbar folded into Remove and a "More actions" menu, and the
 *   second line starting at the row's left edge, so that rows nested deep in a narrow column still
 *   keep the value beside its operator.
 * The value never takes a line of its own: it always shares the operator's line.
 */
export type ConditionRowLayout = 'line' | 'stacked' | 'compact';

const GAP = 8;
const HANDLE = 32;
const TOOLBAR = 6 * 32;
const FIELD = 208;
const METADATA_KEY = 176;
const OPERATOR = 160;
/** The narrowest value that still shows a choice, a number with its unit, or the first chip. */
const VALUE = 176;
/** The narrowest useful field picker beside the whole toolbar. */
const FIELD_BESIDE_TOOLBAR = 200;

/** Content width from which a row fits on one line (800 px; 984 px with a metadata key box). */
export const LINE_WIDTH = HANDLE + FIELD + OPERATOR + VALUE + TOOLBAR + 4 * GAP;
/** Content width from which the whole toolbar fits beside the field (440 px). */
export const STACKED_WIDTH = HANDLE + FIELD_BESIDE_TOOLBAR + TOOLBAR + 2 * GAP;

/**
 * The layout of a row whose content box is `width` px wide. `null` (not measured: no layout engine,
 * as in jsdom, or not yet attached) gives `line`, the layout that hides nothing.
 */
export function conditionRowLayout(width: number | null, hasMetadataKey: boolean): ConditionRowLayout {
  if (width === null || width <= 0) return 'line';
  if (width >= LINE_WIDTH + (hasMetadataKey ? METADATA_KEY + GAP : 0)) return 'line';
  return width >= STACKED_WIDTH ? 'stacked' : 'compact';
}

/** Content width from which a group's header keeps its whole toolbar (handle, collapse, "Match", its select, ungroup and the six commands on one line). */
export const GROUP_HEADER_WIDTH = 2 * 32 + 48 + 176 + 32 + TOOLBAR + 5 * GAP;

/**
 * Whether a group's header folds its commands into a "More actions" menu, as a compact condition row
 * does. Not measured (null or 0): no.
 */
export function isCompactGroupHeader(width: number | null): boolean {
  return width !== null && width > 0 && width < GROUP_HEADER_WIDTH;
}
