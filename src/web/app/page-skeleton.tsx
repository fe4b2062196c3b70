import { LoadingRegion, Skeleton } from '../ui/skeleton.tsx';

/** Shown while a lazily loaded page's code arrives. */
export function PageSkeleton() {
  return (
    <LoadingRegion label="Loading page">
      <div className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-96" />
        <div className="grid grid-cols-3 gap-4 pt-4">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      </div>
    </LoadingRegion>
  );
}
