import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Threshold } from '../../../contract/widget-insights.ts';
import { placeBarMarkers, thresholdBeyond, thresholdColor } from './chart-annotations.ts';
import { comparisonNote } from './comparison-note.ts';
import { thresholdReferences } from './threshold-references.tsx';
import type { ChartModel, ChartSelection } from './chart-model.ts';
import { selectBar } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { formatAxisTick, type ValueFormat } from './format-chart-value.ts';
import { tickDomain } from './nice-ticks.ts';
import { seriesValue } from './series-value.ts';
import type { ElementSize } from './use-element-size.ts';

type BarModel = Extract<ChartModel, { kind: 'bar' }>;

// Constant props keep their identity across renders (see line-chart-view.tsx): a colour change then
// redraws the fills, not the bars' geometry.
const NO_GRID_LINES = (): number[] => [];
// Recharts' own default: measure after mounting. With a known size the chart draws in its first render.
const UNKNOWN_SIZE = { width: -1, height: -1 };
const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };
const TICK = { fill: 'currentColor', fontSize: 11 };
const CURSOR = { fill: 'currentColor', fillOpacity: 0.06 };
const RADIUS: [number, number, number, number] = [3, 3, 0, 0];
const LEGEND_STYLE = { fontSize: 12 };
const NO_THRESHOLDS: readonly Threshold[] = [];
const NO_MARKERS: readonly number[] = [];
const VALUE_TICK_FORMATTERS: Record<ValueFormat, (value: number) => string> = {
  number: (value) => formatAxisTick(value, 'number'),
  percent: (value) => formatAxisTick(value, 'percent'),
};

/** Maps a prepared bar model to Recharts: bucket labels on x, one Bar per series side by side. */
export function BarChartView({
  model,
  onSelect,
  size,
  thresholds = NO_THRESHOLDS,
  markers = NO_MARKERS,
}: {
  model: BarModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
  size?: ElementSize | null | undefined;
  /** Drawn as lines and bands; bars beyond them take the threshold's colour. */
  thresholds?: readonly Threshold[] | undefined;
  /** Times (epoch ms) an alert would have fired, one marker per bucket with the count. */
  markers?: readonly number[] | undefined;
}) {
  const bucketMarkers = markers.length > 0 ? placeBarMarkers(model.rows, markers) : [];
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={size ?? UNKNOWN_SIZE}>
      <BarChart data={model.rows} margin={MARGIN}>
        <CartesianGrid
          stroke="currentColor"
          strokeOpacity={0.12}
          vertical={false}
          // Without vertical lines, their positions are not needed: skips measuring the x labels again.
          verticalCoordinatesGenerator={NO_GRID_LINES}
        />
        <XAxis dataKey="label" tick={TICK} stroke="currentColor" strokeOpacity={0.3} minTickGap={16} />
        <YAxis
          tickFormatter={VALUE_TICK_FORMATTERS[model.valueFormat]}
          ticks={model.valueTicks}
          domain={tickDomain(model.valueTicks)}
          tick={TICK}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={44}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={CURSOR}
          content={({ active, payload }) => {
            const hovered: unknown = payload?.[0]?.payload;
            const row = active ? model.rows.find((r) => r === hovered) : undefined;
            if (!row) return null;
            return (
              <ChartTooltip
                title={row.label}
                unit={model.unit}
                format={model.valueFormat}
                entries={model.series
                  .filter((s) => row.values[s.key] !== undefined)
                  .map((s) => ({
                    name: s.label,
                    color: s.color,
                    value: row.values[s.key] ?? null,
                    note: [
                      `(${row.counts[s.key] ?? 0} ${row.counts[s.key] === 1 ? 'call' : 'calls'})`,
                      comparisonNote(model, row, s, model.valueFormat),
                    ]
                      .filter(Boolean)
                      .join(' '),
                  }))}
              />
            );
          }}
        />
        {model.showLegend ? <Legend wrapperStyle={LEGEND_STYLE} /> : null}
        {thresholdReferences(thresholds, model.valueFormat)}
        {bucketMarkers.map((marker) => (
          <ReferenceLine
            key={`m${marker.label}`}
            x={marker.label}
            stroke="#f59e0b"
            strokeWidth={2}
            label={{
              value: `${marker.count}×`,
              position: 'insideTopLeft',
              fontSize: 11,
              fill: 'currentColor',
            }}
          />
        ))}
        {model.series.map((s) => (
          <Bar
            key={s.key}
            name={s.label}
            dataKey={seriesValue(s.key)}
            fill={s.color}
            fillOpacity={s.comparison ? 0.35 : 0.9}
            radius={RADIUS}
            isAnimationActive={model.animate}
            cursor={onSelect && !s.comparison ? 'pointer' : undefined}
            onClick={(_data, index) => {
              const selection = selectBar(model, index, s.key);
              if (selection && onSelect) onSelect(selection);
            }}
          >
            {thresholds.length > 0 && !s.comparison
              ? model.rows.map((row) => {
                  const hit = thresholdBeyond(row.values[s.key], thresholds);
                  return <Cell key={row.bucket} fill={hit ? thresholdColor(hit) : s.color} />;
                })
              : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
