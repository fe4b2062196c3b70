import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ComparableWidget } from '../../contract/compare-window.ts';
import { planComparison } from '../../contract/comparison-plan.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { CompareSetting } from '../../contract/widget-insights.ts';
import type { PreviewWidgetRequest } from '../../contract/widget-schema.ts';
import { useNow } from '../lib/use-now.ts';
import { useApiClient } from './api-client-context.tsx';
import { describeError, isApiError } from './api-error.ts';
import { assembleComparison, NO_COMPARISON, type Comparison } from './assemble-comparison.ts';
import { previewBatchQueries, previewBodyKey } from './preview-batch-queries.ts';
import type { WidgetDataResult } from './widget-data-queries.ts';

export type { Comparison } from './assemble-comparison.ts';

/** The compared window's bounds are written absolute: `now` moves in steps so the request stays cached. */
const NOW_STEP_MS = 5 * 60_000;

export interface ComparedWidget {
  id: number;
  widget: ComparableWidget;
  setting: CompareSetting | null;
}

/**
 * The comparisons (previous period or cohorts) of many widgets under one dashboard, whose `filters`
 * are its stored filters with the active variables. Every compared window and cohort of every widget
 * is asked in ONE request (`bulk_data` with `previews`; one `preview_data` per body where the server
 * does not know it), none at all when nothing is compared or a window would break the 30-day limit.
 */
export function useComparisons(
  entries: readonly ComparedWidget[],
  dashboard: { id: number | null; filters: Filter | null },
): ReadonlyMap<number, Comparison> {
  const api = useApiClient();
  const tick = useNow(60_000).getTime();
  const stepped = Math.floor(tick / NOW_STEP_MS) * NOW_STEP_MS;
  const plans = useMemo(
    () =>
      entries.map(
        (entry) =>
          [entry.id, planComparison(entry.widget, dashboard, entry.setting, new Date(stepped))] as const,
      ),
    [entries, dashboard, stepped],
  );
  const bodies = useMemo(() => {
    const unique = new Map<string, PreviewWidgetRequest>();
    for (const [, plan] of plans)
      if (plan.kind === 'previous' || plan.kind === 'cohorts')
        for (const body of plan.bodies) unique.set(previewBodyKey(body), body);
    return [...unique.values()];
  }, [plans]);
  const query = useQuery({ ...previewBatchQueries.batch(api, bodies), enabled: bodies.length > 0 });
  return useMemo(() => {
    const failure: WidgetDataResult | undefined = query.isError
      ? {
          ok: false,
          message: describeError(query.error),
          status: isApiError(query.error) ? query.error.status : null,
        }
      : undefined;
    return new Map(
      plans.map(([id, plan]) => {
        const results =
          plan.kind === 'previous' || plan.kind === 'cohorts'
            ? plan.bodies.map((body) => query.data?.[previewBodyKey(body)] ?? failure)
            : [];
        return [id, assembleComparison(plan, results)];
      }),
    );
  }, [plans, query.data, query.isError, query.error]);
}

/** One widget's comparison (the editor's draft): `useComparisons` of one entry. */
export function useComparison(
  widget: ComparableWidget | null,
  dashboard: { id: number | null; filters: Filter | null },
  setting: CompareSetting | null,
): Comparison {
  const entries = useMemo(() => (widget ? [{ id: 0, widget, setting }] : []), [widget, setting]);
  return useComparisons(entries, dashboard).get(0) ?? NO_COMPARISON;
}
