import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page.tsx';
import { PageErrorFallback } from './page-error-fallback.tsx';

/**
 * The router's error element: a page whose code failed to load (a stale deploy, a dropped
 * connection) or threw during routing.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const navigate = useNavigate();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <PageErrorFallback error={error} onRetry={() => void navigate('.', { replace: true })} />;
}
