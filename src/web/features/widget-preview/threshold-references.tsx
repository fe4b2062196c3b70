import { ReferenceArea, ReferenceLine } from 'recharts';
import { describeThreshold, type Threshold } from '../../../contract/widget-insights.ts';
import { thresholdColor } from './chart-annotations.ts';
import { formatAxisTick, type ValueFormat } from './format-chart-value.ts';

/**
 * The Recharts elements of a chart's thresholds: a dashed line per `above`/`below` value, a tinted
 * band with its edges for `outside [low, high]`, each labelled. Returned as an array (Recharts reads
 * its direct children); the axis grows to show a threshold beyond the data (`extendDomain`).
 */
export function thresholdReferences(thresholds: readonly Threshold[], format: ValueFormat) {
  return thresholds.flatMap((threshold, i) => {
    const color = thresholdColor(threshold);
    const text = threshold.label || describeThreshold(threshold, (v) => formatAxisTick(v, format));
    const label = { value: text, position: 'insideTopRight' as const, fill: color, fontSize: 11 };
    if (threshold.kind !== 'outside') {
      return [
        <ReferenceLine
          key={`t${i}`}
          y={threshold.value}
          stroke={color}
          strokeDasharray="6 3"
          ifOverflow="extendDomain"
          label={label}
        />,
      ];
    }
    return [
      <ReferenceArea
        key={`t${i}`}
        y1={threshold.low}
        y2={threshold.high}
        fill={color}
        fillOpacity={0.08}
        stroke={color}
        strokeOpacity={0.6}
        strokeDasharray="6 3"
        ifOverflow="extendDomain"
        label={label}
      />,
    ];
  });
}
