import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Widget, WidgetInput } from '../../../contract/widget-schema.ts';
import { describeError } from '../../api/api-error.ts';
import { useCreateWidget } from '../../api/use-create-widget.ts';
import { useDeleteWidget } from '../../api/use-delete-widget.ts';
import { useToast } from '../../ui/toast.tsx';
import { defaultSize, findFreeSlot, withLayout, type GridItem } from '../dashboard-grid/dashboard-grid.tsx';
import { widgetTitle } from '../../lib/widget-title.ts';
import { widgetCopyName } from '../../lib/widget-copy-name.ts';

/** A saved widget as a create body: every writable field, read-only ones left out. */
export function widgetInputOf(widget: Widget): WidgetInput {
  return {
    dashboard: widget.dashboard,
    name: widget.name,
    filters: widget.filters,
    chart_type: widget.chart_type,
    data_type: widget.data_type,
    field: widget.field,
    metric: widget.metric,
    time_period: widget.time_period,
    aggregation_function: widget.aggregation_function,
    group_by: widget.group_by,
    metadata: widget.metadata,
  };
}

/**
 * Duplicate, delete (with Undo in the toast: the widget is created again from what was deleted) and
 * quick-add. New widgets get a `metadata.layout` in the first free slot of the current layout; the
 * layout is read through a ref so the handlers stay stable and memoised cards are not re-rendered.
 */
export function useWidgetActions(dashboardId: number, layout: readonly GridItem[]) {
  const toast = useToast();
  // `mutate` is stable across renders, unlike the mutation result objects.
  const { mutate: createWidget } = useCreateWidget();
  const { mutate: removeWidget } = useDeleteWidget();
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
  }, [layout]);
  const [adding, setAdding] = useState<string | null>(null);

  const slotFor = useCallback((size: { w: number; h: number }) => {
    const { x, y } = findFreeSlot(layoutRef.current, size.w, size.h);
    return { x, y, w: size.w, h: size.h };
  }, []);

  const duplicate = useCallback(
    (widget: Widget) => {
      const current = layoutRef.current.find((item) => item.i === String(widget.id));
      const size = current ? { w: current.w, h: current.h } : defaultSize(widget.chart_type);
      createWidget(
        {
          ...widgetInputOf(widget),
          name: widgetCopyName(widget),
          metadata: withLayout(widget.metadata, slotFor(size)),
        },
        {
          onSuccess: () => toast.show({ tone: 'success', title: `Duplicated “${widgetTitle(widget)}”` }),
          onError: (error) =>
            toast.show({
              tone: 'error',
              title: 'Could not duplicate the widget',
              description: describeError(error),
            }),
        },
      );
    },
    [createWidget, slotFor, toast],
  );

  const restore = useCallback(
    (widget: Widget) => {
      createWidget(widgetInputOf(widget), {
        onSuccess: () => toast.show({ tone: 'success', title: `Restored “${widgetTitle(widget)}”` }),
        onError: (error) =>
          toast.show({
            tone: 'error',
            title: 'Could not restore the widget',
            description: describeError(error),
          }),
      });
    },
    [createWidget, toast],
  );

  const deleteWidget = useCallback(
    (widget: Widget) => {
      removeWidget(
        { widgetId: widget.id, dashboardId },
        {
          onSuccess: () =>
            toast.show({
              tone: 'info',
              title: `Deleted “${widgetTitle(widget)}”`,
              action: { label: 'Undo', onClick: () => restore(widget) },
              durationMs: 8000,
            }),
          onError: (error) =>
            toast.show({
              tone: 'error',
              title: 'Could not delete the widget',
              description: describeError(error),
            }),
        },
      );
    },
    [dashboardId, removeWidget, restore, toast],
  );

  const quickAdd = useCallback(
    (input: WidgetInput, onDone: () => void) => {
      const name = input.name ?? 'widget';
      setAdding(name);
      createWidget(
        {
          ...input,
          dashboard: dashboardId,
          metadata: withLayout(input.metadata, slotFor(defaultSize(input.chart_type))),
        },
        {
          onSuccess: () => {
            // Added with its place in one request: there is nothing left to save for it.
            toast.show({
              tone: 'success',
              title: `Added “${name}”`,
              description: 'It is saved on the dashboard.',
            });
            onDone();
          },
          onError: (error) =>
            toast.show({
              tone: 'error',
              title: `Could not add “${name}”`,
              description: describeError(error),
            }),
          onSettled: () => setAdding(null),
        },
      );
    },
    [createWidget, dashboardId, slotFor, toast],
  );

  return { duplicate, deleteWidget, quickAdd, adding };
}
