import {
  AGGREGATION_LABELS,
  CHART_TYPE_LABELS,
  DATA_TYPE_LABELS,
  TIME_PERIOD_LABELS,
} from '../../../../contract/enums.ts';
import { fieldLabel } from '../../../../contract/field-catalogue.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { COMPARE_OFFSET_LABELS } from '../../../../contract/widget-insights.ts';
import { formatInterval } from '../form/bucket-intervals.ts';
import type { WidgetDraft, WidgetDraftKey } from './widget-form-model.ts';

/**
 * One draft field as short text for people (conflict dialog, unsaved-changes list): labels instead of
 * wire values, "None" for empties, metric names when known, filters as compact JSON. Total.
 */
export function formatDraftValue(
  key: WidgetDraftKey,
  draft: WidgetDraft,
  metrics: readonly Metric[] = [],
): string {
  switch (key) {
    case 'name':
      return draft.name === '' ? '(no name)' : draft.name;
    case 'chart_type':
      return CHART_TYPE_LABELS[draft.chart_type];
    case 'field':
      return draft.field === '' ? 'None' : fieldLabel(draft.field);
    case 'metric': {
      if (draft.metric === null) return 'None';
      const metric = metrics.find((m) => m.id === draft.metric);
      return metric ? metric.name : `Metric #${draft.metric}`;
    }
    case 'aggregation_function':
      return draft.aggregation_function === '' ? 'None' : AGGREGATION_LABELS[draft.aggregation_function];
    case 'time_period':
      return draft.time_period === '' ? 'None' : TIME_PERIOD_LABELS[draft.time_period];
    case 'group_by':
      if (draft.group_by === null) return 'None';
      return draft.group_by.type === 'field'
        ? `By ${fieldLabel(draft.group_by.field)}`
        : `Every ${formatInterval(draft.group_by.interval)}`;
    case 'data_type':
      return draft.data_type === '' ? 'Inferred' : DATA_TYPE_LABELS[draft.data_type];
    case 'filters':
      return draft.filters === null ? 'None' : JSON.stringify(draft.filters);
    case 'display': {
      const d = draft.display;
      const parts = [d.color, d.showLegend ? 'legend' : 'no legend', d.showPoints ? 'points' : 'no points'];
      if (d.unit !== '') parts.push(`unit "${d.unit}"`);
      return parts.join(', ');
    }
    case 'insights': {
      const { compare, thresholds } = draft.insights;
      const parts = [
        compare === null
          ? 'no comparison'
          : compare.mode === 'cohorts'
            ? `${compare.cohorts.length} cohorts`
            : COMPARE_OFFSET_LABELS[compare.offset].toLowerCase(),
      ];
      parts.push(thresholds.length === 1 ? '1 threshold' : `${thresholds.length} thresholds`);
      return parts.join(', ');
    }
  }
}
