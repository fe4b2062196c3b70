import { memo, useCallback } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import {
  AGGREGATION_LABELS,
  DATA_TYPES,
  DATA_TYPE_LABELS,
  TIME_PERIODS,
  TIME_PERIOD_LABELS,
  type DataType,
} from '../../../../contract/enums.ts';
import { metadataKeyOf } from '../../../../contract/field-catalogue.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import {
  METRIC_VALUE_FIELD,
  allowedAggregations,
  resolveDataType,
} from '../../../../contract/widget-rules.ts';
import { Field } from '../../../ui/field.tsx';
import { Select, type SelectOption } from '../../../ui/select.tsx';
import { ChartTypeSwitcher } from './chart-type-switcher.tsx';
import { fieldPickerGroups, metadataOptionForQuery } from './field-options.ts';
import { fieldRelevance } from './field-relevance.ts';
import { GroupByControl } from './group-by-control.tsx';
import { metricPickerGroups } from './metric-options.ts';
import { SearchablePicker } from '../../../ui/searchable-picker.tsx';
import type { WidgetDraft, WidgetDraftKey } from '../draft/widget-form-model.ts';
import type { WidgetFormContext } from '../draft/widget-resolver.ts';

/** The draft keys these fields show: the part renders again only when one of them (or its error) changes. */
const DATA_FIELD_KEYS = [
  'chart_type',
  'field',
  'metric',
  'aggregation_function',
  'time_period',
  'group_by',
  'data_type',
] as const satisfies readonly WidgetDraftKey[];

export interface DataFieldsProps {
  control: Control<WidgetDraft, WidgetFormContext>;
  errors: Partial<Record<WidgetDraftKey, string>>;
  metrics: readonly Metric[] | null;
  metricsError: string | null;
  metadataKeys: readonly string[];
  change: (patch: Partial<WidgetDraft>, group?: string | null) => void;
  seal: () => void;
}

/** The dashboard's metadata keys plus the one this widget plots, so the picker can show it by name. */
function metadataKeysWith(keys: readonly string[], field: string): readonly string[] {
  const own = metadataKeyOf(field);
  return own === null || keys.includes(own) ? keys : [...keys, own];
}

/** The form's values of `DATA_FIELD_KEYS`, watched: the part renders when one of them changes. */
function useDataFieldValues(control: Control<WidgetDraft, WidgetFormContext>) {
  const [chart_type, field, metric, aggregation_function, time_period, group_by, data_type] = useWatch({
    control,
    name: DATA_FIELD_KEYS,
  });
  return { chart_type, field, metric, aggregation_function, time_period, group_by, data_type };
}

/**
 * What the widget plots: chart type, field, metric, aggregation, time period, group by and the data
 * type override, shown and narrowed by the contract: the chart type decides which settings appear
 * (`fieldRelevance`), the field and metric decide which options are offered (`allowedAggregations`,
 * `plottableFields`, eval types). It reads the form's values with `useWatch` and decides nothing
 * itself: each change goes through `change`, which adapts the rest.
 */
function DataFieldsComponent(props: DataFieldsProps) {
  const { control, errors, metrics, metricsError, metadataKeys, change, seal } = props;
  const values = useDataFieldValues(control);
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
  const optionsForQuery = useCallback(
    (query: string) => metadataOptionForQuery(values.chart_type, query),
    [values.chart_type],
  );

  return (
    <>
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
    </>
  );
}

function isSameDataFields(a: DataFieldsProps, b: DataFieldsProps): boolean {
  return (
    a.control === b.control &&
    DATA_FIELD_KEYS.every((key) => a.errors[key] === b.errors[key]) &&
    a.metrics === b.metrics &&
    a.metricsError === b.metricsError &&
    a.metadataKeys === b.metadataKeys &&
    a.change === b.change &&
    a.seal === b.seal
  );
}

/**
 * Memoised on its props (the messages of the keys it shows compared by text): it subscribes to its own
 * fields, so a name, filter or colour edit does not render it.
 */
export const DataFields = memo(DataFieldsComponent, isSameDataFields);
