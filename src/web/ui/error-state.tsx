import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { AlertIcon, RefreshIcon } from './icons.tsx';

export interface ErrorStateProps {
  title: string;
  message: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  /** Extra actions beside Retry (e.g. a link to the Connection screen). */
  actions?: ReactNode;
}

/** An error panel (role="alert") with the message and a Retry button. */
export function ErrorState({ title, message, onRetry, retrying, actions }: ErrorStateProps) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm dark:border-rose-900/60 dark:bg-rose-950/40"
    >
      <div className="flex items-start gap-3">
        <AlertIcon className="mt-0.5 size-5 shrink-0 text-rose-600 dark:text-rose-400" />
        <div className="min-w-0 flex-1">
          <h2 className="font-semibold text-rose-900 dark:text-rose-200">{title}</h2>
          <div className="mt-1 break-words text-rose-800 dark:text-rose-300">{message}</div>
          {onRetry || actions ? (
            <div className="mt-3 flex flex-wrap gap-2">
              {onRetry ? (
                <Button size="sm" onClick={onRetry} loading={retrying}>
                  {retrying ? null : <RefreshIcon />}
                  Retry
                </Button>
              ) : null}
              {actions}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
