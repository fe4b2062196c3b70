import { WidgetLayoutSchema, type WidgetLayout } from '../../../contract/widget-schema.ts';

/** One card on the grid, in react-grid-layout's shape (`i` is the widget id as a string). */
export interface GridItem {
  i: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export const GRID_COLS = 12;
export const MIN_W = 2;
export const MIN_H = 2;
export const MAX_H = 24;
const DEFAULT_SIZE = { w: 6, h: 4 };
const STAT_SIZE = { w: 4, h: 3 };

/** The default size of a new card: stat cards are small, charts take half a row. */
export function defaultSize(chartType: string | undefined): { w: number; h: number } {
  return chartType === 'stat' ? STAT_SIZE : DEFAULT_SIZE;
}

/**
 * The grid layout of a dashboard's widgets: `metadata.layout` where it is valid (D14, clamped into the
 * columns), every other widget in the first free slot in widget order; overlapping saved layouts (from
 * another client) are pulled apart by dropping the later card. Cards are not floated up: the grid does
 * not compact (ADR 0021), so a card stays where it was saved, and the layout the user sees is the
 * saved baseline. Total.
 */
export function layoutFromWidgets(
  widgets: readonly { id: number; chart_type?: string; metadata: unknown }[],
  cols = GRID_COLS,
): GridItem[] {
  const placed: GridItem[] = [];
  const unplaced: (typeof widgets)[number][] = [];
  for (const widget of widgets) {
    const layout = readLayout(widget.metadata);
    if (!layout) {
      unplaced.push(widget);
      continue;
    }
    const w = Math.min(layout.w, cols);
    placed.push({ i: String(widget.id), x: Math.min(layout.x, cols - w), y: layout.y, w, h: layout.h });
  }
  for (const widget of unplaced) {
    const size = defaultSize(widget.chart_type);
    const w = Math.min(size.w, cols);
    placed.push({ i: String(widget.id), ...findFreeSlot(placed, w, size.h, cols), w, h: size.h });
  }
  const byId = new Map(resolveOverlaps(placed).map((item) => [item.i, item]));
  return widgets.flatMap((widget) => byId.get(String(widget.id)) ?? []);
}

/** `metadata.layout` if it is a valid D14 layout, else null. */
export function readLayout(metadata: unknown): WidgetLayout | null {
  if (typeof metadata !== 'object' || metadata === null || !('layout' in metadata)) return null;
  const parsed = WidgetLayoutSchema.safeParse(metadata.layout);
  return parsed.success ? parsed.data : null;
}

/**
 * The first position, reading rows top to bottom and columns left to right, where a `w`×`h` card
 * overlaps no card of `layout`. Always finds one (below everything at worst). Total.
 */
export function findFreeSlot(
  layout: readonly GridItem[],
  w: number,
  h: number,
  cols = GRID_COLS,
): { x: number; y: number } {
  const width = Math.max(1, Math.min(Math.floor(w), cols));
  const height = Math.max(1, Math.floor(h));
  const bottom = layout.reduce((max, item) => Math.max(max, item.y + item.h), 0);
  for (let y = 0; y <= bottom; y += 1) {
    for (let x = 0; x + width <= cols; x += 1) {
      const candidate = { i: '', x, y, w: width, h: height };
      if (!layout.some((item) => collides(item, candidate))) return { x, y };
    }
  }
  return { x: 0, y: bottom };
}

/** The cards whose position or size differ from the saved layout (or that are new), in `current` order. */
export function diffLayout(
  saved: readonly GridItem[],
  current: readonly GridItem[],
): { i: string; layout: WidgetLayout }[] {
  const before = new Map(saved.map((item) => [item.i, item]));
  return current.flatMap((item) => {
    const old = before.get(item.i);
    if (old && old.x === item.x && old.y === item.y && old.w === item.w && old.h === item.h) return [];
    return [{ i: item.i, layout: { x: item.x, y: item.y, w: item.w, h: item.h } }];
  });
}

/**
 * `metadata` with `layout` set and every other key kept as it was (D14: the rest belongs to someone
 * else). Metadata that is not an object (null, or a stray value) becomes `{layout}`.
 */
export function withLayout(metadata: unknown, layout: WidgetLayout): Record<string, unknown> {
  const base: Record<string, unknown> =
    typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? { ...metadata } : {};
  return { ...base, layout: { x: layout.x, y: layout.y, w: layout.w, h: layout.h } };
}

export function collides(a: GridItem, b: GridItem): boolean {
  return a.i !== b.i && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Overlaps removed, nothing else moved: cards in row order (left to right within a row) keep their
 * place unless they overlap a card already placed, and then drop just below it. Returns cards in
 * input order. Total.
 */
export function resolveOverlaps(layout: readonly GridItem[]): GridItem[] {
  const order = [...layout].sort((a, b) => a.y - b.y || a.x - b.x);
  const placed: GridItem[] = [];
  for (const item of order) {
    let next = { ...item, y: Math.max(0, item.y) };
    for (let hit = placed.find((p) => collides(p, next)); hit; hit = placed.find((p) => collides(p, next)))
      next = { ...next, y: hit.y + hit.h };
    placed.push(next);
  }
  const byId = new Map(placed.map((item) => [item.i, item]));
  return layout.map((item) => byId.get(item.i) ?? item);
}
