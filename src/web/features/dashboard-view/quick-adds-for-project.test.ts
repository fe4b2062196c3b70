import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../contract/metric-schema.ts';
import type { WidgetInput } from '../../../contract/widget-schema.ts';
import { quickAddsForProject } from './quick-adds-for-project.ts';

const metric = (id: number): Metric => ({
  id,
  name: `Metric ${id}`,
  description: '',
  type: 'basic',
  eval_type: 'numeric',
  enum_values: null,
  function_name: null,
  project: 2,
  agents: [],
});

const STAT: WidgetInput = { name: 'Call summary', chart_type: 'stat', field: '' };
const NULL_METRIC: WidgetInput = { name: 'Topics', chart_type: 'pie', field: 'topic', metric: null };
const OWN: WidgetInput = {
  name: 'Latency',
  chart_type: 'line',
  field: 'metric_evaluations.value',
  metric: 7,
};
const FOREIGN: WidgetInput = { ...OWN, name: 'Latency (other project)', metric: 1 };

describe('quickAddsForProject', () => {
  it.each<[string, WidgetInput[], Metric[] | null, WidgetInput[]]>([
    ['nothing offered', [], [metric(7)], []],
    ['widgets without a metric always', [STAT, NULL_METRIC], [], [STAT, NULL_METRIC]],
    ["the project's own metric", [STAT, OWN], [metric(7)], [STAT, OWN]],
    ["another project's metric is left out", [STAT, FOREIGN, OWN], [metric(7)], [STAT, OWN]],
    ['metrics unavailable: no metric widget', [OWN, STAT], null, [STAT]],
  ])('%s', (_name, inputs, metrics, expected) => {
    expect(quickAddsForProject(inputs, metrics)).toEqual(expected);
  });
});
