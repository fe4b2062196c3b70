import type { Widget } from '../../contract/widget-schema.ts';
import { asGroupedBy, groupByEffect, withGroupByNotes, type GroupByEffect } from './group-by-effect.ts';

const cohorts = {
  compare: {
    mode: 'cohorts',
    cohorts: [
      { label: 'EU', filters: null },
      { label: 'US', filters: null },
    ],
  },
};
type Shape = Pick<Widget, 'chart_type' | 'metadata'>;
const widget = (chart_type: Widget['chart_type'], metadata: Widget['metadata'] = null): Shape => ({
  chart_type,
  metadata,
});
const NOTE = 'Group by Topic does not apply to a cohort comparison: each cohort stays one series.';
const KEPT: GroupByEffect = { kind: 'kept', note: NOTE };

describe('groupByEffect', () => {
  it.each<[string, Shape, string | null, GroupByEffect]>([
    ['no group-by: nothing changes', widget('bar', cohorts), null, { kind: 'none' }],
    ['a bar is re-grouped', widget('bar'), 'topic', { kind: 'regroup', field: 'topic' }],
    [
      'a line is re-grouped',
      widget('line'),
      'metadata.region',
      { kind: 'regroup', field: 'metadata.region' },
    ],
    ['a pie keeps its slices, silently (D1)', widget('pie'), 'topic', { kind: 'none' }],
    ['a stat has no groups', widget('stat', cohorts), 'topic', { kind: 'none' }],
    ['a cohort bar stays one series per cohort, and says so', widget('bar', cohorts), 'topic', KEPT],
    ['a cohort line too', widget('line', { ...cohorts, layout: { x: 0 } }), 'topic', KEPT],
    [
      'a previous-period comparison is re-grouped (one faded twin per group)',
      widget('bar', { compare: { mode: 'previous', offset: 'period' } }),
      'topic',
      { kind: 'regroup', field: 'topic' },
    ],
    [
      'an unreadable compare setting reads as off: re-grouped',
      widget('bar', { compare: { mode: 'cohorts', cohorts: 'EU' } }),
      'topic',
      { kind: 'regroup', field: 'topic' },
    ],
    [
      'a metadata field is named by its key',
      widget('bar', cohorts),
      'metadata.region',
      {
        kind: 'kept',
        note: 'Group by Metadata: region does not apply to a cohort comparison: each cohort stays one series.',
      },
    ],
  ])('%s', (_, shape, groupBy, expected) => {
    expect(groupByEffect(shape, groupBy)).toEqual(expected);
  });
});

describe('withGroupByNotes', () => {
  const cohortBar = { id: 1, ...widget('bar', cohorts) };
  const plainBar = { id: 2, ...widget('bar') };
  const contradiction = { 1: 'Region EU contradicts this widget’s filter.' };

  it('adds the note of a cohort card, after a note it already has', () => {
    expect(withGroupByNotes(contradiction, [cohortBar, plainBar], 'topic')).toEqual({
      1: `Region EU contradicts this widget’s filter. ${NOTE}`,
    });
    expect(withGroupByNotes({}, [cohortBar, plainBar], 'topic')).toEqual({
      1: NOTE,
    });
  });

  it.each<[string, string | null]>([
    ['no group-by', null],
    ['a group-by that applies to no cohort card', 'topic'],
  ])('%s: the same object', (_, field) => {
    const widgets = field === null ? [cohortBar, plainBar] : [plainBar];
    expect(withGroupByNotes(contradiction, widgets, field)).toBe(contradiction);
  });
});

describe('asGroupedBy', () => {
  const previous = {
    chart_type: 'bar' as const,
    group_by: { type: 'field', field: 'metadata.region' },
    metadata: { compare: { mode: 'previous', offset: 'period' } },
  };

  it('groups a re-grouped widget by the field, keeping everything else', () => {
    expect(asGroupedBy(previous, 'topic')).toEqual({
      ...previous,
      group_by: { type: 'field', field: 'topic' },
    });
  });

  it.each<[string, Pick<Widget, 'chart_type' | 'metadata' | 'group_by'>, string | null]>([
    ['no group-by', previous, null],
    ['a pie', { ...previous, chart_type: 'pie' }, 'topic'],
    ['a cohort comparison', { ...previous, metadata: cohorts }, 'topic'],
  ])('%s: the same object', (_, shape, field) => {
    expect(asGroupedBy(shape, field)).toBe(shape);
  });
});
