import { lazy, memo, Suspense, useCallback, useDeferredValue, type ReactNode } from 'react';
import { useController, useWatch, type Control } from 'react-hook-form';
import type { Filter } from '../../../../contract/filter-schema.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import type { WidgetDisplay } from '../../../../contract/widget-display.ts';
import type { Cohort } from '../../../../contract/widget-insights.ts';
import { Skeleton } from '../../../ui/skeleton.tsx';
import { DataFields } from './data-fields.tsx';
import { DisplayOptionsControl } from './display-options-control.tsx';
import { InsightsControl } from './insights-control.tsx';
import { isJsonEqual } from '../../../lib/is-json-equal.ts';
import { NameField } from './name-field.tsx';
import type { WidgetFiltersSectionProps } from './widget-filters-section.tsx';
import type { WidgetDraft, WidgetDraftKey } from '../draft/widget-form-model.ts';
import type { WidgetFormContext } from '../draft/widget-resolver.ts';

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
  control: Control<WidgetDraft, WidgetFormContext>;
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

/** One card of the widget form: a titled group of settings. */
function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
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

type Insights = WidgetDraft['insights'];

/**
 * Every field of the widget form, in four sections, each bound to its own form fields
 * (`useController`, `useWatch`): an edit renders only the part it touched (a colour change renders the
 * display options, not the pickers or the filter builder) besides the header and the preview. Writes
 * go through `change`, which adapts dependent fields and records one undo step.
 */
export const WidgetFormPanel = memo(function WidgetFormPanel(props: WidgetFormPanelProps) {
  const {
    control,
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
  const { field: filters } = useController({ control, name: 'filters' });
  const { field: insights } = useController({ control, name: 'insights' });
  const { field: display } = useController({ control, name: 'display' });
  const chartType = useWatch({ control, name: 'chart_type' });
  const onFilters = useCallback((next: Filter | null) => change({ filters: next }, 'filters'), [change]);
  const onInsights = useCallback((next: Insights) => change({ insights: next }, null), [change]);
  const insightsValue: Insights = insights.value;
  const onCohorts = useCallback(
    // Unknown keys inside `compare` are kept (written back in the current shape, ADR 0018).
    (cohorts: Cohort[]) =>
      change(
        {
          insights: {
            ...insightsValue,
            compare: { ...insightsValue.compare, mode: 'cohorts', cohorts },
          },
        },
        null,
      ),
    [change, insightsValue],
  );
  const onDisplay = useCallback(
    (next: WidgetDisplay, group?: string) => change({ display: next }, group ?? null),
    [change],
  );
  const onDisplayBlur = display.onBlur;

  return (
    <div className="space-y-4">
      <FormSection title="What to show">
        <NameField
          control={control}
          error={errors.name}
          change={change}
          seal={seal}
          suggestion={nameSuggestion}
        />
        <DataFields
          control={control}
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
          filters={filters.value}
          onFilters={onFilters}
          metrics={metrics}
          metadataKeys={metadataKeys}
          errors={filterErrors}
          now={now}
        />
      </FormSection>

      <FormSection title="Compare and thresholds">
        <InsightsControl
          value={insightsValue}
          chartType={chartType}
          onChange={onInsights}
          cohorts={
            insightsValue.compare?.mode === 'cohorts' ? (
              <Suspense fallback={FILTERS_SKELETON}>
                <CohortsControl
                  cohorts={insightsValue.compare.cohorts}
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
          chartType={chartType}
          value={display.value}
          onChange={onDisplay}
          onBlur={() => {
            onDisplayBlur();
            seal();
          }}
          error={errors.display}
        />
      </FormSection>
    </div>
  );
}, isSamePanelProps);

/** The messages are new objects on every render of the editor: compare them by text. */
function isSamePanelProps(a: WidgetFormPanelProps, b: WidgetFormPanelProps): boolean {
  return (
    a.control === b.control &&
    isJsonEqual(a.errors, b.errors) &&
    isJsonEqual(a.filterErrors, b.filterErrors) &&
    a.metrics === b.metrics &&
    a.metricsError === b.metricsError &&
    a.metadataKeys === b.metadataKeys &&
    a.projectId === b.projectId &&
    a.dashboardFilters === b.dashboardFilters &&
    a.change === b.change &&
    a.seal === b.seal &&
    a.now === b.now &&
    a.nameSuggestion === b.nameSuggestion
  );
}
