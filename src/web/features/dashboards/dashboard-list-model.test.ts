import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { dateRangeFilter } from './date-range-presets.ts';
import {
  dashboardName,
  listProjects,
  parseProjectParam,
  projectLabel,
  selectDashboards,
} from './dashboard-list-model.ts';

function dashboard(
  id: number,
  project: number | null,
  updated: string | null,
  name: string | null = `D${id}`,
): DashboardList {
  return { id, name, project, filters: null, widget_count: 0, created_at: null, updated_at: updated };
}

const list = [
  dashboard(1, 2, '2026-01-02T00:00:00Z', 'Beta'),
  dashboard(2, 1, '2026-01-03T00:00:00Z'),
  dashboard(3, 2, '2026-01-02T00:00:00Z', 'Alpha'),
  dashboard(4, null, null),
];

test('listProjects gives distinct ids ascending, ignoring null', () => {
  expect(listProjects(list)).toEqual([1, 2]);
  expect(listProjects([])).toEqual([]);
});

test.each([
  [null, [2, 3, 1, 4]],
  [2, [3, 1]],
  [9, []],
])('selectDashboards(project %j) → ids %j (newest first, then by name)', (project, ids) => {
  expect(selectDashboards(list, project).map((d) => d.id)).toEqual(ids);
});

test('selectDashboards does not reorder its input', () => {
  const copy = [...list];
  selectDashboards(list, null);
  expect(list).toEqual(copy);
});

test.each([
  [null, 'No project'],
  [3, 'Project 3'],
])('projectLabel(%j) = %s', (id, label) => {
  expect(projectLabel(id)).toBe(label);
});

test.each([
  ['Sales', 'Sales'],
  [null, 'Untitled dashboard 7'],
  ['   ', 'Untitled dashboard 7'],
])('dashboardName(%j) = %s', (name, expected) => {
  expect(dashboardName({ id: 7, name })).toBe(expected);
});

test.each([
  [null, null],
  ['3', 3],
  ['x', null],
  ['-1', null],
  ['', null],
])('parseProjectParam(%j) = %j', (value, expected) => {
  expect(parseProjectParam(value)).toBe(expected);
});

test('the default range filter is the documented "Last 7 days" shape', () => {
  expect(dateRangeFilter('7d')).toEqual({
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
      { field: 'timestamp', op: 'lte', value: 'now' },
    ],
  });
  expect(dateRangeFilter('1h')).toMatchObject({ conditions: [{ value: 'now-1h' }, { value: 'now' }] });
});
