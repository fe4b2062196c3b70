import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { callLogQueries } from '../../api/call-log-queries.ts';
import { classNames } from '../../lib/class-names.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { Button } from '../../ui/button.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { CloseIcon } from '../../ui/icons.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import type { ChartSelection } from '../widget-preview/widget-preview.tsx';

const PAGE_SIZE = 25;

/** What was clicked, in words, for the panel's subtitle. */
export function describeSelection(selection: ChartSelection): string {
  switch (selection.kind) {
    case 'point':
      return [
        selection.callId !== null ? `Call ${selection.callId}` : formatDateTime(selection.timestamp),
        selection.group,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'bucket':
      return [`From ${formatDateTime(selection.bucket)}`, selection.group].filter(Boolean).join(' · ');
    case 'slice':
      return selection.label === '' ? '(empty)' : selection.label;
  }
}

/**
 * The side panel listing the calls behind a clicked point, bar or slice: the call-logs list with
 * `filters_v2` = the widget's effective filters AND that element (see `selectionFilter`).
 */
export function CallsPanel({
  title,
  selection,
  filter,
  projectId,
  onClose,
}: {
  title: string;
  selection: ChartSelection;
  filter: Filter | null;
  projectId: number | null;
  onClose: () => void;
}) {
  const api = useApiClient();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [page, setPage] = useState(1);
  const query = useQuery(callLogQueries.list(api, { filters: filter, projectId, page, pageSize: PAGE_SIZE }));

  useEffect(() => {
    headingRef.current?.focus();
  }, [filter]);

  const count = query.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));

  return (
    <aside
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      className="fixed inset-y-0 right-0 z-40 flex w-[36rem] max-w-full flex-col border-l border-slate-200 bg-white shadow-xl dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start gap-3 border-b border-slate-200 p-4 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="truncate text-base font-semibold focus:outline-none"
          >
            Calls behind “{title}”
          </h2>
          <p className="mt-0.5 truncate text-sm text-slate-500 dark:text-slate-400">
            {describeSelection(selection)}
          </p>
        </div>
        <button
          type="button"
          aria-label="Close calls panel"
          onClick={onClose}
          className={classNames(
            'rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100',
            FOCUS_RING,
          )}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto p-4" aria-busy={query.isFetching}>
        {query.isPending ? (
          <div className="space-y-2" role="status">
            <span className="sr-only">Loading calls</span>
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not load the calls: {describeError(query.error)}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300" data-testid="calls-count">
              {count === 1 ? '1 call' : `${formatNumber(count)} calls`}
            </p>
            {count === 0 ? null : (
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-slate-500 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Time
                    </th>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Agent
                    </th>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Duration
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Result
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {query.data.results.map((call) => (
                    <tr key={call.id}>
                      <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">
                        {formatDateTime(call.timestamp)}
                      </td>
                      <td className="max-w-32 truncate py-1.5 pr-2">
                        {call.agent_name ?? call.agent ?? '—'}
                      </td>
                      <td className="py-1.5 pr-2 tabular-nums">{call.duration ?? '—'}</td>
                      <td className="py-1.5">
                        <span
                          className={
                            call.success === true
                              ? 'text-emerald-600 dark:text-emerald-400'
                              : call.success === false
                                ? 'text-rose-600 dark:text-rose-400'
                                : 'text-slate-500'
                          }
                        >
                          {call.success === true ? 'Success' : call.success === false ? 'Failed' : '—'}
                        </span>
                        {call.call_ended_reason ? (
                          <span className="block max-w-40 truncate text-xs text-slate-500 dark:text-slate-400">
                            {call.call_ended_reason}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
      {pages > 1 ? (
        <div className="flex items-center justify-between border-t border-slate-200 p-3 text-sm dark:border-slate-800">
          <Button size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <span className="text-slate-500 dark:text-slate-400">
            Page {page} of {pages}
          </span>
          <Button size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </aside>
  );
}
