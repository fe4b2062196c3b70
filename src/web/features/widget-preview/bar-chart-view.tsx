import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarRow, ChartModel, ChartSelection } from './chart-model.ts';
import { selectBar } from './chart-selection.ts';
import { ChartTooltip } from './chart-tooltip.tsx';
import { formatAxisValue } from './format-chart-value.ts';

type BarModel = Extract<ChartModel, { kind: 'bar' }>;

/** Maps a prepared bar model to Recharts: bucket labels on x, one Bar per series side by side. */
export function BarChartView({
  model,
  onSelect,
}: {
  model: BarModel;
  onSelect?: ((s: ChartSelection) => void) | undefined;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={model.rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          minTickGap={16}
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
          cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
          content={({ active, payload }) => {
            const hovered: unknown = payload?.[0]?.payload;
            const row = active ? model.rows.find((r) => r === hovered) : undefined;
            if (!row) return null;
            return (
              <ChartTooltip
                title={row.label}
                unit={model.unit}
                entries={model.series
                  .filter((s) => row.values[s.key] !== undefined)
                  .map((s) => ({
                    name: s.label,
                    color: s.color,
                    value: row.values[s.key] ?? null,
                    note: `(${row.counts[s.key] ?? 0} ${row.counts[s.key] === 1 ? 'call' : 'calls'})`,
                  }))}
              />
            );
          }}
        />
        {model.showLegend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {model.series.map((s) => (
          <Bar
            key={s.key}
            name={s.label}
            dataKey={(row: BarRow) => row.values[s.key]}
            fill={s.color}
            fillOpacity={s.comparison ? 0.35 : 0.9}
            radius={[3, 3, 0, 0]}
            isAnimationActive={model.animate}
            cursor={onSelect && !s.comparison ? 'pointer' : undefined}
            onClick={(_data, index) => {
              const selection = selectBar(model, index, s.key);
              if (selection && onSelect) onSelect(selection);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
