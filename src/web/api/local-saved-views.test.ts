import { describe, expect, it } from 'vitest';
import type { SavedView, ViewState } from '../../contract/saved-view-schema.ts';
import { addLocalView, parseLocalViews, removeLocalView } from './local-saved-views.ts';

const STATE: ViewState = { variables: [{ field: 'topic', values: ['billing', null] }], group_by: null };
const NOW = new Date('2026-12-07T03:00:00.000Z');
const view = (id: number, name: string): SavedView => ({
  id,
  dashboard: 4,
  name,
  state: STATE,
  created_at: NOW.toISOString(),
});

describe('parseLocalViews', () => {
  it.each<[string, string | null, SavedView[]]>([
    ['nothing stored', null, []],
    ['not JSON', '{', []],
    ['not a list', '{"a":1}', []],
    ['a list of views', JSON.stringify([view(1, 'a')]), [view(1, 'a')]],
    ['unreadable items left out', JSON.stringify([view(1, 'a'), { id: 'x' }, 3]), [view(1, 'a')]],
  ])('%s', (_, text, expected) => {
    expect(parseLocalViews(text)).toEqual(expected);
  });
});

describe('addLocalView', () => {
  it('adds a trimmed name with the next id, sorted by name', () => {
    const outcome = addLocalView([view(3, 'b')], { dashboardId: 4, name: '  a  ', state: STATE, now: NOW });
    expect(outcome).toEqual({ ok: true, view: view(4, 'a'), views: [view(4, 'a'), view(3, 'b')] });
  });

  it.each<[string, readonly SavedView[], string, ViewState, Record<string, string[]>]>([
    ['a blank name', [], '  ', STATE, { name: ['This field may not be blank.'] }],
    [
      'a taken name',
      [view(1, 'a')],
      'a',
      STATE,
      { name: ['This dashboard already has a view with this name.'] },
    ],
    [
      'a field that cannot be a variable',
      [],
      'x',
      { variables: [{ field: 'duration', values: [] }], group_by: null },
      { state: ['Variables are text call fields or metadata.<key>.'] },
    ],
    [
      'a full dashboard',
      Array.from({ length: 50 }, (_, i) => view(i + 1, `v${i}`)),
      'one more',
      STATE,
      { detail: ['A dashboard keeps at most 50 views: delete one first.'] },
    ],
  ])('refuses %s', (_, views, name, state, errors) => {
    expect(addLocalView(views, { dashboardId: 4, name, state, now: NOW })).toEqual({ ok: false, errors });
  });
});

describe('removeLocalView', () => {
  it('removes by id and returns the same list for an unknown id', () => {
    const views = [view(1, 'a'), view(2, 'b')];
    expect(removeLocalView(views, 1)).toEqual([view(2, 'b')]);
    expect(removeLocalView(views, 9)).toBe(views);
  });
});
