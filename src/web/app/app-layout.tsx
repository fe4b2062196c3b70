import { Outlet, useLocation, useNavigation } from 'react-router';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { AppHeader } from './app-header.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { PageErrorFallback } from './page-error-fallback.tsx';
import { PageSkeleton } from './page-skeleton.tsx';

/** Header, offline strip and the current page inside its own error boundary. */
export function AppLayout() {
  const location = useLocation();
  const navigation = useNavigation();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <AppHeader />
      <OfflineBanner />
      {/* A thin bar while the next page's code loads (lazy routes). */}
      <div
        aria-hidden="true"
        className={`h-0.5 ${navigation.state === 'loading' ? 'animate-pulse bg-indigo-500' : 'bg-transparent'}`}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-screen-2xl px-6 py-6 focus:outline-none">
        {/* Keyed by path: a crash on one page is cleared by navigating to another. */}
        <ErrorBoundary
          resetKeys={[location.pathname]}
          fallback={(error, reset) => <PageErrorFallback error={error} onRetry={reset} />}
        >
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** Root fallback while the first (lazy) route loads. */
export function AppLayoutFallback() {
  return (
    <div className="min-h-screen bg-slate-50 px-6 py-20 dark:bg-slate-950">
      <div className="mx-auto max-w-screen-2xl">
        <PageSkeleton />
      </div>
    </div>
  );
}
