import { CheckIcon, AlertIcon } from '../../ui/icons.tsx';
import { ForwardingHelp } from './forwarding-help.tsx';
import type { ConnectionTestResult } from './test-connection.ts';

/** The outcome of "Test connection": the dashboards count, or the exact error and what to do. */
export function ConnectionTestResultPanel({
  result,
  baseUrl,
}: {
  result: ConnectionTestResult;
  baseUrl: string;
}) {
  if (result.ok) {
    const count = result.dashboardCount;
    return (
      <div
        role="status"
        className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200"
      >
        <CheckIcon className="mt-0.5 size-4 shrink-0" />
        <p>
          Connection works: {count} {count === 1 ? 'dashboard' : 'dashboards'} visible with this key.
        </p>
      </div>
    );
  }
  const { error } = result;
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-900/60 dark:bg-rose-950/40 dark:text-rose-200"
    >
      <div className="flex items-start gap-2">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <div>
          <p className="font-medium">Connection failed</p>
          <p className="mt-1 break-words">{error.message}</p>
          {error.kind === 'http' && error.status === 401 ? (
            <p className="mt-1">Check the API key: it is missing, mistyped or revoked.</p>
          ) : null}
        </div>
      </div>
      {error.kind === 'cors' ? <ForwardingHelp upstreamUrl={baseUrl} /> : null}
    </div>
  );
}
