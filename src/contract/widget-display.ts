import * as z from 'zod';
import type { ChartType } from './enums.ts';

/**
 * Display options Widget Studio keeps in `metadata.display` beside `metadata.layout` (D14). They change
 * how a chart is drawn, never which data is fetched, so editing them redraws without a request.
 * Parsing is lenient: an unknown or malformed value falls back to the default instead of failing the
 * widget, because `metadata` is shared with other clients.
 */
export const WIDGET_COLORS = ['indigo', 'sky', 'emerald', 'amber', 'rose', 'violet', 'slate'] as const;
export const WidgetColorSchema = z.enum(WIDGET_COLORS);
export type WidgetColor = z.infer<typeof WidgetColorSchema>;

export const WidgetDisplaySchema = z.object({
  color: WidgetColorSchema.catch('indigo'),
  showLegend: z.boolean().catch(true),
  /** Suffix for values, e.g. "s" or "ms"; empty for none. */
  unit: z.string().max(16).catch(''),
  /** Draw points on line charts (off automatically above ~100 points). */
  showPoints: z.boolean().catch(true),
});
export type WidgetDisplay = z.infer<typeof WidgetDisplaySchema>;

export const DEFAULT_WIDGET_DISPLAY: WidgetDisplay = {
  color: 'indigo',
  showLegend: true,
  unit: '',
  showPoints: true,
};

/** Reads `metadata.display` from any metadata value. Total: bad input gives the defaults. */
export function readWidgetDisplay(metadata: unknown): WidgetDisplay {
  const raw =
    typeof metadata === 'object' && metadata !== null && 'display' in metadata ? metadata.display : undefined;
  const base = typeof raw === 'object' && raw !== null ? raw : {};
  return WidgetDisplaySchema.parse({ ...DEFAULT_WIDGET_DISPLAY, ...base });
}

/** Which display options change the drawing of a chart type. */
export interface DisplayOptionSet {
  color: boolean;
  legend: boolean;
  points: boolean;
  unit: boolean;
}

const DISPLAY_OPTIONS: Record<ChartType, DisplayOptionSet> = {
  line: { color: true, legend: true, points: true, unit: true },
  bar: { color: true, legend: true, points: false, unit: true },
  // Slices take their category's colour and their values are call counts.
  pie: { color: false, legend: true, points: false, unit: false },
  // The summary's figures carry their own units.
  stat: { color: false, legend: false, points: false, unit: false },
};

/**
 * The display options that apply to a chart type: the editor offers only these (stored values of the
 * others are kept, so switching back restores them). Total.
 */
export function displayOptionsFor(chartType: ChartType): DisplayOptionSet {
  return DISPLAY_OPTIONS[chartType];
}
