import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  ResponsiveGridLayout,
  useContainerWidth,
  type Compactor,
  type Layout,
  type LayoutItem,
} from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import 'react-resizable/css/styles.css';
import './dashboard-grid.css';
import { describeChange, moveItem, resizeItem } from './grid-keyboard.ts';
import { GRID_COLS, MIN_H, MIN_W, type GridItem } from './grid-layout.ts';
import { placeCard } from './place-card.ts';
import { pauseIdleWork, resumeIdleWork } from '../../lib/idle-queue.ts';

export type { GridItem } from './grid-layout.ts';
export {
  defaultSize,
  diffLayout,
  findFreeSlot,
  layoutFromWidgets,
  withLayout,
  GRID_COLS,
} from './grid-layout.ts';
export { summariseLayoutChanges } from './layout-change-summary.ts';

/** Class of the element a card must render for dragging (drag by the handle only). */
export const DRAG_HANDLE_CLASS = 'ws-drag-handle';
/** Row height in px: a card of height 4 is 4 rows plus 3 gaps, about 290 px. */
export const ROW_HEIGHT = 60;
const MARGIN: readonly [number, number] = [16, 16];
const BREAKPOINTS = { lg: 720, xs: 0 };
const COLS = { lg: GRID_COLS, xs: 1 };

export interface GridCard {
  id: string;
  /** For the keyboard announcements. */
  name: string;
  /** The card element; keep it memoised, the grid re-renders on every layout change. */
  content: ReactNode;
}

export interface DashboardGridProps {
  cards: readonly GridCard[];
  layout: readonly GridItem[];
  /** Edit layout mode: drag by handle, resize, keyboard move/resize. */
  editing: boolean;
  /** A finished change: drag stop, resize stop, or a keyboard step. Not called while dragging. */
  onLayoutCommit: (layout: GridItem[]) => void;
}

/**
 * The dashboard grid: react-grid-layout v2 with 12 columns on wide containers (one column below
 * 720 px, where editing is off), and keyboard move/resize of a focused card with an aria-live
 * announcement, which react-grid-layout lacks. Controlled: the layout comes in as a prop and each
 * finished change goes out through `onLayoutCommit`.
 */
