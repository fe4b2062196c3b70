import { useQuery } from '@tanstack/react-query';
import { startTransition, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { checkWidget, normalizeGroupBy } from '../../../contract/widget-rules.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError, isApiError } from '../../api/api-error.ts';
import { previewQueries } from '../../api/preview-queries.ts';
import { useCreateWidget } from '../../api/use-create-widget.ts';
import { useDeleteWidget } from '../../api/use-delete-widget.ts';
import { isWidgetConflict, useSaveWidget } from '../../api/use-save-widget.ts';
import type { CachedWidget } from '../../api/widget-cache.ts';
import { useNow } from '../../lib/use-now.ts';
import { Button, buttonClassName } from '../../ui/button.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { WidgetHistoryPanel } from '../version-history/version-history.tsx';
import { useToast } from '../../ui/toast.tsx';
import { AdaptedNote } from './adapted-note.tsx';
import { afterNextPaint } from './after-next-paint.ts';
import { compareUnavailableReason } from '../../lib/compare-availability.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { DeleteWidgetDialog } from './delete-widget-dialog.tsx';
import { describeWidget } from './describe-widget.ts';
import { suggestName } from './suggest-name.ts';
import { changedDraftKeys, diffWidget } from './diff-widget.ts';
import { DraftRestoreBanner } from './draft-restore-banner.tsx';
import { draftOriginOf, draftStorageKey, removeDraft } from './draft-storage.ts';
import { metadataKeysInUse } from './field-options.ts';
import { JsonDialog } from './json-dialog.tsx';
import { LeaveDialog } from './leave-dialog.tsx';
import { activeServerErrors, mapWidgetErrors, type ServerErrors } from './map-widget-errors.ts';
import { describeSaveBlocker } from './preview-blocker.ts';
import { useComparison } from '../../api/use-comparison.ts';
import { PreviewPanel } from './preview-panel.tsx';
import { compareConflict } from './save-conflict.ts';
import { UnsavedChanges } from './unsaved-changes.tsx';
import { browserDraftStore, useDraftAutosave } from './use-draft-autosave.ts';
import { useDraftEditor } from './use-draft-editor.ts';
import { useDraftOffer } from './use-draft-offer.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import { usePreviewData } from './use-preview-data.ts';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';
import { WidgetFormPanel } from './widget-form-panel.tsx';
import {
  DRAFT_KEYS,
  draftToPreviewBody,
  draftToWidgetInput,
  newWidgetDraft,
  widgetToDraft,
  type WidgetDraft,
  type WidgetDraftKey,
} from './widget-form-model.ts';
import { widgetResolver, type WidgetFormContext } from './widget-resolver.ts';
import { widgetCopyName } from '../../lib/widget-copy-name.ts';

export interface WidgetEditorFormProps {
  dashboard: Dashboard;
  /** The server copy the form is seeded from; null for a new widget. */
  widget: CachedWidget | null;
  metrics: readonly Metric[] | null;
  metricsError: string | null;
  /** A save or "Reload theirs" produced a new server copy: the page re-keys the form with it. */
  onReseed: (widget: CachedWidget) => void;
}

/** `metadata` for a copy: everything but the layout, so the copy takes the first free slot (D14). */
function metadataForCopy(widget: CachedWidget | null): Record<string, unknown> | null {
  if (!widget?.metadata) return null;
  const { layout: _layout, ...rest } = widget.metadata;
  return rest;
}

/**
 * The widget editor's one form, seeded once from the server copy (the page keys it by widget id and
 * `updated_at`, so a save re-seeds it by remounting). Values live in react-hook-form, validated by the
 * contract's `checkWidget`; edits go through `useDraftEditor` (adaptation, undo/redo); the preview,
 * autosave, leave guard and save flow hang off the current draft.
 */
export function WidgetEditorForm({
  dashboard,
  widget,
  metrics,
  metricsError,
  onReseed,
}: WidgetEditorFormProps) {
  const api = useApiClient();
  const toast = useToast();
  const navigate = useNavigate();
  const now = useNow(60_000);
  const isNew = widget === null;
  const saved = useMemo(() => (widget ? widgetToDraft(widget) : newWidgetDraft()), [widget]);
  const form = useForm<WidgetDraft, WidgetFormContext>({
    defaultValues: saved,
    resolver: widgetResolver,
    context: { metrics },
  });
  const editor = useDraftEditor(form, metrics);
  const { draft } = editor;
  useUndoShortcuts(editor);

  const dashboardPath = `/dashboards/${dashboard.id}`;
  const storageKey = draftStorageKey(dashboard.id, widget?.id ?? 'new');
  const origin = draftOriginOf(dashboard, widget);
  const [offer, setOffer] = useDraftOffer(storageKey, origin, saved);
  const autosave = useDraftAutosave({
    storageKey,
    draft,
    saved,
    baseUpdatedAt: widget?.updated_at ?? null,
    origin,
    enabled: offer === null,
  });

  // Set when a save succeeds: the header shows the saved state against it at once; the form is re-keyed
  // with the saved copy (a remount of the form and the chart) just after that paint.
  const [justSaved, setJustSaved] = useState<WidgetDraft | null>(null);
  const baseline = justSaved ?? saved;
  const changedKeys = changedDraftKeys(baseline, draft);
  const allowLeave = useRef(false);
  const blocker = useLeaveGuard(changedKeys.length > 0, allowLeave);

  const base = { dashboard: dashboard.id, metadata: widget?.metadata ?? null };
  const ruleErrors = useMemo(
    () => checkWidget(draftToWidgetInput(draft, { dashboard: dashboard.id, metadata: null }), { metrics }),
    [draft, metrics, dashboard.id],
  );
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const server = activeServerErrors(serverErrors, draft);
  const rules = mapWidgetErrors(ruleErrors);
  const fieldErrors: Partial<Record<WidgetDraftKey, string>> = {};
  for (const key of DRAFT_KEYS) {
    const messages = server.fields[key] ?? rules.fields[key];
    if (messages && key !== 'filters') fieldErrors[key] = messages.join(' ');
  }
  const topErrors = [...server.other, ...rules.other];

  const metric = draft.metric === null ? null : (metrics?.find((m) => m.id === draft.metric) ?? null);
  const description = describeWidget(draft, { metric, dashboardFilters: dashboard.filters });
  const metadataKeys = useMemo(
    () => metadataKeysInUse(dashboard.widgets.flatMap((w) => [w.field, groupByField(w.group_by)])),
    [dashboard.widgets],
  );

  const preview = usePreviewData({
    draft,
    dashboardId: dashboard.id,
    dashboardFilters: dashboard.filters,
    ruleErrors,
    now,
  });
  const editorDashboard = useMemo(
    () => ({ id: dashboard.id, filters: dashboard.filters }),
    [dashboard.id, dashboard.filters],
  );
  // The compared window of a draft whose own preview is drawn (never for a draft the rules refuse).
  const period = useComparison(
    draft.insights.compare && preview.state.kind === 'ready' ? draftToPreviewBody(draft, dashboard.id) : null,
    editorDashboard,
    draft.insights.compare,
  );
  const [compare, setCompare] = useState(false);
  const comparison = useQuery({
    ...previewQueries.saved(api, widget?.id ?? 0),
    enabled:
      compare && widget !== null && compareUnavailableReason(draft.chart_type, saved.chart_type) === null,
  });

  const saveMutation = useSaveWidget();
  const createMutation = useCreateWidget();
  const deleteMutation = useDeleteWidget();
  const [conflict, setConflict] = useState<CachedWidget | null>(null);
  const [jsonOpen, setJsonOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const busy = saveMutation.isPending || createMutation.isPending;

  const saveBlockReason = busy
    ? 'Saving…'
    : ruleErrors !== null
      ? describeSaveBlocker(draft, ruleErrors)
      : !isNew && changedKeys.length === 0
        ? 'No changes to save'
        : null;

  const handleWriteError = (error: unknown, attempted: WidgetDraft) => {
    if (isWidgetConflict(error)) {
      // The server copy already says exactly what I tried to save: my save landed and only its answer
      // was lost (a retried write then meets its own change). Take it as saved, not as a conflict.
      if (changedDraftKeys(widgetToDraft(error.theirs), attempted).length === 0) {
        setConflict(null);
        autosave.discard();
        toast.show({ tone: 'success', title: 'Widget saved' });
        onReseed(error.theirs);
        return;
      }
      setConflict(error.theirs);
      return;
    }
    if (isApiError(error) && error.kind === 'http' && error.status === 400) {
      const mapped = mapWidgetErrors(error.fieldErrors);
      setServerErrors({ draft: attempted, errors: mapped });
      toast.show({
        tone: 'error',
        title: 'The server rejected the widget',
        description: 'See the messages on the form.',
      });
      return;
    }
    toast.show({ tone: 'error', title: 'Could not save the widget', description: describeError(error) });
  };

  const save = async (onto: CachedWidget | null) => {
    const attempted = draft;
    setServerErrors(null);
    try {
      if (widget === null) {
        const created = await createMutation.mutateAsync(draftToWidgetInput(attempted, base));
        autosave.discard();
        allowLeave.current = true;
        toast.show({ tone: 'success', title: 'Widget created' });
        await navigate(`${dashboardPath}/widgets/${created.id}/edit`, { replace: true });
        return;
      }
      const target = onto ?? widget;
      const written = await saveMutation.mutateAsync({
        widgetId: widget.id,
        patch: diffWidget(saved, attempted, target),
        expectedUpdatedAt: target.updated_at,
        ifMatch: target.etag,
      });
      setConflict(null);
      autosave.discard();
      setJustSaved(widgetToDraft(written));
      toast.show({ tone: 'success', title: 'Widget saved' });
      // Re-keying remounts the form and the chart (~100 ms of work): after the frame that shows
      // "All changes saved", and as a transition, so input goes first.
      afterNextPaint(() => startTransition(() => onReseed(written)));
    } catch (error: unknown) {
      handleWriteError(error, attempted);
    }
  };

  const duplicate = async () => {
    const copy = { ...draft, name: widgetCopyName(draft) };
    try {
      const created = await createMutation.mutateAsync(
        draftToWidgetInput(copy, { dashboard: dashboard.id, metadata: metadataForCopy(widget) }),
      );
      toast.show({
        tone: 'success',
        title: 'Widget duplicated',
        description: changedKeys.length > 0 ? 'The copy includes your unsaved changes.' : undefined,
        action: {
          label: 'Open copy',
          onClick: () => void navigate(`${dashboardPath}/widgets/${created.id}/edit`),
        },
      });
    } catch (error: unknown) {
      toast.show({
        tone: 'error',
        title: 'Could not duplicate the widget',
        description: describeError(error),
      });
    }
  };

  const remove = async () => {
    if (widget === null) return;
    try {
      await deleteMutation.mutateAsync({
        widgetId: widget.id,
        dashboardId: dashboard.id,
        ifMatch: widget.etag,
      });
      autosave.discard();
      allowLeave.current = true;
      toast.show({ tone: 'success', title: 'Widget deleted' });
      await navigate(dashboardPath);
    } catch {
      // The dialog shows the error and stays open.
    }
  };

  const title = draft.name || (isNew ? 'New widget' : 'Untitled widget');
  // Written only while the dialog is open: it is not needed for any other render.
  const jsonSections = !jsonOpen
    ? []
    : isNew
      ? [{ label: 'POST /dashboards/widgets/', value: draftToWidgetInput(draft, base) }]
      : [
          {
            label: `PATCH /dashboards/widgets/${widget.id}/ (what Save sends)`,
            value: diffWidget(saved, draft, widget),
          },
          { label: 'The widget as it will be after saving', value: draftToWidgetInput(draft, base) },
        ];

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center gap-3">
        <Link to={dashboardPath} className={buttonClassName('ghost', 'sm')}>
          <ArrowLeftIcon className="size-4" />
          {dashboard.name || 'Dashboard'}
        </Link>
        <h1 dir="auto" className="min-w-0 flex-1 truncate text-xl font-semibold">
          {title}
        </h1>
        <UnsavedChanges
          keys={changedKeys}
          saved={baseline}
          draft={draft}
          metrics={metrics ?? []}
          isNew={isNew}
        />
        <div className="flex items-center gap-1" role="group" aria-label="History">
          <Button
            size="sm"
            variant="ghost"
            onClick={editor.undo}
            disabled={!editor.canUndo}
            aria-keyshortcuts="Control+Z"
          >
            Undo
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={editor.redo}
            disabled={!editor.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
          >
            Redo
          </Button>
        </div>
        <Button size="sm" onClick={() => setJsonOpen(true)}>
          View JSON
        </Button>
        {!isNew ? (
          <>
            <Button size="sm" onClick={() => setHistoryOpen(true)}>
              Version history
            </Button>
            <Button size="sm" onClick={() => void duplicate()} disabled={createMutation.isPending}>
              Duplicate
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-rose-600 dark:text-rose-400"
              onClick={() => setDeleteOpen(true)}
            >
              Delete
            </Button>
          </>
        ) : null}
        <div className="flex items-center gap-2">
          {saveBlockReason ? (
            <span
              id="save-reason"
              className="max-w-64 truncate text-xs text-slate-500 dark:text-slate-400"
              title={saveBlockReason}
            >
              {saveBlockReason}
            </span>
          ) : null}
          <Button
            variant="primary"
            loading={busy}
            disabled={saveBlockReason !== null}
            aria-describedby={saveBlockReason ? 'save-reason' : undefined}
            onClick={() => void form.handleSubmit(() => save(null))()}
          >
            {isNew ? 'Create widget' : 'Save'}
          </Button>
        </div>
      </header>

      {offer ? (
        <DraftRestoreBanner
          savedAt={offer.savedAt}
          keys={changedDraftKeys(saved, offer.draft)}
          serverChangedSince={!isNew && offer.baseUpdatedAt !== widget.updated_at}
          onRestore={() => {
            editor.replace(offer.draft);
            setOffer(null);
          }}
          onDiscard={() => {
            removeDraft(browserDraftStore, storageKey);
            setOffer(null);
          }}
        />
      ) : null}
      {editor.note ? (
        <AdaptedNote adapted={editor.note.adapted} onUndo={editor.undoNote} onDismiss={editor.dismissNote} />
      ) : null}
      {topErrors.length > 0 ? (
        <div
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/30 dark:text-rose-200"
        >
          {topErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <form
          aria-label="Widget settings"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (saveBlockReason === null) void form.handleSubmit(() => save(null))();
          }}
        >
          <WidgetFormPanel
            values={draft}
            errors={fieldErrors}
            filterErrors={server.fields.filters ?? []}
            metrics={metrics}
            metricsError={metricsError}
            metadataKeys={metadataKeys}
            projectId={dashboard.project}
            dashboardFilters={dashboard.filters}
            change={editor.change}
            seal={editor.seal}
            now={now}
            nameSuggestion={suggestName(draft, saved, description)}
          />
        </form>
        <div className="lg:sticky lg:top-4">
          <PreviewPanel
            preview={preview}
            chartType={draft.chart_type}
            display={draft.display}
            description={description}
            name={draft.name}
            compare={compare}
            onCompareChange={isNew ? null : setCompare}
            compareUnavailable={isNew ? null : compareUnavailableReason(draft.chart_type, saved.chart_type)}
            comparison={compare ? comparison.data : undefined}
            period={period}
            thresholds={draft.insights.thresholds}
            comparisonStatus={
              !compare ? 'idle' : comparison.isError ? 'error' : comparison.data ? 'ready' : 'loading'
            }
          />
        </div>
      </div>

      <ConflictDialog
        open={conflict !== null}
        rows={conflict ? compareConflict(saved, widgetToDraft(conflict), draft, metrics ?? []) : []}
        updatedAt={conflict?.updated_at ?? null}
        busy={saveMutation.isPending}
        onCancel={() => setConflict(null)}
        onReloadTheirs={() => {
          if (!conflict) return;
          autosave.discard();
          setConflict(null);
          onReseed(conflict);
        }}
        onOverwrite={() => void save(conflict)}
      />
      <LeaveDialog
        open={blocker.state === 'blocked'}
        changeCount={changedKeys.length}
        onStay={() => blocker.reset?.()}
        onLeave={() => blocker.proceed?.()}
        onDiscardAndLeave={() => {
          autosave.discard();
          blocker.proceed?.();
        }}
      />
      <JsonDialog
        open={jsonOpen}
        onClose={() => setJsonOpen(false)}
        title="Widget JSON"
        sections={jsonSections}
      />
      {widget ? (
        <WidgetHistoryPanel
          widget={widget}
          open={historyOpen}
          blockedReason={
            changedKeys.length > 0 ? 'Save or discard your changes first: a restore replaces them.' : null
          }
          onClose={() => setHistoryOpen(false)}
          onRestored={(restored) => onReseed({ ...restored, etag: null })}
        />
      ) : null}
      <DeleteWidgetDialog
        open={deleteOpen}
        name={draft.name}
        busy={deleteMutation.isPending}
        error={deleteMutation.error ? describeError(deleteMutation.error) : null}
        onCancel={() => {
          deleteMutation.reset();
          setDeleteOpen(false);
        }}
        onDelete={() => void remove()}
      />
    </div>
  );
}

function groupByField(groupBy: unknown): string | null {
  const parsed = normalizeGroupBy(groupBy);
  return parsed?.type === 'field' ? parsed.field : null;
}
