import type { Threshold } from '../../../contract/widget-insights.ts';
import { thresholdBeyond, thresholdColor } from './chart-annotations.ts';
import type { StatFigure } from './chart-model.ts';
import { TOO_FEW_TO_COMPARE } from './compare-change.ts';

const NO_THRESHOLDS: readonly Threshold[] = [];
const CHANGE_ARROW = { up: '▲', down: '▼', flat: '•' } as const;

/**
 * The four stat figures (D3) as a definition list: label above a large value with its unit, the
 * compared value and its change below it ("was …" for an earlier window, "vs <cohort> …" for another
 * cohort, the change then being the difference), and the value in a threshold's colour when beyond.
 */
export function StatView({
  figures,
  thresholds = NO_THRESHOLDS,
  cohortLabel,
}: {
  figures: StatFigure[];
  thresholds?: readonly Threshold[] | undefined;
  cohortLabel?: string | undefined;
}) {
  const compared = cohortLabel === undefined ? 'was' : `vs ${cohortLabel}`;
  return (
    <dl className="grid h-full grid-cols-2 content-center gap-x-4 gap-y-3 p-1">
      {figures.map((figure) => {
        const hit = thresholdBeyond(
          figure.raw,
          thresholds.filter((t) => t.figure === figure.key),
        );
        return (
          <div key={figure.key} className="min-w-0" data-stat={figure.key}>
            <dt className="truncate text-xs font-medium text-slate-500 dark:text-slate-400">
              {figure.label}
            </dt>
            <dd
              className="truncate text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-100"
              style={hit ? { color: thresholdColor(hit) } : undefined}
              data-beyond={hit ? 'true' : undefined}
            >
              {figure.value}
            </dd>
            {figure.previous !== null ? (
              <dd className="truncate text-xs text-slate-500 dark:text-slate-400" data-stat-change="">
                {figure.tooFewToCompare ? (
                  <span title={TOO_FEW_TO_COMPARE}>
                    {compared} {figure.previous} · {TOO_FEW_TO_COMPARE}
                  </span>
                ) : (
                  <>
                    {figure.change ? (
                      <span className="font-medium text-slate-700 dark:text-slate-200">
                        <span aria-hidden="true">{CHANGE_ARROW[figure.change.direction]} </span>
                        {figure.change.text}{' '}
                      </span>
                    ) : null}
                    {compared} {figure.previous}
                  </>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
