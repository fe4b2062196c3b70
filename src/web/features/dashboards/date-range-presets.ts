import type { Filter } from '../../../contract/filter-schema.ts';
import { quickRangeConditions, type QuickRangeId } from '../../lib/quick-ranges.ts';

/** The quick range a new dashboard starts with (the create dialog offers every `QUICK_RANGES` entry). */
export const DEFAULT_DATE_RANGE: QuickRangeId = '7d';

/**
 * The dashboard `filters` for a quick range: `timestamp gte now-N` AND `timestamp lte now`, the
 * shape the OpenAPI document gives as its example (the data endpoints need the lower bound).
 */
export function dateRangeFilter(presetId: QuickRangeId): Filter {
  return { operator: 'and', conditions: quickRangeConditions(presetId) };
}
