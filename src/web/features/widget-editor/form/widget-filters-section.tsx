import type { Filter } from '../../../../contract/filter-schema.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { useValueSuggestions } from '../../../api/use-value-suggestions.ts';
import { EffectiveFilterView, FilterBuilder } from '../../filter-builder/filter-builder.tsx';

export interface WidgetFiltersSectionProps {
  /** The dashboard's project: the calls whose values are suggested. */
  projectId: number | null;
  dashboardFilters: Filter | null;
  filters: Filter | null;
  onFilters: (filters: Filter | null) => void;
  metrics: readonly Metric[] | null | undefined;
  metadataKeys: readonly string[];
  errors: readonly string[];
  now: Date;
}

/** The widget's own filters in the builder, under the dashboard's filters they are merged with (D7). */
export function WidgetFiltersSection({
  projectId,
  dashboardFilters,
  filters,
  onFilters,
  metrics,
  metadataKeys,
  errors,
  now,
}: WidgetFiltersSectionProps) {
  const valueSuggestions = useValueSuggestions(projectId);
  return (
    <EffectiveFilterView
      dashboardFilter={dashboardFilters}
      widgetFilter={filters}
      metrics={metrics ?? undefined}
      now={now}
      widgetPart={
        <FilterBuilder
          label="Widget filters"
          value={filters}
          onChange={onFilters}
          metrics={metrics ?? undefined}
          metadataKeys={metadataKeys}
          valueSuggestions={valueSuggestions}
          errors={errors}
          now={now}
        />
      }
    />
  );
}
