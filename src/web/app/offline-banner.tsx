import { useOnlineStatus } from '../lib/use-online-status.ts';
import { OfflineIcon } from '../ui/icons.tsx';

/** A strip under the header while the browser reports no network. */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <OfflineIcon />
      You are offline. What is on screen may be out of date, and changes cannot be saved until the network
      returns.
    </div>
  );
}
