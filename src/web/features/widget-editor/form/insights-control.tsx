import { memo, useState, type ReactNode } from 'react';
import {
  COMPARE_OFFSET_LABELS,
  COMPARE_OFFSETS,
  MAX_THRESHOLDS,
  STAT_FIGURES,
  ThresholdSchema,
  type CompareSetting,
  type Threshold,
} from '../../../../contract/widget-insights.ts';
import { WIDGET_COLORS } from '../../../../contract/widget-display.ts';
import { Button } from '../../../ui/button.tsx';
import { Field } from '../../../ui/field.tsx';
import { Select } from '../../../ui/select.tsx';
import { TextInput } from '../../../ui/text-input.tsx';
import type { WidgetDraft } from '../draft/widget-form-model.ts';

type Insights = WidgetDraft['insights'];

/** One threshold as typed: numbers stay text so a half-typed value is kept and can be explained. */
interface ThresholdRow {
  id: number;
  kind: Threshold['kind'];
  value: string;
  low: string;
  high: string;
  label: string;
  color: Threshold['color'];
  figure: Threshold['figure'];
}

const FIGURE_LABELS: Record<Threshold['figure'], string> = {
  total_calls: 'Total calls',
  success_rate: 'Success rate',
  avg_duration: 'Average duration',
  p95_latency: 'P95 latency',
};

let nextRowId = 1;
function toRow(t: Threshold): ThresholdRow {
  nextRowId += 1;
  return {
    id: nextRowId,
    kind: t.kind,
    value: t.kind === 'outside' ? '' : String(t.value),
    low: t.kind === 'outside' ? String(t.low) : '',
    high: t.kind === 'outside' ? String(t.high) : '',
    label: t.label,
    color: t.color,
    figure: t.figure,
  };
}

const asNumber = (text: string): unknown =>
  text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text);

/** A row read with the contract's schema: the threshold, or the inline message of each field. */
export function readThresholdRow(row: ThresholdRow): {
  threshold: Threshold | null;
  errors: Record<string, string>;
} {
  const candidate =
    row.kind === 'outside'
      ? {
          kind: row.kind,
          low: asNumber(row.low),
          high: asNumber(row.high),
          label: row.label,
          color: row.color,
          figure: row.figure,
        }
      : {
          kind: row.kind,
          value: asNumber(row.value),
          label: row.label,
          color: row.color,
          figure: row.figure,
        };
  const parsed = ThresholdSchema.safeParse(candidate);
  if (parsed.success) return { threshold: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'value');
    errors[key] ??= issue.message;
  }
  return { threshold: null, errors };
}

/**
 * Comparison and thresholds, kept in `metadata` (docs/decisions/0018). Only drawing changes: a
 * threshold edit redraws the preview without a request; the comparison adds one request for the
 * compared window. A threshold with a wrong value says so inline and is left out until it is fixed.
 */
