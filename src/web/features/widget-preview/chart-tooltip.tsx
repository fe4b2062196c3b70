import { formatChartValue, type ValueFormat } from './format-chart-value.ts';

export interface TooltipEntry {
  name: string;
  color: string;
  value: number | null;
  /** Extra text after the value, e.g. "(12 calls)". */
  note?: string | undefined;
}

/** The tooltip body shared by every chart: a title and exact values with the widget's unit. */
export function ChartTooltip({
  title,
  entries,
  unit,
  format = 'number',
}: {
  title: string;
  entries: TooltipEntry[];
  unit: string;
  format?: ValueFormat | undefined;
}) {
  if (entries.length === 0) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-800">
      <p className="mb-1 font-medium text-slate-900 dark:text-slate-100">{title}</p>
      <ul className="space-y-0.5">
        {entries.map((entry) => (
          <li key={entry.name} className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
            <span
              aria-hidden="true"
              className="inline-block h-2 w-2 rounded-full"
              style={{ backgroundColor: entry.color }}
            />
            <span>{entry.name}:</span>
            <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">
              {formatChartValue(entry.value, format, unit)}
            </span>
            {entry.note ? <span className="text-slate-500 dark:text-slate-400">{entry.note}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
