import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Threshold } from '../../../contract/widget-insights.ts';
import { thresholdBeyond, thresholdColor } from './chart-annotations.ts';
import { LINE_PLOT_INSET_PX, type ChartModel, type ChartSelection } from './chart-model.ts';
import { selectLinePoint, toRowIndex } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import {
  formatAxisTick,
  formatPointTimeFull,
  formatTimeTick,
  type ValueFormat,
} from './format-chart-value.ts';
import { tickDomain } from './nice-ticks.ts';
import { seriesValue } from './series-value.ts';
import { thresholdReferences } from './threshold-references.tsx';
import { comparisonNote } from './comparison-note.ts';
import type { ElementSize } from './use-element-size.ts';

type LineModel = Extract<ChartModel, { kind: 'line' }>;

// Props that never change are module constants: Recharts keeps axis and series settings in a store
// and recomputes the drawing when one of them changes identity. A colour change then redraws only the
// strokes (the rows, data keys and axes stay the same objects).
const Y_AXIS_WIDTH = 44;
const NO_GRID_LINES = (): number[] => [];
// Recharts' own default: measure after mounting. With a known size the chart draws in its first render.
const UNKNOWN_SIZE = { width: -1, height: -1 };
const MARGIN = { top: 8, right: LINE_PLOT_INSET_PX - Y_AXIS_WIDTH, bottom: 4, left: 0 };
const TICK = { fill: 'currentColor', fontSize: 11 };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const ACTIVE_DOT = { r: 4 };
const NO_THRESHOLDS: readonly Threshold[] = [];
const NO_MARKERS: readonly number[] = [];
const MARKER_LABEL = { value: '!', position: 'insideTopLeft' as const, fontSize: 11, fill: '#f59e0b' };
const LEGEND_STYLE = { fontSize: 12 };
const VALUE_TICK_FORMATTERS: Record<ValueFormat, (value: number) => string> = {
  number: (value) => formatAxisTick(value, 'number'),
  percent: (value) => formatAxisTick(value, 'percent'),
};
const TICK_FORMATTERS = {
  hour: (value: number) => formatTimeTick(value, 'hour'),
  day: (value: number) => formatTimeTick(value, 'day'),
};

/** Maps a prepared line model to Recharts: a time axis, one Line per series. Decides nothing. */
export function LineChartView({
  model,
  onSelect,
  size,
  thresholds = NO_THRESHOLDS,
  markers = NO_MARKERS,
}: {
  model: LineModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
  size?: ElementSize | null | undefined;
  /** Drawn as lines and bands; points beyond them are marked in the threshold's colour. */
  thresholds?: readonly Threshold[] | undefined;
  /** Times (epoch ms) an alert would have fired, drawn as vertical lines. */
  markers?: readonly number[] | undefined;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={size ?? UNKNOWN_SIZE}>
      <LineChart
        data={model.rows}
        margin={MARGIN}
        onClick={(state) => {
          const index = toRowIndex(state.activeTooltipIndex);
          const selection = index === null ? null : selectLinePoint(model, index);
          if (selection && onSelect) onSelect(selection);
        }}
        style={onSelect ? { cursor: 'pointer' } : undefined}
      >
        <CartesianGrid
          stroke="currentColor"
          strokeOpacity={0.12}
          vertical={false}
          // Without vertical lines, their positions are not needed: skips measuring the x labels again.
          verticalCoordinatesGenerator={NO_GRID_LINES}
        />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={X_DOMAIN}
          ticks={model.ticks}
          // The ticks are already spaced for the width (`timeTicks`): no label measuring to thin them.
          interval={0}
          tickFormatter={TICK_FORMATTERS[model.tickUnit]}
          tick={TICK}
          stroke="currentColor"
          strokeOpacity={0.3}
        />
        <YAxis
          // Five "nice" ticks on a chart at least a card tall never collide: nothing to measure either.
          interval={0}
          tickFormatter={VALUE_TICK_FORMATTERS[model.valueFormat]}
          ticks={model.valueTicks}
          domain={tickDomain(model.valueTicks)}
          tick={TICK}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={Y_AXIS_WIDTH}
        />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const hovered: unknown = payload?.[0]?.payload;
            // The payload is one of our own rows: find it by identity instead of casting.
            const row = active ? model.rows.find((r) => r === hovered) : undefined;
            if (!row) return null;
            return (
              <ChartTooltip
                title={formatPointTimeFull(row.x)}
                unit={model.unit}
                format={model.valueFormat}
                entries={model.series
                  .filter((s) => row.values[s.key] !== undefined)
                  .map((s) => ({
                    name: s.label,
                    color: s.color,
                    value: row.values[s.key] ?? null,
                    note: comparisonNote(model, row, s, model.valueFormat),
                  }))}
              />
            );
          }}
        />
        {model.showLegend ? <Legend wrapperStyle={LEGEND_STYLE} /> : null}
        {thresholdReferences(thresholds, model.valueFormat)}
        {markers.map((time) => (
          <ReferenceLine key={`m${time}`} x={time} stroke="#f59e0b" strokeWidth={1.5} label={MARKER_LABEL} />
        ))}
        {model.series.map((s) => (
          <Line
            key={s.key}
            name={s.label}
            dataKey={seriesValue(s.key)}
            stroke={s.color}
            strokeWidth={s.comparison ? 1.5 : 2}
            strokeDasharray={s.comparison ? '4 4' : undefined}
            // Off for long series (`showDots`, `animate`): Recharts slows down sharply with either.
            dot={
              thresholds.length > 0 && !s.comparison
                ? (props: DotProps) => beyondDot(props, s.color, model.showDots, thresholds)
                : model.showDots
                  ? { r: 2.5, fill: s.color }
                  : false
            }
            activeDot={ACTIVE_DOT}
            connectNulls={model.connectNulls}
            isAnimationActive={model.animate}
            type="monotone"
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

interface DotProps {
  cx?: number | undefined;
  cy?: number | undefined;
  value?: unknown;
  index?: number | undefined;
}

/** A point beyond a threshold: larger, in the threshold's colour, drawn even when dots are off. */
function beyondDot(props: DotProps, color: string, showDots: boolean, thresholds: readonly Threshold[]) {
  const { cx, cy, value, index } = props;
  const key = `d${index ?? 0}`;
  if (cx === undefined || cy === undefined) return <g key={key} />;
  const hit = thresholdBeyond(typeof value === 'number' ? value : null, thresholds);
  if (hit) return <circle key={key} cx={cx} cy={cy} r={4} fill={thresholdColor(hit)} data-beyond="true" />;
  return showDots ? <circle key={key} cx={cx} cy={cy} r={2.5} fill={color} /> : <g key={key} />;
}
