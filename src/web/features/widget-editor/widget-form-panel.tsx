import { lazy, Suspense, useCallback } from 'react';
import {
  AGGREGATION_LABELS,
  DATA_TYPES,
  DATA_TYPE_LABELS,
  TIME_PERIODS,
  TIME_PERIOD_LABELS,
  type DataType,
} from '../../../contract/enums.ts';
import { metadataKeyOf } from '../../../contract/field-catalogue.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { METRIC_VALUE_FIELD, allowedAggregations, resolveDataType } from '../../../contract/widget-rules.ts';
import { Field } from '../../ui/field.tsx';
import { Select, type SelectOption } from '../../ui/select.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { ChartTypeSwitcher } from './chart-type-switcher.tsx';
import { DisplayOptionsControl } from './display-options-control.tsx';
import { fieldPickerGroups, metadataOptionForQuery } from './field-options.ts';
import { fieldRelevance } from './field-relevance.ts';
import { GroupByControl } from './group-by-control.tsx';
import { metricPickerGroups } from './metric-options.ts';
import { SearchablePicker } from './searchable-picker.tsx';
import type { WidgetDraft, WidgetDraftKey } from './widget-form-model.ts';

// The filter builder (and dnd-kit) load beside the form instead of before it: the editor's first
// paint needs the chart and the fields, and this keeps the route's JavaScript within its budget.
const WidgetFiltersSection = lazy(() =>
  import('./widget-filters-section.tsx').then((m) => ({ default: m.WidgetFiltersSection })),
);

export interface WidgetFormPanelProps {
  values: WidgetDraft;
  /** One message per field: a server error while it still applies, else the contract rule's. */
  errors: Partial<Record<WidgetDraftKey, string>>;
  /** Filter messages for the builder (D8 paths land on rows). */
  filterErrors: readonly string[];
  metrics: readonly Metric[] | null;
  metricsError: string | null;
  metadataKeys: readonly string[];
  dashboardFilters: Filter | null;
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  seal: () => void;
  now: Date;
}