export const InsightsControl = memo(function InsightsControl(props: {
  value: Insights;
  chartType: WidgetDraft['chart_type'];
  onChange: (insights: Insights) => void;
  /** The cohort editor (it holds filter builders, loaded beside the form), shown for cohorts. */
  cohorts?: ReactNode;
}) {
  const { value, chartType, onChange } = props;
  const [rows, setRows] = useState<ThresholdRow[]>(() => value.thresholds.map(toRow));
  const thresholdsApply = chartType !== 'pie';
  const compareKey =
    value.compare === null ? 'off' : value.compare.mode === 'previous' ? value.compare.offset : 'cohorts';

  const commit = (next: ThresholdRow[]) => {
    setRows(next);
    const thresholds = next.flatMap((row) => {
      const { threshold } = readThresholdRow(row);
      return threshold ? [threshold] : [];
    });
    onChange({ ...value, thresholds });
  };
  const update = (id: number, change: Partial<ThresholdRow>) =>
    commit(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));

  return (
    <div className="space-y-4">
      <Field
        label="Compare with earlier data"
        hint={
          chartType === 'pie'
            ? 'Pie charts cannot show a comparison.'
            : compareKey === 'cohorts'
              ? 'Each cohort is drawn as its own series, with the widget’s filters; one extra request.'
              : 'Drawn faded behind the chart; one extra request.'
        }
        className="max-w-64"
      >
        {(control) => (
          <Select
            {...control}
            disabled={chartType === 'pie'}
            value={compareKey}
            onChange={(event) => {
              const offset = COMPARE_OFFSETS.find((o) => o === event.target.value);
              const compare: CompareSetting | null = offset
                ? { mode: 'previous', offset }
                : event.target.value === 'cohorts'
                  ? {
                      mode: 'cohorts',
                      cohorts: [
                        { label: 'Cohort A', filters: null },
                        { label: 'Cohort B', filters: null },
                      ],
                    }
                  : null;
              onChange({ ...value, compare });
            }}
            options={[
              { value: 'off', label: 'Nothing' },
              ...COMPARE_OFFSETS.map((o) => ({ value: o, label: COMPARE_OFFSET_LABELS[o] })),
              { value: 'cohorts', label: 'Cohorts (filter sets side by side)' },
            ]}
          />
        )}
      </Field>
      {compareKey === 'cohorts' && chartType !== 'pie' ? props.cohorts : null}
      {thresholdsApply ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Thresholds</legend>
          {rows.map((row, index) => {
            const { errors } = readThresholdRow(row);
            const n = index + 1;
            return (
              <div key={row.id} className="flex flex-wrap items-start gap-2" data-testid="threshold-row">
                {chartType === 'stat' ? (
                  <Field label={`Figure ${n}`}>
                    {(control) => (
                      <Select
                        {...control}
                        value={row.figure}
                        onChange={(e) => {
                          const figure = STAT_FIGURES.find((f) => f === e.target.value);
                          if (figure) update(row.id, { figure });
                        }}
                        options={STAT_FIGURES.map((f) => ({ value: f, label: FIGURE_LABELS[f] }))}
                      />
                    )}
                  </Field>
                ) : null}
                <Field label={`Threshold ${n}`}>
                  {(control) => (
                    <Select
                      {...control}
                      value={row.kind}
                      onChange={(e) => {
                        const kind = e.target.value;
                        if (kind === 'above' || kind === 'below' || kind === 'outside')
                          update(row.id, { kind });
                      }}
                      options={[
                        { value: 'above', label: 'Above' },
                        { value: 'below', label: 'Below' },
                        { value: 'outside', label: 'Outside' },
                      ]}
                    />
                  )}
                </Field>
                {row.kind === 'outside' ? (
                  <>
                    <Field label="Low" error={errors.low} className="w-24">
                      {(control) => (
                        <TextInput
                          {...control}
                          inputMode="decimal"
                          value={row.low}
                          onChange={(e) => update(row.id, { low: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field label="High" error={errors.high} className="w-24">
                      {(control) => (
                        <TextInput
                          {...control}
                          inputMode="decimal"
                          value={row.high}
                          onChange={(e) => update(row.id, { high: e.target.value })}
                        />
                      )}
                    </Field>
                  </>
                ) : (
                  <Field label="Value" error={errors.value} className="w-28">
                    {(control) => (
                      <TextInput
                        {...control}
                        inputMode="decimal"
                        value={row.value}
                        onChange={(e) => update(row.id, { value: e.target.value })}
                      />
                    )}
                  </Field>
                )}
                <Field label="Label" className="w-32">
                  {(control) => (
                    <TextInput
                      {...control}
                      maxLength={40}
                      value={row.label}
                      onChange={(e) => update(row.id, { label: e.target.value })}
                    />
                  )}
                </Field>
                <Field label="Colour" className="w-28">
                  {(control) => (
                    <Select
                      {...control}
                      value={row.color}
                      onChange={(e) => {
                        const color = WIDGET_COLORS.find((c) => c === e.target.value);
                        if (color) update(row.id, { color });
                      }}
                      options={WIDGET_COLORS.map((c) => ({ value: c, label: c }))}
                    />
                  )}
                </Field>
                <Button
                  variant="ghost"
                  className="mt-6"
                  aria-label={`Remove threshold ${n}`}
                  onClick={() => commit(rows.filter((r) => r.id !== row.id))}
                >
                  Remove
                </Button>
              </div>
            );
          })}
          {rows.length < MAX_THRESHOLDS ? (
            <Button
              variant="secondary"
              onClick={() => {
                nextRowId += 1;
                commit([
                  ...rows,
                  {
                    id: nextRowId,
                    kind: 'above',
                    value: '',
                    low: '',
                    high: '',
                    label: '',
                    color: 'rose',
                    figure: 'p95_latency',
                  },
                ]);
              }}
            >
              Add threshold
            </Button>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
});
