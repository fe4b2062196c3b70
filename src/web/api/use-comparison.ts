import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  alignComparedResponse,
  previousPeriodRequest,
  type ComparableWidget,
} from '../../contract/compare-window.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { WidgetDataResponse } from '../../contract/widget-data-schema.ts';
import type { CompareSetting } from '../../contract/widget-insights.ts';
import { useNow } from '../lib/use-now.ts';
import { useApiClient } from './api-client-context.tsx';
import { previewQueries } from './preview-queries.ts';

/** The compared window's bounds are written absolute: `now` moves in steps so the request stays cached. */
const NOW_STEP_MS = 5 * 60_000;

export interface Comparison {
  /** The compared data, moved onto the current window's time axis. */
  response: WidgetDataResponse | undefined;
  /** Legend name and text alternative of the compared series: "the previous 7 days (…)". */
  label: string | undefined;
  /** The compared dates in words, or why nothing is compared. */
  note: string | undefined;
}

const NONE: Comparison = { response: undefined, label: undefined, note: undefined };

/**
 * A widget's previous-period comparison: one ordinary `preview_data` request for the compared window
 * (so it works against Cekura's API), none at all when comparison is off or the compared window would
 * break the 30-day limit (the note then says so and offers the largest offset that fits).
 */
export function useComparison(
  widget: ComparableWidget | null,
  dashboard: { id: number | null; filters: Filter | null },
  setting: CompareSetting | null,
): Comparison {
  const api = useApiClient();
  const tick = useNow(60_000).getTime();
  const stepped = Math.floor(tick / NOW_STEP_MS) * NOW_STEP_MS;
  const request = useMemo(
    () =>
      widget && setting?.mode === 'previous' && widget.chart_type !== 'pie'
        ? previousPeriodRequest(widget, dashboard, setting.offset, new Date(stepped))
        : null,
    [widget, dashboard, setting, stepped],
  );
  const query = useQuery({
    ...previewQueries.draft(api, request?.ok ? request.body : { chart_type: 'stat' }),
    enabled: request?.ok === true,
  });
  const offsetMs = request?.ok ? request.offsetMs : 0;
  const aligned = useMemo(
    () => (query.data ? alignComparedResponse(query.data, offsetMs) : undefined),
    [query.data, offsetMs],
  );
  if (setting?.mode === 'cohorts') return { ...NONE, note: 'Cohort comparison is not drawn yet.' };
  if (!request) return NONE;
  if (!request.ok) return { ...NONE, note: request.message };
  if (query.isError) return { ...NONE, note: 'The compared window could not be loaded.' };
  return { response: aligned, label: request.description, note: `Compared with ${request.description}` };
}
