import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { validateFilter } from '../../../contract/filter-validation.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { useNow } from '../../lib/use-now.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { AlertIcon } from '../../ui/icons.tsx';
import {
  ActionsContext,
  EnvironmentContext,
  NowContext,
  StatusContext,
  type BuilderActions,
  type BuilderEnvironment,
  type FocusRequest,
  type ValueSuggestionSource,
} from './builder-context.ts';
import { FilterJsonEditor } from './filter-json-editor.tsx';
import { fromWire, toWire } from './filter-tree.ts';
import { FilterTreeEditor } from './filter-tree-editor.tsx';
import { findContradictions } from './find-contradictions.ts';
import { focusNodeControl } from './focus-node-control.ts';
import { formatFilterJson, readJsonDraft } from './json-draft.ts';
import { mapFilterErrors } from './map-filter-errors.ts';
import { NodeStatusStore, type NodeStatus } from './node-status-store.ts';
import { summarizeFilter } from './summarize-filter.ts';
import { useControlledTree } from './use-controlled-tree.ts';

export { EffectiveFilterView, type EffectiveFilterViewProps } from './effective-filter-view.tsx';
export { summarizeFilter } from './summarize-filter.ts';
export { findContradictions, type Contradiction } from './find-contradictions.ts';
export { fromWire, toWire, type FilterTree } from './filter-tree.ts';
export type { ValueSuggestionSource } from './builder-context.ts';

export interface FilterBuilderProps {
  /**
   * The wire filter (`Filter | null`, exactly what the API stores), so a react-hook-form field or a
   * dashboard draft can hold it as is. Node ids live inside the builder and survive the round trip:
   * passing back what `onChange` gave keeps focus and collapse state.
   */
  readonly value: Filter | null;
  readonly onChange: (value: Filter | null) => void;
  /** For the metric picker, enum values and metric names in the summary (`GET /test_framework/v1/metrics/`). */
  readonly metrics?: readonly Metric[];
  /** Metadata keys already used on this dashboard, suggested for `metadata.<key>`. */
  readonly metadataKeys?: readonly string[];
  /** Values that exist for text fields (topic, `metadata.<key>`…), offered with their counts. */
  readonly valueSuggestions?: ValueSuggestionSource | null;
  /** Server or contract messages, D8 path-prefixed ones land on their rows, the rest above the builder. */
  readonly errors?: readonly string[];
  /** The heading; also names the region. Default "Filters". */
  readonly label?: string;
  readonly disabled?: boolean;
  /** The clock for relative times and contradictions (tests); by default the time, refreshed every minute. */
  readonly now?: Date;
}

const NO_METRICS: readonly Metric[] = [];
const NO_KEYS: readonly string[] = [];
const NO_ERRORS: readonly string[] = [];

type Mode = 'visual' | 'json';

/**
 * The visual filter-tree builder: a controlled leaf (`value`/`onChange`) that knows nothing of forms
 * or HTTP. Groups (All of / Any of / Same evaluation) of field → operator → value rows, drag and drop
 * and keyboard moves, inline validation with the contract's own rules, a one-line summary that is
 * always visible, and an "Edit as JSON" view that switches back without loss.
 */
