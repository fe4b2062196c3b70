import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import {
  describeDashboardChanges,
  describeWidgetFieldChanges,
} from '../../../contract/describe-dashboard-changes.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { versionQueries } from '../../api/version-queries.ts';
import { formatDateTime } from '../../lib/format.ts';
import { widgetTitle } from '../../lib/widget-title.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { describeHistoryCoverage } from './history-coverage.ts';
import { HistoryState } from './history-state.tsx';
import { RestoreOutcome } from './restore-outcome.tsx';
import { useRestoreFlow } from './use-restore-flow.ts';
import { VersionPreview } from './version-preview.tsx';
import { VersionTimeline } from './version-timeline.tsx';
import { VersionWidgetPreview } from './version-widget-preview.tsx';

/** The version list (optionally of one widget) and the selected version, read while the panel is open. */
function useVersions(dashboardId: number, widgetId: number | null, open: boolean) {
  const api = useApiClient();
  const list = useQuery({ ...versionQueries.list(api, dashboardId, widgetId), enabled: open });
  const versions = list.data?.results ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const selectedId = chosen ?? versions[1]?.id ?? versions[0]?.id ?? null;
  const selected = useQuery({
    ...versionQueries.detail(api, dashboardId, selectedId ?? 0),
    enabled: open && selectedId !== null,
  });
  const coverage = list.data
    ? describeHistoryCoverage(list.data, widgetId === null ? 'dashboard' : 'widget')
    : undefined;
  return { list, versions, selectedId, setChosen, selected, coverage };
}

/**
 * The dashboard's history: a timeline of versions (who, when, what), the selected one rendered on
 * today's data with its differences from now in words, and Restore of the whole dashboard or one
 * widget as a new version, undoable right there. A newer change than the history shown is a
 * conflict: nothing is written and the history is read again.
 */
export function HistoryPanel({
  dashboard,
  open,
  onClose,
}: {
  dashboard: Dashboard;
  open: boolean;
  onClose: () => void;
}) {
  const { list, versions, selectedId, setChosen, selected, coverage } = useVersions(dashboard.id, null, open);
  const newest = versions[0];
  const restore = useRestoreFlow(dashboard.id, newest?.id, {
    onConflict: () => void list.refetch(),
    onRestored: () => setChosen(null),
  });
  const differences = useMemo(
    () => (selected.data ? describeDashboardChanges(dashboard, selected.data.snapshot) : []),
    [dashboard, selected.data],
  );
  const close = () => {
    restore.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="History"
      className="max-w-6xl"
      description={coverage?.description}
    >
      <HistoryState list={list} empty={coverage?.empty ?? ''}>
        <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
          <VersionTimeline versions={versions} selectedId={selectedId} onSelect={setChosen} />
          <section aria-label="Selected version" className="min-w-0 space-y-3">
            <RestoreOutcome
              done={restore.done}
              conflict={restore.conflict}
              pending={restore.pending}
              onUndo={(done) => done.undo && restore.run(done.undo, 'the state before the restore')}
            />
            {selected.isPending ? (
              <Spinner label="Loading the version" />
            ) : selected.isError ? (
              <ErrorState title="Could not load this version" message={describeError(selected.error)} />
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-base font-semibold">
                    Version of {formatDateTime(selected.data.created_at)}
                  </h3>
                  <Button
                    className="ml-auto"
                    variant="primary"
                    size="sm"
                    loading={restore.pending}
                    disabled={differences.length === 0 || newest === undefined}
                    onClick={() =>
                      restore.run({ version: selected.data.id, based_on: newest?.id }, 'this version')
                    }
                  >
                    Restore this version
                  </Button>
                </div>
                <Differences
                  items={differences.map((change) => change.text)}
                  heading="Differences from the dashboard now"
                  same="This is the dashboard as it is now."
                />
                <VersionPreview
                  snapshot={selected.data.snapshot}
                  current={dashboard}
                  restoring={restore.pending}
                  onRestoreWidget={(widgetId) =>
                    restore.run(
                      { version: selected.data.id, widget: widgetId, based_on: newest?.id },
                      'the widget',
                    )
                  }
                />
              </>
            )}
          </section>
        </div>
      </HistoryState>
    </Dialog>
  );
}

