import { makeWidget } from '../test-support/make-widget.ts';
import { newerWidget, type CachedWidget } from './widget-cache.ts';

function copy(id: number, updatedAt: string | null, chartType: string): CachedWidget {
  return { ...makeWidget({ id, chart_type: chartType, updated_at: updatedAt }), etag: null };
}

const OLD = '2026-12-08T10:00:00.000Z';
const NEW = '2026-12-08T10:00:01.500Z';

describe('newerWidget', () => {
  test.each([
    ['nothing cached: the incoming copy', undefined, copy(7, OLD, 'bar'), 'bar'],
    ['the incoming copy is newer', copy(7, OLD, 'bar'), copy(7, NEW, 'line'), 'line'],
    ['the cached copy is newer (a refetch landed first)', copy(7, NEW, 'line'), copy(7, OLD, 'bar'), 'line'],
    ['the same time: the incoming copy', copy(7, OLD, 'bar'), copy(7, OLD, 'line'), 'line'],
    ['the cache holds another widget: the incoming copy', copy(8, NEW, 'pie'), copy(7, OLD, 'bar'), 'bar'],
    ['the incoming copy has no time, the cached one has', copy(7, OLD, 'bar'), copy(7, null, 'line'), 'bar'],
    ['neither has a time: the incoming copy', copy(7, null, 'bar'), copy(7, null, 'line'), 'line'],
    ['the cached copy has no time: the incoming copy', copy(7, null, 'bar'), copy(7, OLD, 'line'), 'line'],
  ])('%s', (_name, current, incoming, expected) => {
    expect(newerWidget(current, incoming).chart_type).toBe(expected);
  });
});
