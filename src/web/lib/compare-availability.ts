import { CHART_TYPE_LABELS, type ChartType } from '../../contract/enums.ts';

/**
 * Why the saved-vs-draft comparison cannot be drawn, or null when it can. The shared chart draws a
 * comparison as a faint series behind a line or bar (either shape) and as "was" figures on a stat; a
 * pie has no way to show two distributions at once, and a stat cannot be compared with a chart.
 */
export function compareUnavailableReason(draft: ChartType, saved: ChartType): string | null {
  if (draft === 'pie') return 'Pie charts cannot show a comparison.';
  const timeSeries = (chart: ChartType) => chart === 'line' || chart === 'bar';
  if (draft === 'stat' ? saved === 'stat' : timeSeries(saved)) return null;
  return `The saved widget is a ${CHART_TYPE_LABELS[saved].toLowerCase()} chart; it cannot be drawn behind a ${CHART_TYPE_LABELS[draft].toLowerCase()}.`;
}
