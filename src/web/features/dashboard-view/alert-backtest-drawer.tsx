import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  describeBacktest,
  THRESHOLD_CONDITION_LABELS,
  THRESHOLD_CONDITIONS,
  TREND_PRESET_NAMES,
  type AlertDefinition,
} from '../../../contract/alert-backtest.ts';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { readWidgetDisplay } from '../../../contract/widget-display.ts';
import type { Threshold } from '../../../contract/widget-insights.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { alertBacktestQueries } from '../../api/alert-backtest-queries.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { Select } from '../../ui/select.tsx';
import { TextInput } from '../../ui/text-input.tsx';
import { WidgetPreview } from '../widget-preview/widget-preview.tsx';
import { DEFAULT_ALERT_DRAFT, describePreset, readAlertDraft, type AlertDraft } from './alert-draft.ts';

/**
 * Cekura's documentation, the one public Cekura address we can vouch for. No source we have names the
 * web app's URL or an Alerts page in it (an earlier `dashboard.cekura.ai/alerts` was a guess), and the
 * public API has no alert-create endpoint: alerts are made in Cekura's app, so the drawer says that in
 * words and links only to the docs (ADR 0018).
 */
export const CEKURA_DOCS_URL = 'https://docs.cekura.ai/';

/** "the last 7 days": the backtest's window, rounded to whole days (hours under a day). */
function describeWindow(from: string, to: string): string {
  const hours = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 3_600_000));
  if (hours < 24) return hours === 1 ? 'the last hour' : `the last ${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'the last day' : `the last ${days} days`;
}

const PRESET_LABELS = { conservative: 'Conservative', balanced: 'Balanced', aggressive: 'Aggressive' };

/** The threshold line a threshold alert draws on the chart. */
function alertThreshold(alert: AlertDefinition | null): Threshold[] {
  if (alert?.type !== 'threshold') return [];
  const kind = alert.condition === 'gt' || alert.condition === 'gte' ? 'above' : 'below';
  return [{ kind, value: alert.value, label: 'Alert threshold', color: 'rose', figure: 'p95_latency' }];
}

/**
 * "Create alert on this metric": Cekura's threshold and trend alert settings for a metric widget, every
 * moment the alert would have fired over the widget's window and filters (POST /studio/alert-backtest/)
 * marked on its chart with the count, and the alert's definition to copy into Cekura's app.
 */
export function AlertBacktestDrawer({
  widget,
  title,
  response,
  onClose,
}: {
  widget: Widget;
  title: string;
  /** The card's data, drawn under the markers. */
  response: WidgetDataResponse | undefined;
  onClose: () => void;
}) {
  const api = useApiClient();
  const [draft, setDraft] = useState<AlertDraft>(DEFAULT_ALERT_DRAFT);
  const binary = response?.metadata.data_type === 'boolean';
  const { alert, errors } = readAlertDraft(draft, binary);
  const settled = useDebouncedValue(alert, 300);
  const body = useMemo(() => (settled ? { widget: widget.id, alert: settled } : null), [settled, widget.id]);
  const backtest = useQuery({
    ...alertBacktestQueries.run(
      api,
      body ?? { widget: widget.id, alert: { type: 'trend', preset: 'balanced', direction: 'both' } },
    ),
    enabled: body !== null,
  });
  const markers = useMemo(
    () => backtest.data?.fired.map((f) => Date.parse(f.timestamp)) ?? [],
    [backtest.data],
  );
  const thresholds = useMemo(() => alertThreshold(settled), [settled]);
  const display = useMemo(() => readWidgetDisplay(widget.metadata), [widget.metadata]);
  const definition = alert ? JSON.stringify({ metric: widget.metric, ...alert }, null, 2) : '';
  const set = (change: Partial<AlertDraft>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Create alert on ${title}`}
      description="Cekura's alert settings, replayed over this widget's window and filters."
      className="max-w-3xl"
      footer={
        <>
          <p className="mr-auto text-sm text-slate-600 dark:text-slate-300">
            Create the alert in Cekura’s app (no public API creates one):{' '}
            <a
              href={CEKURA_DOCS_URL}
              target="_blank"
              rel="noreferrer"
              className="font-medium text-indigo-700 underline dark:text-indigo-300"
            >
              Cekura’s documentation
            </a>
          </p>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <fieldset className="flex gap-4">
          <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Alert type</legend>
          {(['threshold', 'trend'] as const).map((type) => (
            <label
              key={type}
              className="flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-200"
            >
              <input
                type="radio"
                name="alert-type"
                checked={draft.type === type}
                onChange={() => set({ type })}
              />
              {type === 'threshold' ? 'Threshold' : 'Trend'}
            </label>
          ))}
        </fieldset>
        {draft.type === 'threshold' ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Field label="Condition">
              {(control) => (
                <Select
                  {...control}
                  value={draft.condition}
                  onChange={(event) => {
                    const condition = THRESHOLD_CONDITIONS.find((c) => c === event.target.value);
                    if (condition) set({ condition });
                  }}
                  options={THRESHOLD_CONDITIONS.map((c) => ({
                    value: c,
                    label: THRESHOLD_CONDITION_LABELS[c],
                  }))}
                />
              )}
            </Field>
            <Field label="Threshold value" error={errors.value}>
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="decimal"
                  value={draft.value}
                  onChange={(e) => set({ value: e.target.value })}
                />
              )}
            </Field>
            <Field label="Min breaches" error={errors.minBreaches}>
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="numeric"
                  value={draft.minBreaches}
                  onChange={(e) => set({ minBreaches: e.target.value })}
                />
              )}
            </Field>
            <Field label="Of the last (calls)" error={errors.windowSize}>
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="numeric"
                  value={draft.windowSize}
                  onChange={(e) => set({ windowSize: e.target.value })}
                />
              )}
            </Field>
          </div>
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Sensitivity" hint={describePreset(draft.preset)}>
              {(control) => (
                <Select
                  {...control}
                  value={draft.preset}
                  onChange={(event) => {
                    const preset = TREND_PRESET_NAMES.find((p) => p === event.target.value);
                    if (preset) set({ preset });
                  }}
                  options={TREND_PRESET_NAMES.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
                />
              )}
            </Field>
            {binary ? (
              <Field label="Alert when the rate goes">
                {(control) => (
                  <Select
                    {...control}
                    value={draft.direction}
                    onChange={(event) => {
                      const value = event.target.value;
                      if (value === 'up' || value === 'down' || value === 'both') set({ direction: value });
                    }}
                    options={[
                      { value: 'down', label: 'Down' },
                      { value: 'up', label: 'Up' },
                      { value: 'both', label: 'Either way' },
                    ]}
                  />
                )}
              </Field>
            ) : null}
          </div>
        )}
        <p
          role="status"
          className="text-sm font-medium text-slate-800 dark:text-slate-100"
          data-testid="backtest-count"
        >
          {!alert
            ? 'Complete the settings to see when this alert would have fired.'
            : backtest.isError
              ? `Could not replay the alert: ${describeError(backtest.error)}`
              : backtest.data
                ? `This alert ${describeBacktest(backtest.data.fired_count, describeWindow(backtest.data.from, backtest.data.to))} (${backtest.data.evaluated.toLocaleString('en-US')} evaluations).`
                : 'Replaying the alert…'}
        </p>
        <div className="h-56 rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <WidgetPreview
            label={`${title} with the moments the alert would have fired`}
            chartType={widget.chart_type}
            display={display}
            status={response ? 'ready' : 'loading'}
            response={response}
            thresholds={thresholds}
            markers={markers}
          />
        </div>
        {definition ? (
          <div className="space-y-1.5">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-medium text-slate-800 dark:text-slate-200">Alert definition</h3>
              <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(definition)}>
                Copy JSON
              </Button>
            </div>
            <pre className="max-h-40 overflow-auto rounded-md bg-slate-100 p-2 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">
              {definition}
            </pre>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
