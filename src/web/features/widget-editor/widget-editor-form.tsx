import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { normalizeGroupBy } from '../../../contract/widget-rules.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { previewQueries } from '../../api/preview-queries.ts';
import { useCreateWidget } from '../../api/use-create-widget.ts';
import { useDeleteWidget } from '../../api/use-delete-widget.ts';
import { useSaveWidget } from '../../api/use-save-widget.ts';
import { newerWidget, type CachedWidget } from '../../api/widget-cache.ts';
import { widgetQueries } from '../../api/widget-queries.ts';
import { useNow } from '../../lib/use-now.ts';
import { Button, buttonClassName } from '../../ui/button.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/toast.tsx';
import { AdaptedNote } from './draft/adapted-note.tsx';
import { compareUnavailableReason } from '../../lib/compare-availability.ts';
import { ConflictDialog } from './save/conflict-dialog.tsx';
import { DeleteWidgetDialog } from './save/delete-widget-dialog.tsx';
import { describeWidget } from './draft/describe-widget.ts';
import { suggestName } from './draft/suggest-name.ts';
import { changedDraftKeys, diffWidget } from './save/diff-widget.ts';
import { DraftRestoreBanner } from './draft/draft-restore-banner.tsx';
import { draftOriginOf, draftStorageKey, removeDraft } from './draft/draft-storage.ts';
import { metadataKeysInUse } from './form/field-options.ts';
import { JsonDialog } from './save/json-dialog.tsx';
import { LeaveDialog } from './save/leave-dialog.tsx';
import { activeServerErrors, type ServerErrors } from './draft/map-widget-errors.ts';
import { describeSaveBlocker } from './preview/preview-blocker.ts';
import { useComparison } from '../../api/use-comparison.ts';
import { PreviewPanel } from './preview/preview-panel.tsx';
import { compareConflict } from './save/save-conflict.ts';
import { classifyWriteFailure } from './save/save-outcome.ts';
import { UnsavedChanges } from './save/unsaved-changes.tsx';
import { browserDraftStore, useDraftAutosave } from './draft/use-draft-autosave.ts';
import { useDraftEditor } from './draft/use-draft-editor.ts';
import { useDraftOffer } from './draft/use-draft-offer.ts';
import { isWholeDraft, useDraftValues } from './draft/use-draft-values.ts';
import { useLeaveGuard } from './save/use-leave-guard.ts';
import { usePreviewData } from './preview/use-preview-data.ts';
import { useUndoShortcuts } from './draft/use-undo-shortcuts.ts';
import { WidgetFormPanel } from './form/widget-form-panel.tsx';
import {
  DRAFT_KEYS,
  draftToPreviewBody,
  draftToWidgetInput,
  newWidgetDraft,
  widgetToDraft,
  type WidgetDraft,
  type WidgetDraftKey,
} from './draft/widget-form-model.ts';
import {
  readDraftErrors,
  toDrfErrors,
  widgetResolver,
  type WidgetFormContext,
} from './draft/widget-resolver.ts';
import { widgetCopyName } from '../../lib/widget-copy-name.ts';

// The version history panel loads beside the editor, not before it: it opens on demand, and this keeps
// the editor route's JavaScript within its budget. The download starts when this module runs.
const loadHistoryPanel = () => import('../version-history/version-history.tsx');
loadHistoryPanel().catch(() => undefined);
const WidgetHistoryPanel = lazy(() => loadHistoryPanel().then((m) => ({ default: m.WidgetHistoryPanel })));

export interface WidgetEditorFormProps {
  dashboard: Dashboard;
  /** The cache's copy of the widget (the form is seeded from the first one); null for a new widget. */
  widget: CachedWidget | null;
  metrics: readonly Metric[] | null;
  metricsError: string | null;
}

/** `metadata` for a copy: everything but the layout, so the copy takes the first free slot (D14). */
function metadataForCopy(widget: CachedWidget | null): Record<string, unknown> | null {
  if (!widget?.metadata) return null;
  const { layout: _layout, ...rest } = widget.metadata;
  return rest;
}

/**
 * The widget editor's one form. react-hook-form owns the draft: its values are the draft (read with
 * `useDraftValues`), its default values the server copy it was seeded from, its errors the contract's
 * `checkWidget` (the resolver). The server copy itself lives in the query cache (`widget`); the form
 * only remembers which version it was seeded from (`seededFrom`), so a newer copy in the cache (a
 * refetch, a conflict) is never written over silently. Edits go through `useDraftEditor` (adaptation,
 * undo/redo); a save resets the form to the saved copy, without a remount.
 */
