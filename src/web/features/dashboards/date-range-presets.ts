import type { Filter } from '../../../contract/filter-schema.ts';

/** Quick ranges offered when creating a dashboard; each is stored as relative times in `filters`. */
export const DATE_RANGE_PRESETS = [
  { id: '1h', label: 'Last 1 hour', from: 'now-1h' },
  { id: '24h', label: 'Last 24 hours', from: 'now-24h' },
  { id: '7d', label: 'Last 7 days', from: 'now-7d' },
  { id: '30d', label: 'Last 30 days', from: 'now-30d' },
] as const;
export type DateRangePresetId = (typeof DATE_RANGE_PRESETS)[number]['id'];
export const DEFAULT_DATE_RANGE: DateRangePresetId = '7d';

/**
 * The dashboard `filters` for a quick range: `timestamp gte now-N` AND `timestamp lte now`, the
 * shape the OpenAPI document gives as its example (the data endpoints need the lower bound).
 */
export function dateRangeFilter(presetId: DateRangePresetId): Filter {
  const preset = DATE_RANGE_PRESETS.find((p) => p.id === presetId) ?? DATE_RANGE_PRESETS[2];
  return {
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: preset.from },
      { field: 'timestamp', op: 'lte', value: 'now' },
    ],
  };
}
