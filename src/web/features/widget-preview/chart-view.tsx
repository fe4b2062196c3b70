import { memo } from 'react';
import type { Threshold } from '../../../contract/widget-insights.ts';
import type { ChartModel, ChartSelection } from './chart-model.ts';
import { BarChartView } from './bar-chart-view.tsx';
import { LineChartView } from './line-chart-view.tsx';
import { PieChartView } from './pie-chart-view.tsx';
import { StatView } from './stat-view.tsx';
import type { ElementSize } from './use-element-size.ts';

/**
 * Draws a prepared chart model; empty and invalid models are handled by the caller. Memoised so that a
 * state change around the chart (fading while data refreshes) does not redraw the SVG.
 */
export const ChartView = memo(function ChartView({
  model,
  onSelect,
  size,
  thresholds,
  markers,
  cohortLabel,
}: {
  model: Extract<ChartModel, { kind: 'line' | 'bar' | 'pie' | 'stat' }>;
  onSelect?: ((selection: ChartSelection) => void) | undefined;
  /** The drawing area's size when the chart mounts, if known (see `useElementSize`). */
  size?: ElementSize | null | undefined;
  thresholds?: readonly Threshold[] | undefined;
  markers?: readonly number[] | undefined;
  /** A stat compared with another cohort: that cohort's name (its figures read "vs <name>"). */
  cohortLabel?: string | undefined;
}) {
  switch (model.kind) {
    case 'line':
      return (
        <LineChartView
          model={model}
          onSelect={onSelect}
          size={size}
          thresholds={thresholds}
          markers={markers}
        />
      );
    case 'bar':
      return (
        <BarChartView
          model={model}
          onSelect={onSelect}
          size={size}
          thresholds={thresholds}
          markers={markers}
        />
      );
    case 'pie':
      return <PieChartView model={model} onSelect={onSelect} size={size} />;
    case 'stat':
      return <StatView figures={model.figures} thresholds={thresholds} cohortLabel={cohortLabel} />;
  }
});
