import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import { describeWidgetFieldChanges } from '../../../contract/describe-dashboard-changes.ts';
import { WidgetLayoutSchema } from '../../../contract/widget-schema.ts';
import { Button } from '../../ui/button.tsx';
import { VersionWidgetPreview } from './version-widget-preview.tsx';
import { widgetTitle } from '../../lib/widget-title.ts';

const ROW_PX = 44;

/**
 * A version of the dashboard rendered with its layout: each card drawn on today's data, the ones that
 * differ from now marked and drawn against the current widget, each with its own Restore.
 */
export function VersionPreview({
  snapshot,
  current,
  restoring,
  onRestoreWidget,
}: {
  snapshot: Dashboard;
  current: Dashboard;
  restoring: boolean;
  onRestoreWidget: (widgetId: number) => void;
}) {
  const now = new Map(current.widgets.map((w) => [w.id, w]));
  return (
    <div
      className="grid grid-cols-12 gap-2"
      style={{ gridAutoRows: `${ROW_PX}px` }}
      role="list"
      aria-label="Widgets of this version"
    >
      {snapshot.widgets.map((widget, index) => {
        const layout = WidgetLayoutSchema.safeParse(widget.metadata?.layout);
        const place = layout.success ? layout.data : { x: 0, y: index * 4, w: 6, h: 4 };
        const today = now.get(widget.id) ?? null;
        const changes = today ? describeWidgetFieldChanges(today, widget) : [];
        const moved =
          today !== null &&
          JSON.stringify(today.metadata?.layout) !== JSON.stringify(widget.metadata?.layout);
        const state =
          today === null
            ? 'Not on the dashboard now'
            : changes.length > 0 || moved
              ? 'Differs from now'
              : null;
        const title = widgetTitle(widget);
        return (
          <div
            key={widget.id}
            role="listitem"
            aria-label={title}
            className="flex min-h-0 flex-col rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
            style={{
              gridColumn: `${Math.min(place.x, 11) + 1} / span ${Math.min(place.w, 12 - Math.min(place.x, 11))}`,
              gridRow: `${place.y + 1} / span ${Math.max(place.h, 3)}`,
            }}
          >
            <div className="flex items-center gap-2 px-2 pt-1">
              <span dir="auto" className="min-w-0 flex-1 truncate text-sm font-medium">
                {title}
              </span>
              {state ? (
                <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
                  {state}
                </span>
              ) : null}
              {state ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={restoring}
                  onClick={() => onRestoreWidget(widget.id)}
                  aria-label={`Restore widget ${title}`}
                >
                  Restore widget
                </Button>
              ) : null}
            </div>
            <div className="min-h-0 flex-1 px-1 pb-1">
              <VersionWidgetPreview
                widget={widget}
                dashboardFilters={snapshot.filters}
                current={changes.length > 0 ? today : null}
                label={title}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}
