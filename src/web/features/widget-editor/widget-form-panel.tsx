import { lazy, memo, Suspense, useCallback, useDeferredValue } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import type { WidgetDisplay } from '../../../contract/widget-display.ts';
import type { Cohort } from '../../../contract/widget-insights.ts';
import { Skeleton } from '../../ui/skeleton.tsx';
import { DataFields } from './data-fields.tsx';
import { DisplayOptionsControl } from './display-options-control.tsx';
import { InsightsControl } from './insights-control.tsx';
import { FormSection } from './form-section.tsx';
import { isJsonEqual } from '../../lib/is-json-equal.ts';
import { NameField } from './name-field.tsx';
import type { WidgetFiltersSectionProps } from './widget-filters-section.tsx';
import type { WidgetDraft, WidgetDraftKey } from './widget-form-model.ts';

// The filter builder (and dnd-kit) load beside the form instead of before it: the editor's first
// paint needs the chart and the fields, and this keeps the route's JavaScript within its budget. The
// download starts as soon as this module runs (the editor's code is preloaded on the dashboard), not
// when the form first renders, so the builder is usually there by then.
const loadFiltersSection = () => import('./widget-filters-section.tsx');
loadFiltersSection().catch(() => undefined);
const WidgetFiltersSection = lazy(() =>
  loadFiltersSection().then((m) => ({ default: m.WidgetFiltersSection })),
);

const loadCohortsControl = () => import('./cohorts-control.tsx');
const CohortsControl = lazy(() => loadCohortsControl().then((m) => ({ default: m.CohortsControl })));

export interface WidgetFormPanelProps {
  values: WidgetDraft;
  /** One message per field: a server error while it still applies, else the contract rule's. */
  errors: Partial<Record<WidgetDraftKey, string>>;
  /** Filter messages for the builder (D8 paths land on rows). */
  filterErrors: readonly string[];
  metrics: readonly Metric[] | null;
  metricsError: string | null;
  metadataKeys: readonly string[];
  /** The dashboard's project (value suggestions come from its calls). */
  projectId: number | null;
  dashboardFilters: Filter | null;
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  seal: () => void;
  now: Date;
  /** The generated description offered as the new name (`suggestName`), or null. */
  nameSuggestion: string | null;
}

const FILTERS_SKELETON = <Skeleton className="h-40 w-full" />;

/**
 * The filters part, memoised so that an edit elsewhere does not render the whole builder again. The
 * builder (dnd-kit measures every row) mounts in a deferred render just after the editor's first
 * paint, so that opening a widget shows its name, fields and chart first.
 */
const FiltersPart = memo(
  function FiltersPart(props: WidgetFiltersSectionProps) {
    const mounted = useDeferredValue(true, false);
    if (!mounted) return FILTERS_SKELETON;
    return (
      <Suspense fallback={FILTERS_SKELETON}>
        <WidgetFiltersSection {...props} />
      </Suspense>
    );
  },
  // The messages are a new array on every render of the form: compare them by text.
  (a, b) =>
    a.projectId === b.projectId &&
    a.dashboardFilters === b.dashboardFilters &&
    a.filters === b.filters &&
    a.onFilters === b.onFilters &&
    a.metrics === b.metrics &&
    a.metadataKeys === b.metadataKeys &&
    a.now === b.now &&
    isJsonEqual(a.errors, b.errors),
);

/**
 * Every field of the widget form, in three sections. Each part is memoised on the values it shows, so
 * that an edit renders only the part it touched (a colour change renders the display options, not the
 * pickers or the filter builder) besides the header and the preview.
 */
export function WidgetFormPanel(props: WidgetFormPanelProps) {
  const {
    values,
    errors,
    filterErrors,
    metrics,
    metricsError,
    metadataKeys,
    projectId,
    dashboardFilters,
    change,
    seal,
    now,
    nameSuggestion,
  } = props;
  const onFilters = useCallback((filters: Filter | null) => change({ filters }, 'filters'), [change]);
  const onInsights = useCallback(
    (insights: WidgetFormPanelProps['values']['insights']) => change({ insights }, null),
    [change],
  );
  const insights = values.insights;
  const onCohorts = useCallback(
    // Unknown keys inside `compare` are kept (written back in the current shape, ADR 0018).
    (cohorts: Cohort[]) =>
      change({ insights: { ...insights, compare: { ...insights.compare, mode: 'cohorts', cohorts } } }, null),
    [change, insights],
  );
  const onDisplay = useCallback(
    (display: WidgetDisplay, group?: string) => change({ display }, group ?? null),
    [change],
  );

  return (
    <div className="space-y-4">
      <FormSection title="What to show">
        <NameField
          value={values.name}
          error={errors.name}
          change={change}
          seal={seal}
          suggestion={nameSuggestion}
        />
        <DataFields
          values={values}
          errors={errors}
          metrics={metrics}
          metricsError={metricsError}
          metadataKeys={metadataKeys}
          change={change}
          seal={seal}
        />
      </FormSection>

      <FormSection title="Filters">
        <FiltersPart
          projectId={projectId}
          dashboardFilters={dashboardFilters}
          filters={values.filters}
          onFilters={onFilters}
          metrics={metrics}
          metadataKeys={metadataKeys}
          errors={filterErrors}
          now={now}
        />
      </FormSection>

      <FormSection title="Compare and thresholds">
        <InsightsControl
          value={values.insights}
          chartType={values.chart_type}
          onChange={onInsights}
          cohorts={
            values.insights.compare?.mode === 'cohorts' ? (
              <Suspense fallback={FILTERS_SKELETON}>
                <CohortsControl
                  cohorts={values.insights.compare.cohorts}
                  onChange={onCohorts}
                  projectId={projectId}
                  metrics={metrics}
                  metadataKeys={metadataKeys}
                  now={now}
                />
              </Suspense>
            ) : undefined
          }
        />
      </FormSection>

      <FormSection title="Display options">
        <DisplayOptionsControl
          chartType={values.chart_type}
          value={values.display}
          onChange={onDisplay}
          onBlur={seal}
          error={errors.display}
        />
      </FormSection>
    </div>
  );
}
