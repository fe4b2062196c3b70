import { memo } from 'react';
import type { ChartModel, ChartSelection } from './chart-model.ts';
import { BarChartView } from './bar-chart-view.tsx';
import { LineChartView } from './line-chart-view.tsx';
import { PieChartView } from './pie-chart-view.tsx';
import { StatView } from './stat-view.tsx';

/**
 * Draws a prepared chart model; empty and invalid models are handled by the caller. Memoised so that a
 * state change around the chart (fading while data refreshes) does not redraw the SVG.
 */
export const ChartView = memo(function ChartView({
  model,
  onSelect,
}: {
  model: Extract<ChartModel, { kind: 'line' | 'bar' | 'pie' | 'stat' }>;
  onSelect?: ((selection: ChartSelection) => void) | undefined;
}) {
  switch (model.kind) {
    case 'line':
      return <LineChartView model={model} onSelect={onSelect} />;
    case 'bar':
      return <BarChartView model={model} onSelect={onSelect} />;
    case 'pie':
      return <PieChartView model={model} onSelect={onSelect} />;
    case 'stat':
      return <StatView figures={model.figures} />;
  }
});
