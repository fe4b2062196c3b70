import { describe, expect, it } from 'vitest';
import { bindDashboardTemplate } from './bind-dashboard-template.ts';
import { DashboardDocumentSchema } from './dashboard-document-schema.ts';
import { DASHBOARD_TEMPLATES } from './dashboard-templates.ts';
import type { EvalType } from './enums.ts';
import type { Metric } from './metric-schema.ts';
import { checkWidget } from './widget-rules.ts';

const metric = (id: number, name: string, eval_type: EvalType): Metric => ({ id, name, eval_type });
const SEEDED = [
  metric(11, 'Latency', 'numeric'),
  metric(12, 'CSAT', 'numeric'),
  metric(13, 'Intent resolved', 'binary'),
  metric(14, 'Sentiment', 'enum'),
  metric(15, 'Conversation quality', 'continuous_qualitative'),
  metric(16, 'Interruptions', 'numeric'),
];
const byId = (id: string) => {
  const found = DASHBOARD_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found.document;
};

describe('bindDashboardTemplate', () => {
  it.each<[string, string, Metric[], [string | null, string, number | null, string | null][], string[]]>([
    [
      'Numeric → p95 bar per day',
      'latency-and-reliability',
      SEEDED,
      [
        ['Call summary', 'stat', null, null],
        ['Latency p95 per day', 'bar', 11, 'p95'],
        ['Success rate per day', 'bar', null, 'avg'],
        ['Why calls ended', 'pie', null, null],
        ['Interruptions p95 per day', 'bar', 16, 'p95'],
        ['Average duration per day', 'bar', null, 'avg'],
      ],
      [],
    ],
    [
      'Enum → pie, Binary → rate per day',
      'customer-experience',
      SEEDED,
      [
        ['CSAT p95 per day', 'bar', 12, 'p95'],
        ['Sentiment', 'pie', 14, null],
        ['Intent resolved rate per day', 'bar', 13, 'avg'],
        ['Topics', 'pie', null, null],
      ],
      [],
    ],
    [
      'the chart follows the type of the project’s metric, matched by name ignoring case',
      'customer-experience',
      [
        metric(21, 'csat ', 'enum'),
        metric(22, 'SENTIMENT', 'binary'),
        metric(23, 'Intent resolved', 'numeric'),
      ],
      [
        ['csat ', 'pie', 21, null],
        ['SENTIMENT rate per day', 'bar', 22, 'avg'],
        ['Intent resolved p95 per day', 'bar', 23, 'p95'],
        ['Topics', 'pie', null, null],
      ],
      [],
    ],
    [
      'a metric the project lacks leaves its widget out and is named',
      'failure-analysis',
      [metric(31, 'Latency', 'numeric')],
      [
        ['Why calls ended', 'pie', null, null],
        ['Where calls dropped off', 'pie', null, null],
        ['Success rate by agent', 'bar', null, 'avg'],
        ['Topics of failed calls', 'pie', null, null],
      ],
      ['Intent resolved'],
    ],
    [
      'no metrics at all',
      'customer-experience',
      [],
      [['Topics', 'pie', null, null]],
      ['CSAT', 'Sentiment', 'Intent resolved'],
    ],
  ])('%s', (_label, templateId, metrics, widgets, missing) => {
    const bound = bindDashboardTemplate(byId(templateId), metrics);
    expect(
      bound.document.widgets.map((w) => [
        w.name,
        w.chart_type,
        w.metric ?? null,
        w.aggregation_function ?? null,
      ]),
    ).toEqual(widgets);
    expect(bound.missing).toEqual(missing);
    // The references name exactly the project's metrics used, so an import matches them to themselves.
    const used = bound.document.widgets.flatMap((w) => (typeof w.metric === 'number' ? [w.metric] : []));
    expect(bound.document.references.metrics.map((m) => m.id).sort()).toEqual([...new Set(used)].sort());
  });

  it('lays the widgets out two to a row, without overlaps', () => {
    const bound = bindDashboardTemplate(byId('latency-and-reliability'), SEEDED);
    expect(bound.document.widgets.map((w) => w.metadata?.layout)).toEqual([
      { x: 0, y: 0, w: 6, h: 4 },
      { x: 6, y: 0, w: 6, h: 4 },
      { x: 0, y: 4, w: 6, h: 4 },
      { x: 6, y: 4, w: 6, h: 4 },
      { x: 0, y: 8, w: 6, h: 4 },
      { x: 6, y: 8, w: 6, h: 4 },
    ]);
  });

  it.each(DASHBOARD_TEMPLATES.map((t) => [t.title, t.document] as const))(
    '%s bound to the seeded metrics is a valid document of valid widgets',
    (_title, document) => {
      const bound = bindDashboardTemplate(document, SEEDED);
      expect(DashboardDocumentSchema.safeParse(bound.document).success).toBe(true);
      for (const widget of bound.document.widgets)
        expect(checkWidget(widget, { metrics: SEEDED })).toBeNull();
    },
  );
});
