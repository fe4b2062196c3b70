import { describeError } from '../api/api-error.ts';
import { Button } from '../ui/button.tsx';
import { ErrorState } from '../ui/error-state.tsx';

/** What a page shows when it crashed while rendering; the header and navigation stay usable. */
export function PageErrorFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-8">
      <ErrorState
        title="This page failed to display"
        message={describeError(error)}
        onRetry={onRetry}
        actions={
          <Button size="sm" variant="ghost" onClick={() => window.location.reload()}>
            Reload the app
          </Button>
        }
      />
    </div>
  );
}
