import { Link } from 'react-router';
import { describeError, isAuthError } from '../../api/api-error.ts';
import { buttonClassName } from '../../ui/button.tsx';
import { ErrorState } from '../../ui/error-state.tsx';

/** The list failed to load: the exact error, Retry, and the Connection screen when the key is the problem. */
export function DashboardsError({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <ErrorState
      title="Dashboards could not be loaded"
      message={describeError(error)}
      onRetry={onRetry}
      retrying={retrying}
      actions={
        isAuthError(error) ? (
          <Link to="/connection" className={buttonClassName('secondary', 'sm')}>
            Open Connection settings
          </Link>
        ) : null
      }
    />
  );
}
