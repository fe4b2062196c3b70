import { useId, type ReactNode } from 'react';
import { CHART_TYPES, CHART_TYPE_LABELS, type ChartType } from '../../../../contract/enums.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { chartTypeUnavailableReason } from '../../../../contract/widget-rules.ts';
import { classNames } from '../../../lib/class-names.ts';

const CHART_ICONS: Record<ChartType, ReactNode> = {
  line: <path d="M3 17l5-6 4 3 6-8 3 3" />,
  bar: <path d="M5 20V11M10 20V5M15 20v-7M20 20V8" />,
  pie: <path d="M12 3a9 9 0 1 0 9 9h-9V3ZM15 3.5A9 9 0 0 1 20.5 9H15V3.5Z" />,
  stat: <path d="M4 6h7M4 12h16M4 18h10" />,
};

const CHART_HINTS: Record<ChartType, string> = {
  line: 'Values over time',
  bar: 'Aggregated per period',
  pie: 'Share by category',
  stat: 'Summary figures',
};

/**
 * Why a chart type cannot be picked now, or null. The reason comes from the contract's rules. Stat is
 * the exception: it takes no field at all, so it is always reachable (switching clears the field and
 * the note offers undo) instead of being disabled until the field is emptied.
 */
export function chartTypeBlockReason(chart: ChartType, field: string, metric: Metric | null): string | null {
  if (chart === 'stat') return null;
  return chartTypeUnavailableReason(chart, field, metric);
}

/**
 * The Chart type switcher: native radio buttons drawn as cards, so arrow keys and screen readers work
 * as for any radio group. Types the current field or metric cannot show are disabled with the reason
 * written under them.
 */
export function ChartTypeSwitcher(props: {
  value: ChartType;
  field: string;
  metric: Metric | null;
  onChange: (chart: ChartType) => void;
  error?: string | undefined;
}) {
  const { value, field, metric, onChange, error } = props;
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Chart type</legend>
      <div className="mt-1.5 grid grid-cols-2 gap-2">
        {CHART_TYPES.map((chart) => {
          const reason = chartTypeBlockReason(chart, field, metric);
          const checked = chart === value;
          return (
            <label
              key={chart}
              className={classNames(
                'relative flex cursor-pointer flex-col gap-1 rounded-lg border p-2.5 text-sm',
                'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 has-[:focus-visible]:ring-offset-2 dark:has-[:focus-visible]:ring-offset-slate-900',
                checked
                  ? 'border-indigo-600 bg-indigo-50 text-indigo-900 dark:border-indigo-400 dark:bg-indigo-950/40 dark:text-indigo-100'
                  : 'border-slate-200 bg-white hover:border-slate-300 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-slate-600',
                reason !== null && 'cursor-not-allowed opacity-60 hover:border-slate-200',
              )}
            >
              <input
                type="radio"
                name={`${id}-chart-type`}
                value={chart}
                checked={checked}
                disabled={reason !== null}
                aria-describedby={reason ? `${id}-${chart}-reason` : undefined}
                onChange={() => onChange(chart)}
                className="sr-only"
              />
              <span className="flex items-center gap-2 font-medium">
                <svg
                  viewBox="0 0 24 24"
                  className="size-5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={2}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                >
                  {CHART_ICONS[chart]}
                </svg>
                {CHART_TYPE_LABELS[chart]}
              </span>
              <span
                id={reason ? `${id}-${chart}-reason` : undefined}
                className="text-xs text-slate-600 dark:text-slate-400"
              >
                {reason ?? CHART_HINTS[chart]}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