function Differences({ items, heading, same }: { items: readonly string[]; heading: string; same: string }) {
  return (
    <div>
      <h4 className="text-sm font-medium">{heading}</h4>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{same}</p>
      ) : (
        <ul aria-label="Differences from now" className="list-disc pl-5 text-sm">
          {items.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One widget's history, from its editor: the versions that changed it, the selected one drawn on
 * today's data against the widget as saved now, its differences in words, and Restore of this widget
 * only (undoable). `blockedReason` (unsaved edits) keeps Restore off: it would replace the draft.
 */
export function WidgetHistoryPanel({
  widget: saved,
  open,
  blockedReason,
  onClose,
  onRestored,
}: {
  widget: Widget;
  open: boolean;
  blockedReason: string | null;
  onClose: () => void;
  /** The widget as the restores left it, when the panel closes after any: the editor's new seed. */
  onRestored: (widget: Widget) => void;
}) {
  const dashboardId = saved.dashboard ?? 0;
  const { list, versions, selectedId, setChosen, selected, coverage } = useVersions(
    dashboardId,
    saved.id,
    open,
  );
  // A restore is checked against the dashboard's newest version, whichever widget it changed.
  const api = useApiClient();
  const all = useQuery({ ...versionQueries.list(api, dashboardId), enabled: open });
  const newest = all.data?.results[0];
  const pickWidget = (dashboard: Dashboard) => dashboard.widgets.find((w) => w.id === saved.id);
  // The editor is seeded with the restored widget when the panel closes: re-seeding re-mounts the
  // editor, which would take the panel (and its undo) with it.
  const [restored, setRestored] = useState<Widget | null>(null);
  const widget = restored ?? saved;
  const restore = useRestoreFlow(dashboardId, newest?.id, {
    onConflict: () => void Promise.all([list.refetch(), all.refetch()]),
    onRestored: (answer) => {
      setChosen(null);
      setRestored(pickWidget(answer.dashboard) ?? null);
    },
  });
  const then = selected.data ? pickWidget(selected.data.snapshot) : undefined;
  const differences = useMemo(() => (then ? describeWidgetFieldChanges(widget, then) : []), [widget, then]);
  const title = widgetTitle(widget);
  const close = () => {
    restore.reset();
    if (restored) onRestored(restored);
    setRestored(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`History of ${title}`}
      className="max-w-5xl"
      description={coverage?.description}
    >
      <HistoryState list={list} empty={coverage?.empty ?? ''}>
        <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
          <VersionTimeline versions={versions} selectedId={selectedId} onSelect={setChosen} />
          <section aria-label="Selected version" className="min-w-0 space-y-3">
            <RestoreOutcome
              done={restore.done}
              conflict={restore.conflict}
              pending={restore.pending}
              onUndo={(done) => done.undo && restore.run(done.undo, 'the widget as it was')}
            />
            {selected.isPending ? (
              <Spinner label="Loading the version" />
            ) : selected.isError ? (
              <ErrorState title="Could not load this version" message={describeError(selected.error)} />
            ) : then === undefined ? (
              <p className="text-sm">This widget was not on the dashboard in this version.</p>
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-base font-semibold">
                    Version of {formatDateTime(selected.data.created_at)}
                  </h3>
                  {blockedReason ? (
                    <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
                      {blockedReason}
                    </span>
                  ) : null}
                  <Button
                    className={blockedReason ? undefined : 'ml-auto'}
                    variant="primary"
                    size="sm"
                    loading={restore.pending}
                    disabled={differences.length === 0 || newest === undefined || blockedReason !== null}
                    onClick={() =>
                      restore.run(
                        { version: selected.data.id, widget: widget.id, based_on: newest?.id },
                        'this widget',
                      )
                    }
                  >
                    Restore this widget
                  </Button>
                </div>
                <Differences
                  items={differences}
                  heading="Differences from the widget now"
                  same="This is the widget as it is saved now."
                />
                <div className="h-72">
                  <VersionWidgetPreview
                    widget={then}
                    dashboardFilters={selected.data.snapshot.filters}
                    current={differences.length > 0 ? widget : null}
                    label={title}
                  />
                </div>
              </>
            )}
          </section>
        </div>
      </HistoryState>
    </Dialog>
  );
}
