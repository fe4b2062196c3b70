import { describe, expect, it } from 'vitest';
import type { CachedWidget } from '../../api/widget-cache.ts';
import { pinWidgetCopy, type PinnedCopy } from './pin-widget-copy.ts';
import { makeWidget } from './widget-test-fixtures.ts';

const copy = (updatedAt: string, etag: string | null): CachedWidget => ({
  ...makeWidget({ updated_at: updatedAt }),
  etag,
});
const fromDashboard = copy('2026-11-01T10:00:00Z', null);
const own = copy('2026-11-01T10:00:00Z', '"v1"');
const theirs = copy('2026-11-01T11:00:00Z', '"v2"');

describe('pinWidgetCopy', () => {
  it.each<[string, PinnedCopy | null, CachedWidget | null, CachedWidget | null, PinnedCopy | null]>([
    ['nothing loaded yet', null, null, null, null],
    ['only the dashboard copy', null, null, fromDashboard, { widget: fromDashboard, confirmed: false }],
    ['the widget’s own copy first', null, own, fromDashboard, { widget: own, confirmed: true }],
    [
      'the own copy replacing the dashboard copy',
      { widget: fromDashboard, confirmed: false },
      own,
      fromDashboard,
      { widget: own, confirmed: true },
    ],
    [
      'a newer own copy replacing a stale dashboard copy',
      { widget: fromDashboard, confirmed: false },
      theirs,
      fromDashboard,
      { widget: theirs, confirmed: true },
    ],
  ])('%s', (_name, pinned, detail, embedded, expected) => {
    expect(pinWidgetCopy(pinned, detail, embedded)).toEqual(expected);
  });

  it.each<[string, CachedWidget | null, CachedWidget | null]>([
    ['a newer copy in the cache (a save, a refetch)', theirs, fromDashboard],
    ['the same copy again', own, fromDashboard],
    ['the cache emptied', null, null],
  ])('keeps a confirmed pin (same reference) against %s', (_name, detail, embedded) => {
    const pinned = { widget: own, confirmed: true };
    expect(pinWidgetCopy(pinned, detail, embedded)).toBe(pinned);
  });

  it('keeps an unconfirmed pin (same reference) while the own copy is still on its way', () => {
    const pinned = { widget: fromDashboard, confirmed: false };
    expect(pinWidgetCopy(pinned, null, fromDashboard)).toBe(pinned);
  });
});