export function WidgetEditorForm({ dashboard, widget, metrics, metricsError }: WidgetEditorFormProps) {
  const api = useApiClient();
  const toast = useToast();
  const navigate = useNavigate();
  const now = useNow(60_000);
  const queryClient = useQueryClient();
  const isNew = widget === null;
  const form = useForm<WidgetDraft, WidgetFormContext>({
    defaultValues: widget ? widgetToDraft(widget) : newWidgetDraft(),
    resolver: widgetResolver,
    context: { metrics },
  });
  const editor = useDraftEditor(form, metrics, widget?.updated_at ?? null);
  const { seededFrom } = editor;
  const draft = useDraftValues(form.control);
  const { defaultValues, errors: formErrors, isValid } = form.formState;
  const saved = isWholeDraft(defaultValues) ? defaultValues : draft;
  useUndoShortcuts(editor);
  const { trigger } = form;
  // The rules depend on the metrics too: check again when they arrive (and once on open).
  useEffect(() => {
    void trigger();
  }, [trigger, metrics]);

  const dashboardPath = `/dashboards/${dashboard.id}`;
  const storageKey = draftStorageKey(dashboard.id, widget?.id ?? 'new');
  const origin = draftOriginOf(dashboard, widget);
  const [offer, setOffer] = useDraftOffer(storageKey, origin, saved);
  const autosave = useDraftAutosave({
    storageKey,
    draft,
    saved,
    baseUpdatedAt: seededFrom,
    origin,
    enabled: offer === null,
  });

  const changedKeys = changedDraftKeys(saved, draft);
  const allowLeave = useRef(false);
  const blocker = useLeaveGuard(changedKeys.length > 0, allowLeave);

  // An untouched form follows the cache: the widget's own GET replacing the dashboard's copy of it,
  // a restored version. A form with changes holds, and its save's conflict check catches the rest.
  const follow = widget !== null && widget.updated_at !== seededFrom && changedKeys.length === 0;
  useEffect(() => {
    if (!follow) return;
    editor.rebase(widgetToDraft(widget), widget.updated_at);
  }, [follow, widget, editor]);

  const base = { dashboard: dashboard.id, metadata: widget?.metadata ?? null };
  const rules = readDraftErrors(formErrors);
  // Until the resolver has run once, nothing is known: the preview waits rather than ask for a draft
  // the rules may refuse.
  const checked = isValid || Object.keys(formErrors).length > 0;
  const ruleErrors = toDrfErrors(rules);
  // A blank cohort name blocks the save, not the data: the preview draws what the fields ask for.
  const { insights: _insightProblems, ...dataFieldErrors } = rules.fields;
  const previewRuleErrors = toDrfErrors({ ...rules, fields: dataFieldErrors });
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const server = activeServerErrors(serverErrors, draft);
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
    ruleErrors: previewRuleErrors,
    checked,
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
  // Open while the cache holds someone else's copy that my save ran into.
  const [conflict, setConflict] = useState(false);
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

  const widgetKey = widget ? widgetQueries.detail(api, widget.id).queryKey : null;
  /** The form now stands for `copy` (saved, theirs reloaded): default values, version, cache. */
  const seedFrom = (copy: CachedWidget, attempted?: WidgetDraft) => {
    if (widgetKey) queryClient.setQueryData(widgetKey, copy);
    editor.rebase(widgetToDraft(copy), copy.updated_at, attempted);
  };

  const handleWriteError = (error: unknown, attempted: WidgetDraft) => {
    const failure = classifyWriteFailure(error, attempted);
    switch (failure.kind) {
      case 'landed':
        setConflict(false);
        autosave.discard();
        toast.show({ tone: 'success', title: 'Widget saved' });
        seedFrom(failure.theirs, attempted);
        return;
      case 'conflict':
        // Their copy goes into the cache: the dialog compares against it and Overwrite writes onto it.
        if (widgetKey) queryClient.setQueryData(widgetKey, failure.theirs);
        setConflict(true);
        return;
      case 'rejected':
        setServerErrors({ draft: attempted, errors: failure.errors });
        toast.show({
          tone: 'error',
          title: 'The server rejected the widget',
          description: 'See the messages on the form.',
        });
        return;
      case 'failed':
        toast.show({ tone: 'error', title: 'Could not save the widget', description: failure.message });
    }
  };

  /** Saves the form's values; `overwrite` writes onto the cache's (their) copy after a conflict. */
  const save = async (overwrite: boolean) => {
    const attempted = form.getValues();
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
      const expectedUpdatedAt = overwrite ? widget.updated_at : seededFrom;
      const written = await saveMutation.mutateAsync({
        widgetId: widget.id,
        patch: diffWidget(saved, attempted, widget),
        expectedUpdatedAt,
        ifMatch: widget.updated_at === expectedUpdatedAt ? widget.etag : null,
      });
      setConflict(false);
      autosave.discard();
      seedFrom(written, attempted);
      toast.show({ tone: 'success', title: 'Widget saved' });
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
          saved={saved}
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
            onClick={() => void form.handleSubmit(() => save(false))()}
          >
            {isNew ? 'Create widget' : 'Save'}
          </Button>
        </div>
      </header>

      {offer ? (
        <DraftRestoreBanner
          savedAt={offer.savedAt}
          keys={changedDraftKeys(saved, offer.draft)}
          serverChangedSince={!isNew && offer.baseUpdatedAt !== seededFrom}
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
            if (saveBlockReason === null) void form.handleSubmit(() => save(false))();
          }}
        >
          <WidgetFormPanel
            control={form.control}
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
        open={conflict && widget !== null}
        rows={conflict && widget ? compareConflict(saved, widgetToDraft(widget), draft, metrics ?? []) : []}
        updatedAt={widget?.updated_at ?? null}
        busy={saveMutation.isPending}
        onCancel={() => setConflict(false)}
        onReloadTheirs={() => {
          if (!widget) return;
          autosave.discard();
          setConflict(false);
          seedFrom(widget);
        }}
        onOverwrite={() => void save(true)}
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
        <Suspense fallback={null}>
          <WidgetHistoryPanel
            widget={widget}
            open={historyOpen}
            blockedReason={
              changedKeys.length > 0 ? 'Save or discard your changes first: a restore replaces them.' : null
            }
            onClose={() => setHistoryOpen(false)}
            // The restored copy goes into the cache (unless a newer one landed there first: an undo's
            // refetch); the form, which has no changes, follows it. The widget is then read again, so
            // the editor ends as the server did whatever order the answers came in.
            onRestored={(restored) => {
              if (!widgetKey) return;
              queryClient.setQueryData<CachedWidget>(widgetKey, (current) =>
                newerWidget(current, { ...restored, etag: null }),
              );
              void queryClient.invalidateQueries({ queryKey: widgetKey, exact: true });
            }}
          />
        </Suspense>
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