export function FilterBuilder({
  value,
  onChange,
  metrics = NO_METRICS,
  metadataKeys = NO_KEYS,
  valueSuggestions = null,
  errors = NO_ERRORS,
  label = 'Filters',
  disabled = false,
  now: fixedNow,
}: FilterBuilderProps) {
  const { tree, apply, getTree } = useControlledTree(value, onChange);
  const clock = useNow(60_000);
  const now = fixedNow ?? clock;
  const baseId = useId();
  const containerRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<FocusRequest | null>(null);
  const [mode, setMode] = useState<Mode>('visual');
  const [jsonText, setJsonText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [switchBlocked, setSwitchBlocked] = useState(false);
  const [store] = useState(() => new NodeStatusStore());

  const wire = useMemo(() => toWire(tree), [tree]);
  const localMessages = useMemo(() => validateFilter(wire, { metrics }), [wire, metrics]);
  const mapped = useMemo(() => {
    const local = mapFilterErrors(tree, localMessages, { unprefixedIsRoot: true });
    const server = mapFilterErrors(tree, errors);
    const byNode = new Map(local.byNode);
    for (const [id, nodeErrors] of server.byNode) {
      const known = byNode.get(id) ?? [];
      const added = nodeErrors.filter((error) => !known.some((other) => other.message === error.message));
      byNode.set(id, [...known, ...added]);
    }
    return { byNode, unmapped: [...new Set([...local.unmapped, ...server.unmapped])] };
  }, [tree, localMessages, errors]);
  const contradictions = useMemo(() => findContradictions(tree, { now }), [tree, now]);
  const summary = useMemo(() => summarizeFilter(wire, { metrics }), [wire, metrics]);

  useLayoutEffect(() => {
    const statuses = new Map<string, NodeStatus>();
    for (const [id, nodeErrors] of mapped.byNode) statuses.set(id, { errors: nodeErrors, warnings: [] });
    for (const contradiction of contradictions) {
      for (const id of contradiction.nodeIds) {
        const current = statuses.get(id) ?? { errors: [], warnings: [] };
        statuses.set(id, { ...current, warnings: [...current.warnings, contradiction.message] });
      }
    }
    store.set(statuses);
  }, [store, mapped, contradictions]);

  useLayoutEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    pendingFocus.current = null;
    focusNodeControl(containerRef.current, request);
  });

  const actions = useMemo<BuilderActions>(
    () => ({
      apply: (edit, focus) => {
        if (apply(edit) && focus) pendingFocus.current = focus;
      },
      getTree,
      requestFocus: (focus) => {
        pendingFocus.current = focus;
      },
    }),
    [apply, getTree],
  );
  const environment = useMemo<BuilderEnvironment>(
    () => ({ metrics, metadataKeys, valueSuggestions, disabled }),
    [metrics, metadataKeys, valueSuggestions, disabled],
  );

  const showJson = () => {
    setJsonText(formatFilterJson(wire));
    setJsonProblem(null);
    setSwitchBlocked(false);
    setMode('json');
  };
  const showVisual = (discard: boolean) => {
    if (jsonProblem !== null && !discard) {
      setSwitchBlocked(true);
      return;
    }
    setSwitchBlocked(false);
    setMode('visual');
  };
  const onJsonChange = (text: string) => {
    setJsonText(text);
    setSwitchBlocked(false);
    const result = readJsonDraft(text);
    setJsonProblem(result.ok ? null : result.problem);
    if (result.ok)
      apply((current) => (isSameWire(toWire(current), result.filter) ? current : fromWire(result.filter)));
  };
  const jsonMessages = useMemo(() => {
    const parsed = readJsonDraft(jsonText).parsed;
    return parsed === undefined ? errors : [...validateFilter(parsed, { metrics }), ...errors];
  }, [jsonText, metrics, errors]);

  const topMessages = mode === 'visual' ? mapped.unmapped : [];
  return (
    <section
      ref={containerRef}
      aria-labelledby={`${baseId}-title`}
      aria-describedby={`${baseId}-summary`}
      className="space-y-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${baseId}-title`} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          {label}
        </h3>
        <div
          role="group"
          aria-label="Filter view"
          className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700"
        >
          <ModeButton
            pressed={mode === 'visual'}
            onClick={() => (mode === 'json' ? showVisual(false) : undefined)}
          >
            Visual
          </ModeButton>
          <ModeButton pressed={mode === 'json'} onClick={() => (mode === 'visual' ? showJson() : undefined)}>
            Edit as JSON
          </ModeButton>
        </div>
      </div>
      <p
        id={`${baseId}-summary`}
        className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:bg-indigo-950/50 dark:text-indigo-100"
      >
        <span className="font-medium">Summary: </span>
        <span data-filter-summary="">{summary}</span>
      </p>
      {topMessages.length > 0 ? (
        <ul
          aria-label="Filter problems"
          className="space-y-1 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-300"
        >
          {topMessages.map((message) => (
            <li key={message} className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {message}
            </li>
          ))}
        </ul>
      ) : null}
      {contradictions.length > 0 && mode === 'visual' ? (
        <ul
          aria-label="Contradictions"
          className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {contradictions.map((contradiction) => (
            <li key={contradiction.message} className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {contradiction.message}: no call can match.
            </li>
          ))}
        </ul>
      ) : null}
      <ActionsContext value={actions}>
        <EnvironmentContext value={environment}>
          <NowContext value={now}>
            <StatusContext value={store}>
              {mode === 'visual' ? (
                <>
                  <FilterTreeEditor tree={tree} />
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    Keyboard: Alt+↑/↓ moves a condition or group, Alt+→ indents it into a new group, Alt+←
                    outdents it. Drag handles also work with Space and the arrow keys.
                  </p>
                </>
              ) : (
                <FilterJsonEditor
                  text={jsonText}
                  onTextChange={onJsonChange}
                  problem={jsonProblem}
                  messages={jsonMessages}
                  switchBlocked={switchBlocked}
                  onDiscard={() => showVisual(true)}
                  disabled={disabled}
                />
              )}
            </StatusContext>
          </NowContext>
        </EnvironmentContext>
      </ActionsContext>
    </section>
  );
}

function isSameWire(a: Filter | null, b: Filter | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function ModeButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={classNames(
        'rounded px-2.5 py-1 text-sm font-medium',
        pressed
          ? 'bg-indigo-600 text-white dark:bg-indigo-400 dark:text-slate-950'
          : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
        FOCUS_RING,
      )}
    >
      {children}
    </button>
  );
}
