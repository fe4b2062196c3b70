import type { DashboardVersionListItem } from '../../../contract/dashboard-version-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { formatDateTime, formatRelativeTime } from '../../lib/format.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';

/** The versions, newest first (who, when, what); the selected one is pressed. */
export function VersionTimeline({
  versions,
  selectedId,
  onSelect,
}: {
  versions: readonly DashboardVersionListItem[];
  selectedId: number | null;
  onSelect: (versionId: number) => void;
}) {
  return (
    <ol aria-label="Versions" className="max-h-[70vh] space-y-1 overflow-y-auto pr-1">
      {versions.map((version, index) => (
        <li key={version.id}>
          <button
            type="button"
            aria-pressed={version.id === selectedId}
            onClick={() => onSelect(version.id)}
            className={classNames(
              'w-full rounded-md border px-2 py-1.5 text-left text-sm',
              version.id === selectedId
                ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/50'
                : 'border-transparent hover:bg-slate-100 dark:hover:bg-slate-800',
              FOCUS_RING,
            )}
          >
            <span className="block font-medium">{version.summary}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {index === 0 ? 'Current · ' : ''}
              <time dateTime={version.created_at} title={formatDateTime(version.created_at)}>
                {formatRelativeTime(version.created_at, new Date())}
              </time>
              {version.author ? ` · ${version.author}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
