import type { Filter } from '../../../contract/filter-schema.ts';
import { QUICK_RANGES, quickRangeConditions, type QuickRangeId } from '../../lib/quick-ranges.ts';

/** Quick ranges offered when creating a dashboard; each is stored as relative times in `filters`. */
export const DATE_RANGE_PRESETS = QUICK_RANGES;
export type DateRangePresetId = QuickRangeId;
export const DEFAULT_DATE_RANGE: DateRangePresetId = '7d';

/**
 * The dashboard `filters` for a quick range: `timestamp gte now-N` AND `timestamp lte now`, the
 * shape the OpenAPI document gives as its example (the data endpoints need the lower bound).
 */
export function dateRangeFilter(presetId: DateRangePresetId): Filter {
  return { operator: 'and', conditions: quickRangeConditions(presetId) };
}
