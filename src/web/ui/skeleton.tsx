import { classNames } from '../lib/class-names.ts';

/** A grey pulsing placeholder with the size given by `className`; hidden from assistive tech. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={classNames(
        'animate-pulse rounded-md bg-slate-200 dark:bg-slate-800',
        className ?? 'h-4 w-full',
      )}
    />
  );
}

/** Wraps skeletons with a status announcement so screen readers hear "Loading …". */
export function LoadingRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
