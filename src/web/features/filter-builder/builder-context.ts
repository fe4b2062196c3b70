import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Metric } from '../../../contract/metric-schema.ts';
import type { FilterTree } from './filter-tree.ts';
import { NodeStatusStore, type NodeStatus } from './node-status-store.ts';

/** What a control should receive focus after an edit: `data-focus-key="<node id>:<control>"`. */
export type FocusControl =
  | 'field'
  | 'metadata-key'
  | 'operator'
  | 'value'
  | 'combinator'
  | 'handle'
  | 'add-condition'
  | 'move-up'
  | 'move-down'
  | 'indent'
  | 'outdent'
  | 'duplicate'
  | 'remove'
  /** The "More actions" menu of a narrow row. */
  | 'more'
  | 'first';

export interface FocusRequest {
  readonly id: string;
  readonly control: FocusControl;
}

export function focusKey(id: string, control: FocusControl): string {
  return `${id}:${control}`;
}

/**
 * Known values of text fields, for suggestions (given by the host, which knows where they come from:
 * the builder itself makes no request). `valuesOf` gives what is known so far, most frequent first;
 * `want` is called when a value input of that field is about to be used.
 */
export interface ValueSuggestionSource {
  readonly valuesOf: (field: string) => readonly { value: string; count: number }[];
  readonly want: (field: string) => void;
}

/** Inputs that rarely change; every row may read them. */
export interface BuilderEnvironment {
  readonly metrics: readonly Metric[];
  readonly metadataKeys: readonly string[];
  /** Null when the host gives none: text values are then plain text boxes. */
  readonly valueSuggestions: ValueSuggestionSource | null;
  readonly disabled: boolean;
}

/** Stable for the builder's lifetime: applying an edit never changes this object. */
export interface BuilderActions {
  /** Applies a pure tree edit; no-op edits (same tree back) do nothing. Optionally moves focus after. */
  readonly apply: (edit: (tree: FilterTree) => FilterTree, focus?: FocusRequest) => void;
  /** The tree as of the last applied edit (for handlers that must decide before editing). */
  readonly getTree: () => FilterTree;
  readonly requestFocus: (focus: FocusRequest) => void;
}

export const EnvironmentContext = createContext<BuilderEnvironment>({
  metrics: [],
  metadataKeys: [],
  valueSuggestions: null,
  disabled: false,
});
export const ActionsContext = createContext<BuilderActions | null>(null);
export const NowContext = createContext<Date>(new Date(0));
export const StatusContext = createContext<NodeStatusStore>(new NodeStatusStore());

export function useBuilderActions(): BuilderActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('Filter builder rows must be rendered inside FilterBuilder.');
  return actions;
}

export function useBuilderEnvironment(): BuilderEnvironment {
  return useContext(EnvironmentContext);
}

/** This node's validation messages and contradiction warnings; re-renders only when they change. */
export function useNodeStatus(id: string): NodeStatus {
  const store = useContext(StatusContext);
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}
