import { useState } from 'react';
import {
  Cell,
  DefaultLegendContent,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  type DefaultLegendContentProps,
  type PieLabelRenderProps,
} from 'recharts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import type { ChartModel, ChartSelection, PieSliceModel } from './chart-model.ts';
import { selectSlice } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { labelledSlices } from './labelled-slices.ts';
import { PIE_LABEL_ROOM_PX, pieLabelPosition } from './pie-label-position.ts';
import type { ElementSize } from './use-element-size.ts';

type PieModel = Extract<ChartModel, { kind: 'pie' }>;

// Recharts' own default: measure after mounting. With a known size the chart draws in its first render.
const UNKNOWN_SIZE = { width: -1, height: -1 };
// Room beside and above the pie for its labels (left and right: a label grows outwards from the pie).
const MARGIN = {
  top: PIE_LABEL_ROOM_PX.y,
  right: PIE_LABEL_ROOM_PX.x,
  bottom: PIE_LABEL_ROOM_PX.y,
  left: PIE_LABEL_ROOM_PX.x,
};
// The legend fills the chart's height from its top (Recharts would centre it by its content's height,
// pushing the first entries of a long legend above the card) and sits at the right edge, outside the
// right margin, which stays the labels' room between the pie and the legend.
const LEGEND_WRAPPER_STYLE = {
  fontSize: 12,
  maxWidth: '45%',
  top: 0,
  right: 0,
  height: '100%',
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'center',
} as const;

/**
 * Maps a prepared pie model to Recharts: one slice per label, labelled with its percentage just
 * outside it (in room kept for the labels, so no label runs past the card), and a legend that
 * scrolls within the chart's height.
 */
export function PieChartView({
  model,
  onSelect,
  size,
}: {
  model: PieModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
  size?: ElementSize | null | undefined;
}) {
  // The slices first drawn: the first paint shows them in their final state.
  const [firstSlices] = useState(model.slices);
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={size ?? UNKNOWN_SIZE}>
      <PieChart margin={MARGIN}>
        <Pie
          data={model.slices}
          dataKey="value"
          nameKey="label"
          innerRadius="42%"
          outerRadius="68%"
          paddingAngle={1}
          // Recharts grows a pie from nothing on mount: a card was blank for 1.5 s. The first paint draws
          // the final state; only later changes of the data animate (from the state on screen).
          isAnimationActive={model.animate && !isSameSlices(model.slices, firstSlices)}
          label={({ cx, cy, outerRadius, midAngle, index }: PieLabelRenderProps) => {
            const slice = model.slices[index];
            if (!slice || !labelledAt(model, outerRadius).has(index)) return null;
            const { x, y, textAnchor } = pieLabelPosition(cx, cy, outerRadius, midAngle ?? 0);
            return (
              <text
                x={x}
                y={y}
                textAnchor={textAnchor}
                dominantBaseline="central"
                fontSize={11}
                fill="currentColor"
                className="recharts-pie-label-text"
              >
                {slice.percentage}%
              </text>
            );
          }}
          labelLine={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={(_data, index) => {
            const selection = selectSlice(model, index);
            if (selection && onSelect) onSelect(selection);
          }}
        >
          {model.slices.map((s) => (
            <Cell key={s.key} fill={s.color} stroke="none" />
          ))}
        </Pie>
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const hovered: unknown = payload?.[0]?.payload;
            const slice = active ? model.slices.find((s) => s === hovered) : undefined;
            if (!slice) return null;
            return (
              <ChartTooltip
                title={slice.label}
                unit={model.unit}
                entries={[
                  { name: 'Calls', color: slice.color, value: slice.value, note: `(${slice.percentage}%)` },
                ]}
              />
            );
          }}
        />
        {model.showLegend ? (
          <Legend
            layout="vertical"
            align="right"
            verticalAlign="middle"
            wrapperStyle={LEGEND_WRAPPER_STYLE}
            // The slices' own order (largest first), not Recharts' alphabetical one.
            itemSorter={(item) => model.slices.findIndex((slice) => slice.label === item.value)}
            content={ScrollingLegend}
            formatter={(value: string) => {
              const slice = model.slices.find((s) => s.label === value);
              return (
                <span className="text-slate-600 dark:text-slate-300">
                  {slice ? `${slice.label} (${slice.percentage}%)` : value}
                </span>
              );
            }}
          />
        ) : null}
      </PieChart>
    </ResponsiveContainer>
  );
}

/** Same labels and values in the same order (a restyle or a re-measure is not a change of data). */
function isSameSlices(a: readonly PieSliceModel[], b: readonly PieSliceModel[]): boolean {
  return (
    a === b ||
    (a.length === b.length && a.every((s, i) => s.label === b[i]?.label && s.value === b[i]?.value))
  );
}

// The labels' radius is known only while Recharts draws them: which slices get one is worked out once
// per model and radius, not once per label.
const labelledCache = new WeakMap<PieModel, { radius: number; indices: ReadonlySet<number> }>();
function labelledAt(model: PieModel, radius: number): ReadonlySet<number> {
  const cached = labelledCache.get(model);
  if (cached?.radius === radius) return cached.indices;
  const total = model.total > 0 ? model.total : 1;
  const indices = labelledSlices(
    model.slices.map((s) => s.value / total),
    radius,
  );
  labelledCache.set(model, { radius, indices });
  return indices;
}

/**
 * Recharts' own legend inside a scroll container that a keyboard can reach (WCAG 2.1.1, axe
 * `scrollable-region-focusable`): a long legend scrolls within the card instead of overflowing it.
 * Declared once here, not inline, so Recharts keeps the same component across renders.
 */
function ScrollingLegend(props: DefaultLegendContentProps) {
  return (
    <div
      role="group"
      aria-label="Legend"
      tabIndex={0}
      className={`min-h-0 overflow-y-auto rounded ${FOCUS_RING}`}
    >
      <DefaultLegendContent {...props} />
    </div>
  );
}