/** The dashboard's metadata keys plus the one this widget plots, so the picker can show it by name. */
function metadataKeysWith(keys: readonly string[], field: string): readonly string[] {
  const own = metadataKeyOf(field);
  return own === null || keys.includes(own) ? keys : [...keys, own];
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Every field of the widget form, shown and narrowed by the contract: the chart type decides which
 * settings appear (`fieldRelevance`), the field and metric decide which options are offered
 * (`allowedAggregations`, `plottableFields`, eval types). The panel decides nothing itself: each change
 * goes through `change`, which adapts the rest.
 */
export function WidgetFormPanel(props: WidgetFormPanelProps) {
  const {
    values,
    errors,
    filterErrors,
    metrics,
    metricsError,
    metadataKeys,
    dashboardFilters,
    change,
    seal,
    now,
  } = props;
  const metric = values.metric === null ? null : (metrics?.find((m) => m.id === values.metric) ?? null);
  const uses = fieldRelevance(values.chart_type, values.group_by);
  const inferred = values.field === '' ? null : resolveDataType(values.field, metric);
  const aggregations = allowedAggregations(values.field, metric);
  const aggregationOptions: SelectOption[] = [
    { value: '', label: values.chart_type === 'line' ? 'Default (average)' : 'Choose…' },
    ...aggregations.map((a) => ({ value: a, label: AGGREGATION_LABELS[a] })),
  ];
  if (values.aggregation_function !== '' && !aggregations.includes(values.aggregation_function)) {
    aggregationOptions.push({
      value: values.aggregation_function,
      label: `${AGGREGATION_LABELS[values.aggregation_function]} (not allowed here)`,
    });
  }
  const onFilters = useCallback((filters: Filter | null) => change({ filters }, 'filters'), [change]);
  const optionsForQuery = useCallback(
    (query: string) => metadataOptionForQuery(values.chart_type, query),
    [values.chart_type],
  );

  return (
    <div className="space-y-4">
      <Section title="What to show">
        <Field label="Name" error={errors.name} hint="Shown on the dashboard card.">
          {(control) => (
            <TextInput
              {...control}
              value={values.name}
              placeholder="Untitled widget"
              onChange={(event) => change({ name: event.target.value }, 'name')}
              onBlur={seal}
            />
          )}
        </Field>
        <ChartTypeSwitcher
          value={values.chart_type}
          field={values.field}
          metric={metric}
          error={errors.chart_type}
          onChange={(chart_type) => change({ chart_type })}
        />
        {uses.field ? (
          <SearchablePicker
            label="Field"
            searchLabel="Search fields"
            placeholder="Choose a field…"
            value={values.field}
            groups={fieldPickerGroups(values.chart_type, metadataKeysWith(metadataKeys, values.field))}
            optionsForQuery={optionsForQuery}
            onChange={(field) => change({ field })}
            error={errors.field}
            emptyText="No field matches. Type a metadata key (letters, digits, _) to use metadata.<key>."
          />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Stat widgets take no field: they show total calls, success rate, average duration and p95 latency.
          </p>
        )}
        {values.field === METRIC_VALUE_FIELD ? (
          <SearchablePicker
            label="Metric"
            searchLabel="Search metrics"
            placeholder={metrics === null ? 'Loading metrics…' : 'Choose a metric…'}
            value={values.metric === null ? '' : String(values.metric)}
            groups={metricPickerGroups(metrics ?? [], values.chart_type)}
            onChange={(id) => change({ metric: Number(id) })}
            error={errors.metric ?? metricsError ?? undefined}
            hint={metric ? `Eval type decides the charts: ${metric.eval_type}` : undefined}
            emptyText="No metric matches."
          />
        ) : null}
        {uses.aggregation || uses.timePeriod ? (
          <div className="grid grid-cols-2 gap-3">
            {uses.aggregation ? (
              <Field label="Aggregation" error={errors.aggregation_function}>
                {(control) => (
                  <Select
                    {...control}
                    value={values.aggregation_function}
                    options={aggregationOptions}
                    onChange={(event) =>
                      change({
                        aggregation_function: aggregations.find((a) => a === event.target.value) ?? '',
                      })
                    }
                  />
                )}
              </Field>
            ) : (
              <div />
            )}
            {uses.timePeriod ? (
              <Field label="Time period" error={errors.time_period}>
                {(control) => (
                  <Select
                    {...control}
                    value={values.time_period}
                    options={[
                      { value: '', label: 'Choose…' },
                      ...TIME_PERIODS.map((p) => ({ value: p, label: TIME_PERIOD_LABELS[p] })),
                    ]}
                    onChange={(event) =>
                      change({ time_period: TIME_PERIODS.find((p) => p === event.target.value) ?? '' })
                    }
                  />
                )}
              </Field>
            ) : null}
          </div>
        ) : null}
        {uses.groupByField || uses.groupByBucket || values.group_by !== null ? (
          <GroupByControl
            value={values.group_by}
            uses={uses}
            onChange={(group_by, group) => change({ group_by }, group ?? null)}
            onBlur={seal}
            error={errors.group_by}
          />
        ) : null}
        {uses.field ? (
          <details className="group text-sm" open={values.data_type !== '' || errors.data_type !== undefined}>
            <summary className="cursor-pointer text-slate-600 select-none dark:text-slate-300">
              Data type: {inferred ? `${DATA_TYPE_LABELS[inferred]} (inferred)` : 'inferred by the server'}
              {values.data_type !== '' ? ` · overridden to ${DATA_TYPE_LABELS[values.data_type]}` : ''}
            </summary>
            <Field
              label="Data type override"
              className="mt-2"
              hint="Advanced: the server infers it from the field; override only to match another client."
              error={errors.data_type}
            >
              {(control) => (
                <Select
                  {...control}
                  value={values.data_type}
                  options={[
                    { value: '', label: 'Inferred' },
                    ...DATA_TYPES.map((t: DataType) => ({ value: t, label: DATA_TYPE_LABELS[t] })),
                  ]}
                  onChange={(event) =>
                    change({ data_type: DATA_TYPES.find((t) => t === event.target.value) ?? '' })
                  }
                />
              )}
            </Field>
          </details>
        ) : null}
      </Section>

      <Section title="Filters">
        <Suspense fallback={<Skeleton className="h-40 w-full" />}>
          <WidgetFiltersSection
            dashboardFilters={dashboardFilters}
            filters={values.filters}
            onFilters={onFilters}
            metrics={metrics}
            metadataKeys={metadataKeys}
            errors={filterErrors}
            now={now}
          />
        </Suspense>
      </Section>

      <Section title="Display options">
        <DisplayOptionsControl
          value={values.display}
          onChange={(display, group) => change({ display }, group ?? null)}
          onBlur={seal}
          error={errors.display}
        />
      </Section>
    </div>
  );
}
