import { useId, useMemo, type ReactNode } from 'react';
import { checkDataWindow, mergeFilters } from '../../../contract/effective-filters.ts';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { useNow } from '../../lib/use-now.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import { COMBINATOR_LABELS } from './combinator.ts';
import { fromWire, type FilterNode, type FilterTree } from './filter-tree.ts';
import { findContradictions } from './find-contradictions.ts';
import { ReadOnlyFilterNode } from './read-only-filter-node.tsx';
import { summarizeFilter } from './summarize-filter.ts';

export interface EffectiveFilterViewProps {
  readonly dashboardFilter: Filter | null | undefined;
  readonly widgetFilter: Filter | null | undefined;
  readonly metrics?: readonly Metric[];
  /** Replaces the read-only widget part, e.g. with a `FilterBuilder` for the widget's own filters. */
  readonly widgetPart?: ReactNode;
  readonly label?: string;
  readonly now?: Date;
}

/** The node a one-sided merge shows: a lone condition on its own, otherwise the root group. */
function topNode(tree: FilterTree): FilterNode {
  const [only] = tree.root.conditions;
  return tree.implicitRoot && tree.root.conditions.length === 1 && only ? only : tree.root;
}

/**
 * The widget's effective filter (D7: dashboard AND widget) read-only, with the dashboard's part
 * marked "From dashboard", contradictions between the parts flagged on the conditions involved
 * (e.g. a widget time range outside the dashboard's), and the D11 data-window problem, if any.
 */
export function EffectiveFilterView({
  dashboardFilter,
  widgetFilter,
  metrics,
  widgetPart,
  label = 'Effective filters',
  now: fixedNow,
}: EffectiveFilterViewProps) {
  const clock = useNow(60_000);
  const now = fixedNow ?? clock;
  const titleId = useId();
  const merged = useMemo(() => mergeFilters(dashboardFilter, widgetFilter), [dashboardFilter, widgetFilter]);
  const tree = useMemo(() => fromWire(merged), [merged]);
  const contradictions = useMemo(() => findContradictions(tree, { now }), [tree, now]);
  const flagged = useMemo(() => new Set(contradictions.flatMap((found) => found.nodeIds)), [contradictions]);
  const windowProblem = checkDataWindow(merged, now);
  const both = dashboardFilter != null && widgetFilter != null;
  const dashboardNode = both
    ? (tree.root.conditions[0] ?? null)
    : dashboardFilter != null
      ? topNode(tree)
      : null;
  const widgetNode = both ? (tree.root.conditions[1] ?? null) : widgetFilter != null ? topNode(tree) : null;

  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <h3 id={titleId} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
        {label}
      </h3>
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:bg-slate-800/60 dark:text-slate-200">
        <span className="font-medium">Summary: </span>
        {summarizeFilter(merged, { metrics })}
      </p>
      {contradictions.length > 0 || windowProblem ? (
        <ul
          aria-label="Effective filter warnings"
          className="space-y-1 text-sm text-amber-800 dark:text-amber-300"
        >
          {contradictions.map((found) => (
            <li key={found.message} className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {found.message}: no call can match.
            </li>
          ))}
          {windowProblem ? (
            <li className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {windowProblem}
            </li>
          ) : null}
        </ul>
      ) : null}
      {both ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {COMBINATOR_LABELS.and}: both parts must match.
        </p>
      ) : null}
      <Part title="From dashboard" tone="dashboard">
        {dashboardNode ? (
          <ReadOnlyFilterNode node={dashboardNode} flagged={flagged} metrics={metrics} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No dashboard filters.</p>
        )}
      </Part>
      <Part title="This widget" tone="widget">
        {widgetPart ??
          (widgetNode ? (
            <ReadOnlyFilterNode node={widgetNode} flagged={flagged} metrics={metrics} />
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">No widget filters.</p>
          ))}
      </Part>
    </section>
  );
}

function Part({
  title,
  tone,
  children,
}: {
  title: string;
  tone: 'dashboard' | 'widget';
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={classNames(
        'rounded-lg border p-3',
        tone === 'dashboard'
          ? 'border-dashed border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-950/40'
          : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
      )}
    >
      <span
        id={id}
        className={classNames(
          'mb-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide',
          tone === 'dashboard'
            ? 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
            : 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
        )}
      >
        {title}
      </span>
      {children}
    </div>
  );
}
