import { LoadingRegion, Skeleton } from '../../ui/skeleton.tsx';

/** The table's shape while the dashboards load. */
export function DashboardsSkeleton() {
  return (
    <LoadingRegion label="Loading dashboards">
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="border-b border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-800 dark:bg-slate-900/60">
          <Skeleton className="h-3 w-1/3" />
        </div>
        {[0, 1, 2, 3, 4].map((row) => (
          <div
            key={row}
            className="flex items-center gap-6 border-b border-slate-100 px-4 py-4 last:border-0 dark:border-slate-800"
          >
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-10" />
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
