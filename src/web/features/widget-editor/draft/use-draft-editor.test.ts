// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { changedDraftKeys } from '../save/diff-widget.ts';
import { useDraftEditor, type DraftEditor } from './use-draft-editor.ts';
import { isWholeDraft, useDraftValues } from './use-draft-values.ts';
import { newWidgetDraft, type WidgetDraft } from './widget-form-model.ts';
import { widgetResolver, type WidgetFormContext } from './widget-resolver.ts';

// One list for every render, as the metrics query gives.
const METRICS: readonly Metric[] = [];
const SEED: WidgetDraft = { ...newWidgetDraft(), name: 'Calls' };
const ROSE = { ...SEED.display, color: 'rose' as const };

function useEditor() {
  const form = useForm<WidgetDraft, WidgetFormContext>({
    defaultValues: SEED,
    resolver: widgetResolver,
    context: { metrics: METRICS },
  });
  const editor = useDraftEditor(form, METRICS, '2026-01-01T00:00:00Z');
  // Read while rendering, as the editor does, so the form re-renders on new errors.
  const { errors } = form.formState;
  return { editor, form, errors, draft: useDraftValues(form.control) };
}

type Harness = ReturnType<typeof useEditor>;
type Step = (h: Harness) => void;

interface Case {
  name: string;
  steps: Step[];
  /** The form's values afterwards (only the keys given). */
  values: Partial<WidgetDraft>;
  /** Fields that differ from the form's default values (the seed) afterwards. */
  dirty: (keyof WidgetDraft)[];
  canUndo: boolean;
  canRedo: boolean;
}

const change =
  (patch: Partial<WidgetDraft>, group: string | null = null): Step =>
  (h) =>
    h.editor.change(patch, group);
const call =
  (action: keyof Pick<DraftEditor, 'undo' | 'redo' | 'seal' | 'undoNote'>): Step =>
  (h) =>
    h.editor[action]();

const CASES: Case[] = [
  {
    name: 'a field change writes the form and is one undo step',
    steps: [change({ name: 'Calls per day' }, 'name')],
    values: { name: 'Calls per day' },
    dirty: ['name'],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'typing in one field coalesces into one step',
    steps: [change({ name: 'C' }, 'name'), change({ name: 'Ca' }, 'name'), call('undo')],
    values: { name: 'Calls' },
    dirty: [],
    canUndo: false,
    canRedo: true,
  },
  {
    name: 'a seal ends coalescing',
    steps: [change({ name: 'C' }, 'name'), call('seal'), change({ name: 'Ca' }, 'name'), call('undo')],
    values: { name: 'C' },
    dirty: ['name'],
    canUndo: true,
    canRedo: true,
  },
  {
    name: 'undo puts the seed back: nothing is dirty',
    steps: [change({ display: ROSE }), call('undo')],
    values: { display: SEED.display },
    dirty: [],
    canUndo: false,
    canRedo: true,
  },
  {
    name: 'redo puts the change back, dirty again',
    steps: [change({ display: ROSE }), call('undo'), call('redo')],
    values: { display: ROSE },
    dirty: ['display'],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'a chart-type switch clears the settings the new type cannot use, as one step',
    steps: [change({ chart_type: 'stat' })],
    values: { chart_type: 'stat', field: '' },
    dirty: ['chart_type', 'field'],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'undoing the adaptation note restores the cleared settings',
    steps: [change({ chart_type: 'stat' }), call('undoNote')],
    values: { chart_type: 'line', field: 'duration' },
    dirty: [],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'a filter edit is a change of the filters field',
    steps: [
      change(
        { filters: { operator: 'and', conditions: [{ field: 'duration', op: 'gt', value: 5 }] } },
        'filters',
      ),
    ],
    values: { filters: { operator: 'and', conditions: [{ field: 'duration', op: 'gt', value: 5 }] } },
    dirty: ['filters'],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'restoring a stored draft replaces every field as one step',
    steps: [(h) => h.editor.replace({ ...SEED, name: 'Kept', display: ROSE })],
    values: { name: 'Kept', display: ROSE },
    dirty: ['name', 'display'],
    canUndo: true,
    canRedo: false,
  },
  {
    name: 'a rebase (after a save) makes the values the new seed and starts the history again',
    steps: [
      change({ name: 'Saved' }),
      (h) => h.editor.rebase({ ...SEED, name: 'Saved' }, '2026-01-02T00:00:00Z'),
    ],
    values: { name: 'Saved' },
    dirty: [],
    canUndo: false,
    canRedo: false,
  },
  {
    name: 'a rebase keeps what was typed while the save was on its way',
    steps: [
      change({ name: 'Saved' }),
      (h) => {
        const attempted = h.form.getValues();
        h.editor.change({ display: ROSE });
        h.editor.rebase({ ...SEED, name: 'Saved' }, '2026-01-02T00:00:00Z', attempted);
      },
    ],
    values: { name: 'Saved', display: ROSE },
    dirty: ['display'],
    canUndo: false,
    canRedo: false,
  },
];

describe('useDraftEditor', () => {
  it.each(CASES)('$name', async ({ steps, values, dirty, canUndo, canRedo }) => {
    const { result } = renderHook(useEditor);
    for (const step of steps) act(() => step(result.current));
    await act(async () => {});
    expect(result.current.form.getValues()).toMatchObject(values);
    expect(result.current.draft).toMatchObject(values);
    const defaults = result.current.form.formState.defaultValues;
    if (!isWholeDraft(defaults)) throw new Error('the seed is a whole draft');
    expect(changedDraftKeys(defaults, result.current.form.getValues())).toEqual(dirty);
    expect(result.current.editor.canUndo).toBe(canUndo);
    expect(result.current.editor.canRedo).toBe(canRedo);
  });

  it('keeps its handlers across edits, so memoised parts of the form do not render again', () => {
    const { result } = renderHook(useEditor);
    const { change: first, seal, undo, redo, replace, rebase } = result.current.editor;
    act(() => result.current.editor.change({ name: 'Calls per day' }, 'name'));
    act(() => result.current.editor.change({ display: ROSE }));
    expect(result.current.editor.change).toBe(first);
    expect(result.current.editor.seal).toBe(seal);
    expect(result.current.editor.undo).toBe(undo);
    expect(result.current.editor.redo).toBe(redo);
    expect(result.current.editor.replace).toBe(replace);
    expect(result.current.editor.rebase).toBe(rebase);
  });

  it('builds each change on the latest values, even two in one event before a render', () => {
    const { result } = renderHook(useEditor);
    act(() => {
      result.current.editor.change({ name: 'A' }, 'name');
      result.current.editor.change({ display: { ...SEED.display, unit: 'ms' } });
    });
    expect(result.current.draft).toMatchObject({ name: 'A', display: { unit: 'ms' } });
  });

  it('shares unchanged fields between renders, so a name edit leaves the filters object as it was', () => {
    const { result } = renderHook(useEditor);
    act(() => result.current.editor.change({ filters: { operator: 'and', conditions: [] } }));
    const { filters, display } = result.current.draft;
    act(() => result.current.editor.change({ name: 'Other' }, 'name'));
    expect(result.current.draft.name).toBe('Other');
    expect(result.current.draft.filters).toBe(filters);
    expect(result.current.draft.display).toBe(display);
  });

  it('puts rule errors in formState.errors through the resolver', async () => {
    const { result } = renderHook(useEditor);
    act(() => result.current.editor.change({ field: '' }));
    await act(async () => {});
    expect(result.current.errors.field?.message).toBeTruthy();
  });
});
