import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DashboardVersionList } from '../../../contract/dashboard-version-schema.ts';
import { describeError, isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { Spinner } from '../../ui/spinner.tsx';

/** The history list's loading, error and empty states; `children` once there are versions. */
export function HistoryState({
  list,
  empty,
  children,
}: {
  list: UseQueryResult<DashboardVersionList>;
  empty: string;
  children: ReactNode;
}) {
  if (list.isPending) return <Spinner label="Loading the history" />;
  if (list.isError)
    return (
      <ErrorState
        title="Could not load the history"
        message={
          isApiError(list.error) && list.error.status === 404
            ? 'This API keeps no version history (it is a Widget Studio server extension).'
            : describeError(list.error)
        }
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  if (list.data.results.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">{empty}</p>;
  return children;
}
