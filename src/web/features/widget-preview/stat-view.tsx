import type { StatFigure } from './chart-model.ts';

/** The four stat figures (D3) as a definition list: label above a large value with its unit. */
export function StatView({ figures }: { figures: StatFigure[] }) {
  return (
    <dl className="grid h-full grid-cols-2 content-center gap-x-4 gap-y-3 p-1">
      {figures.map((figure) => (
        <div key={figure.key} className="min-w-0" data-stat={figure.key}>
          <dt className="truncate text-xs font-medium text-slate-500 dark:text-slate-400">{figure.label}</dt>
          <dd className="truncate text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-100">
            {figure.value}
          </dd>
          {figure.previous !== null ? (
            <dd className="truncate text-xs text-slate-500 dark:text-slate-400">was {figure.previous}</dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
