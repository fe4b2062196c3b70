import {
  Cell,
  DefaultLegendContent,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  type DefaultLegendContentProps,
} from 'recharts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import type { ChartModel, ChartSelection } from './chart-model.ts';
import { selectSlice } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';

type PieModel = Extract<ChartModel, { kind: 'pie' }>;

/** Maps a prepared pie model to Recharts: one slice per label, labelled with its percentage. */
export function PieChartView({
  model,
  onSelect,
}: {
  model: PieModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
        <Pie
          data={model.slices}
          dataKey="value"
          nameKey="label"
          innerRadius="42%"
          outerRadius="68%"
          paddingAngle={1}
          isAnimationActive={model.animate}
          label={({ percent }: { percent?: number }) =>
            percent !== undefined && percent >= 0.04 ? `${(percent * 100).toFixed(1)}%` : ''
          }
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
            wrapperStyle={{
              fontSize: 12,
              maxWidth: '45%',
              maxHeight: '100%',
              display: 'flex',
              flexDirection: 'column',
            }}
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
