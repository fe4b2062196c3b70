import { useNow } from '../../lib/use-now.ts';

/** "Updated 12 seconds ago", ticking on its own so that only this text re-renders. */
export function UpdatedAgo({ at }: { at: number }) {
  const now = useNow(1000);
  if (at === 0) return null;
  const seconds = Math.max(0, Math.round((now.getTime() - at) / 1000));
  let text: string;
  if (seconds < 5) text = 'Updated just now';
  else if (seconds < 60) text = `Updated ${seconds} seconds ago`;
  else {
    const minutes = Math.floor(seconds / 60);
    text = `Updated ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  }
  return (
    <span
      className="text-xs whitespace-nowrap text-slate-500 tabular-nums dark:text-slate-400"
      data-testid="updated-ago"
    >
      {text}
    </span>
  );
}
