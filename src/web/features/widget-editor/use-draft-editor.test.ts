// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../contract/metric-schema.ts';
import { useDraftEditor } from './use-draft-editor.ts';
import { newWidgetDraft, type WidgetDraft } from './widget-form-model.ts';

// One list for every render, as the metrics query gives.
const METRICS: readonly Metric[] = [];

function useEditor() {
  const form = useForm<WidgetDraft>({ defaultValues: { ...newWidgetDraft(), name: 'Calls' } });
  return { editor: useDraftEditor(form, METRICS), form };
}

describe('useDraftEditor', () => {
  it('keeps its handlers across edits, so memoised parts of the form do not render again', () => {
    const { result } = renderHook(useEditor);
    const { change, seal, undo, redo, replace } = result.current.editor;
    act(() => result.current.editor.change({ name: 'Calls per day' }, 'name'));
    act(() => result.current.editor.change({ display: { ...newWidgetDraft().display, color: 'rose' } }));
    expect(result.current.editor.draft.name).toBe('Calls per day');
    expect(result.current.editor.draft.display.color).toBe('rose');
    expect(result.current.editor.change).toBe(change);
    expect(result.current.editor.seal).toBe(seal);
    expect(result.current.editor.undo).toBe(undo);
    expect(result.current.editor.redo).toBe(redo);
    expect(result.current.editor.replace).toBe(replace);
  });

  it('builds each change on the latest draft, even two in one event before a render', () => {
    const { result } = renderHook(useEditor);
    act(() => {
      result.current.editor.change({ name: 'A' }, 'name');
      result.current.editor.change({ display: { ...newWidgetDraft().display, unit: 'ms' } });
    });
    expect(result.current.editor.draft).toMatchObject({ name: 'A', display: { unit: 'ms' } });
    expect(result.current.form.getValues('name')).toBe('A');
  });

  it('undoes to the seeded values and redoes', () => {
    const { result } = renderHook(useEditor);
    act(() => result.current.editor.change({ name: 'B' }));
    act(() => result.current.editor.undo());
    expect(result.current.editor.draft.name).toBe('Calls');
    act(() => result.current.editor.redo());
    expect(result.current.editor.draft.name).toBe('B');
  });
});
