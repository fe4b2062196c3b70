import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DrfErrors } from '../../../../contract/drf-errors.ts';
import { checkDataWindow, mergeFilters } from '../../../../contract/effective-filters.ts';
import type { Filter } from '../../../../contract/filter-schema.ts';
import type { WidgetDataResponse } from '../../../../contract/widget-data-schema.ts';
import { PreviewWidgetRequestSchema, type PreviewWidgetRequest } from '../../../../contract/widget-schema.ts';
import { useApiClient } from '../../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../../api/api-error.ts';
import { previewQueries } from '../../../api/preview-queries.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { describePreviewBlocker } from './preview-blocker.ts';
import { fixForDataError } from './preview-error-fix.ts';
import { draftToPreviewBody, type WidgetDraft } from '../draft/widget-form-model.ts';

/** Quiet time after the last data-affecting change before the preview asks the server. */
export const PREVIEW_DEBOUNCE_MS = 400;

export type PreviewState =
  | { kind: 'blocked'; message: string }
  | { kind: 'error'; message: string; fix: string | null }
  | { kind: 'loading' }
  | { kind: 'ready'; response: WidgetDataResponse; stale: boolean };

export interface PreviewData {
  state: PreviewState;
  /** Key of the body the shown data answers (for tests and latency measurement). */
  shownKey: string | null;
  /** Key of the draft's current body. */
  draftKey: string;
}

function parseBody(key: string): PreviewWidgetRequest | null {
  try {
    const raw: unknown = JSON.parse(key);
    const parsed = PreviewWidgetRequestSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The live preview's data: `preview_data` for the draft's data-affecting fields only (the name and
 * display options are not in the body, so they never cause a request), debounced, not sent at all
 * while the draft breaks a rule or the D11 data window (the state then says what to do), keyed by the
 * exact body (a superseded request loses its observer and is aborted; an answer is only ever shown for
 * its own body) and keeping the previous chart, marked stale, while the next one loads.
 */
export function usePreviewData(options: {
  draft: WidgetDraft;
  dashboardId: number;
  dashboardFilters: Filter | null;
  ruleErrors: DrfErrors | null;
  /** False until the rules have checked the draft once: nothing is asked before. */
  checked: boolean;
  now: Date;
}): PreviewData {
  const { draft, dashboardId, dashboardFilters, ruleErrors, checked, now } = options;
  const api = useApiClient();
  const draftKey = JSON.stringify(draftToPreviewBody(draft, dashboardId));
  const debouncedKey = useDebouncedValue(draftKey, PREVIEW_DEBOUNCE_MS);
  const settled = debouncedKey === draftKey;
  const body = useMemo(() => parseBody(debouncedKey), [debouncedKey]);

  const ruleBlocker = describePreviewBlocker(draft, ruleErrors);
  const windowProblem =
    ruleBlocker === null ? checkDataWindow(mergeFilters(dashboardFilters, draft.filters), now) : null;
  const canAsk = checked && ruleBlocker === null && windowProblem === null && settled && body !== null;

  const query = useQuery({
    ...previewQueries.draft(api, body ?? { chart_type: draft.chart_type }),
    enabled: canAsk,
    placeholderData: keepPreviousData,
  });

  const { data, error, isError, isFetching, isPlaceholderData } = query;
  // One object per distinct answer, so the memoised preview panel renders only when it changes (a
  // keystroke in the name changes none of this).
  return useMemo((): PreviewData => {
    if (ruleBlocker !== null)
      return { state: { kind: 'blocked', message: ruleBlocker }, shownKey: null, draftKey };
    if (windowProblem !== null) {
      return {
        state: { kind: 'error', message: windowProblem, fix: fixForDataError(windowProblem) },
        shownKey: null,
        draftKey,
      };
    }
    if (isError && !isFetching) {
      const message = isApiError(error) && error.detail ? error.detail : describeError(error);
      return { state: { kind: 'error', message, fix: fixForDataError(message) }, shownKey: null, draftKey };
    }
    if (data === undefined) return { state: { kind: 'loading' }, shownKey: null, draftKey };
    const fresh = settled && !isPlaceholderData && !isFetching;
    return {
      state: { kind: 'ready', response: data, stale: !fresh },
      shownKey: isPlaceholderData ? null : debouncedKey,
      draftKey,
    };
  }, [
    ruleBlocker,
    windowProblem,
    isError,
    isFetching,
    error,
    data,
    settled,
    isPlaceholderData,
    debouncedKey,
    draftKey,
  ]);
}
