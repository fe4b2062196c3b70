import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartModel, ChartSelection, LineRow } from './chart-model.ts';
import { selectLinePoint, toRowIndex } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { formatAxisValue, formatPointTimeFull, formatTimeTick } from './format-chart-value.ts';

type LineModel = Extract<ChartModel, { kind: 'line' }>;

/** Maps a prepared line model to Recharts: a time axis, one Line per series. Decides nothing. */
export function LineChartView({
  model,
  onSelect,
}: {
  model: LineModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        data={model.rows}
        margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
        onClick={(state) => {
          const index = toRowIndex(state.activeTooltipIndex);
          const selection = index === null ? null : selectLinePoint(model, index);
          if (selection && onSelect) onSelect(selection);
        }}
        style={onSelect ? { cursor: 'pointer' } : undefined}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          ticks={model.ticks}
          tickFormatter={(value: number) => formatTimeTick(value, model.tickUnit)}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
        />
        <YAxis
          tickFormatter={formatAxisValue}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={44}
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
                entries={model.series
                  .filter((s) => row.values[s.key] !== undefined)
                  .map((s) => ({ name: s.label, color: s.color, value: row.values[s.key] ?? null }))}
              />
            );
          }}
        />
        {model.showLegend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {model.series.map((s) => (
          <Line
            key={s.key}
            name={s.label}
            dataKey={(row: LineRow) => row.values[s.key]}
            stroke={s.color}
            strokeWidth={s.comparison ? 1.5 : 2}
            strokeDasharray={s.comparison ? '4 4' : undefined}
            dot={model.showDots ? { r: 2.5, fill: s.color } : false}
            activeDot={{ r: 4 }}
            connectNulls={model.connectNulls}
            isAnimationActive={model.animate}
            type="monotone"
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