export function DashboardGrid({ cards, layout, editing, onLayoutCommit }: DashboardGridProps) {
  const { width: measured, containerRef, mounted } = useContainerWidth();
  // Without layout (jsdom) the container measures 0: lay out as on a wide screen instead of one column.
  const width = measured > 0 ? measured : 1280;
  const [breakpoint, setBreakpoint] = useState<string>('lg');
  const [announcement, setAnnouncement] = useState('');
  // A card being dragged or resized: the grid's own state, it never reaches the card elements.
  const [moving, setMoving] = useState<'drag' | 'resize' | null>(null);
  const wide = breakpoint === 'lg';
  const canEdit = editing && wide;

  const layouts = useMemo(() => {
    const stacked = [...layout]
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((item, index) => ({ ...item, x: 0, w: 1, y: index * item.h }));
    return {
      lg: layout.map((item) => ({ ...item, minW: MIN_W, minH: MIN_H })),
      xs: stacked,
    };
  }, [layout]);

  // Every frame of a drag or resize is placed from the layout the gesture started on (placeCard).
  const [gesture] = useState(createGestureCompactor);
  const commit = useCallback(
    (next: Layout) => {
      gesture.start(null);
      setMoving(null);
      if (wide) onLayoutCommit(next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })));
    },
    [gesture, onLayoutCommit, wide],
  );
  const startGesture = useCallback(
    (kind: 'drag' | 'resize', item: LayoutItem | null) => {
      gesture.start(item ? { id: item.i, from: layout } : null);
      setMoving(kind);
    },
    [gesture, layout],
  );
  const startDrag = useCallback(
    (_: Layout, item: LayoutItem | null) => startGesture('drag', item),
    [startGesture],
  );
  const startResize = useCallback(
    (_: Layout, item: LayoutItem | null) => startGesture('resize', item),
    [startGesture],
  );
  // While a card moves, no deferred chart draws (src/web/lib/idle-queue.ts): every frame goes to the drag.
  useEffect(() => {
    if (!moving) return;
    pauseIdleWork();
    return resumeIdleWork;
  }, [moving]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, card: GridCard) => {
      // Only the focused card itself: keys inside its menu or buttons keep their meaning.
      if (!canEdit || event.target !== event.currentTarget) return;
      const step = ARROWS[event.key];
      if (!step) return;
      event.preventDefault();
      const resize = event.shiftKey;
      const next = resize
        ? resizeItem(layout, card.id, step.dx, step.dy)
        : moveItem(layout, card.id, step.dx, step.dy);
      const changed = next !== layout;
      setAnnouncement(
        describeChange(
          resize ? 'resize' : 'move',
          card.name,
          next.find((item) => item.i === card.id),
          changed,
        ),
      );
      if (changed) onLayoutCommit([...next]);
    },
    [canEdit, layout, onLayoutCommit],
  );

  const children = useMemo(
    () =>
      cards.map((card) => (
        <div
          key={card.id}
          data-grid-card={card.id}
          tabIndex={canEdit ? 0 : undefined}
          role={canEdit ? 'group' : undefined}
          aria-roledescription={canEdit ? 'movable card' : undefined}
          aria-label={canEdit ? card.name : undefined}
          aria-describedby={canEdit ? 'ws-grid-help' : undefined}
          onKeyDown={(event) => onKeyDown(event, card)}
          className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-slate-950"
        >
          <GridCardBody content={card.content} />
        </div>
      )),
    [cards, canEdit, onKeyDown],
  );

  return (
    <div ref={containerRef} className="ws-grid w-full" data-moving={moving ?? undefined}>
      {canEdit ? (
        <p id="ws-grid-help" className="sr-only">
          Arrow keys move the card, Shift with arrow keys resizes it.
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only" data-testid="grid-announcement">
        {announcement}
      </p>
      {mounted ? (
        <ResponsiveGridLayout
          width={width}
          breakpoints={BREAKPOINTS}
          cols={COLS}
          layouts={layouts}
          rowHeight={ROW_HEIGHT}
          margin={MARGIN}
          containerPadding={[0, 0]}
          compactor={gesture.compactor}
          dragConfig={{ enabled: canEdit, handle: `.${DRAG_HANDLE_CLASS}` }}
          resizeConfig={{ enabled: canEdit, handles: ['se'] }}
          onBreakpointChange={setBreakpoint}
          onDragStart={startDrag}
          onDragStop={commit}
          onResizeStart={startResize}
          onResizeStop={commit}
        >
          {children}
        </ResponsiveGridLayout>
      ) : null}
    </div>
  );
}

interface Gesture {
  id: string;
  from: readonly GridItem[];
}

/**
 * react-grid-layout's compaction step, replaced: overlap is "allowed" so that the grid itself moves
 * only the dragged card, and `compact` then places it into the layout the gesture started on, so the
 * preview and the result depend only on where the card is now, never on the path of the drag.
 */
function createGestureCompactor(): { compactor: Compactor; start: (gesture: Gesture | null) => void } {
  let current: Gesture | null = null;
  return {
    compactor: { type: null, allowOverlap: true, compact: (layout) => placeGesture(layout, current) },
    start: (gesture) => {
      current = gesture;
    },
  };
}

/**
 * The grid's layout during a gesture: the moving card where the grid has it now, placed into the
 * layout the gesture started from. Outside a gesture the layout is already placed: kept as it is.
 */
function placeGesture(current: Layout, gesture: Gesture | null): Layout {
  const moving = gesture && current.find((item) => item.i === gesture.id);
  if (!gesture || !moving) return current;
  const placed = new Map(placeCard(gesture.from, gesture.id, moving).map((item) => [item.i, item]));
  return current.map((item) => {
    const next = placed.get(item.i);
    return next && (next.x !== item.x || next.y !== item.y) ? { ...item, x: next.x, y: next.y } : item;
  });
}

const ARROWS: Record<string, { dx: number; dy: number } | undefined> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/** A boundary that lets React skip the card when only the grid item's position changed. */
const GridCardBody = memo(function GridCardBody({ content }: { content: ReactNode }) {
  return <div className="ws-grid-card-body h-full">{content}</div>;
});
