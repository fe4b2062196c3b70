import { MetricSchema } from '../../../../contract/metric-schema.ts';
import { metricPickerGroups } from './metric-options.ts';

const metrics = [
  MetricSchema.parse({ id: 1, name: 'Sentiment', eval_type: 'enum', agent_names: ['Billing bot'] }),
  MetricSchema.parse({ id: 2, name: 'Latency', eval_type: 'numeric', project: 1, agent_names: ['Bot'] }),
  MetricSchema.parse({ id: 3, name: 'Accuracy', eval_type: 'binary', agent_names: [] }),
];

describe('metricPickerGroups', () => {
  it('groups project metrics first, then per agent, with eval types and switch hints', () => {
    const groups = metricPickerGroups(metrics, 'line');
    expect(groups.map((g) => [g.label, g.options.map((o) => [o.label, o.detail, o.reason ?? null])])).toEqual(
      [
        [
          'Project',
          [
            ['Accuracy', 'Binary', 'Switches the chart to Bar'],
            ['Latency', 'Numeric', null],
          ],
        ],
        ['Agent: Billing bot', [['Sentiment', 'Enum', 'Switches the chart to Pie']]],
      ],
    );
  });

  it('has no hints where the chart fits', () => {
    const groups = metricPickerGroups(metrics, 'pie');
    expect(groups.flatMap((g) => g.options).every((o) => o.reason === undefined)).toBe(true);
  });
});
