import {
  draftOriginOf,
  draftStorageKey,
  isDraftOf,
  readDraft,
  removeDraft,
  shouldOfferDraft,
  writeDraft,
  type DraftStore,
  type StoredDraft,
} from './draft-storage.ts';
import { newWidgetDraft } from './widget-form-model.ts';

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const server = newWidgetDraft();
const entry: StoredDraft = {
  version: 1,
  savedAt: 1000,
  baseUpdatedAt: '2026-01-02T00:00:00.000Z',
  draft: {
    ...server,
    name: 'Unsaved name',
    chart_type: 'bar',
    aggregation_function: 'p95',
    time_period: 'day',
  },
};

describe('draft storage', () => {
  it('writes and reads a draft per widget', () => {
    const store = memoryStore();
    const key = draftStorageKey(3, 41);
    expect(key).toBe('widget-studio:draft:3:41');
    expect(draftStorageKey(3, 'new')).toBe('widget-studio:draft:3:new');
    expect(writeDraft(store, key, entry)).toBe(true);
    expect(readDraft(store, key)).toEqual(entry);
    expect(readDraft(store, draftStorageKey(3, 42))).toBeNull();
    removeDraft(store, key);
    expect(readDraft(store, key)).toBeNull();
  });

  it('stores nothing but the draft and its base (no key, no server fields)', () => {
    const store = memoryStore();
    writeDraft(store, 'k', entry);
    const raw: unknown = JSON.parse(store.data.get('k') ?? '{}');
    expect(raw).toStrictEqual({ ...entry });
  });

  it.each([
    ['not JSON', '{oops'],
    ['wrong version', JSON.stringify({ ...entry, version: 2 })],
    ['bad draft', JSON.stringify({ ...entry, draft: { ...entry.draft, chart_type: 'donut' } })],
  ])('ignores a corrupt entry: %s', (_name, raw) => {
    const store = memoryStore();
    store.setItem('k', raw);
    expect(readDraft(store, 'k')).toBeNull();
  });

  it('survives a storage that throws', () => {
    const broken: DraftStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(writeDraft(broken, 'k', entry)).toBe(false);
    expect(readDraft(broken, 'k')).toBeNull();
    expect(() => removeDraft(broken, 'k')).not.toThrow();
    warn.mockRestore();
  });

  it('offers a draft only when it differs from the server copy', () => {
    expect(shouldOfferDraft(entry, server)).toBe(true);
    expect(shouldOfferDraft({ ...entry, draft: { ...server } }, server)).toBe(false);
    expect(shouldOfferDraft(null, server)).toBe(false);
  });
});

describe('isDraftOf: a draft lands only on the object it was made from', () => {
  const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T00:00:00.000Z`;
  const widgetOrigin = draftOriginOf({ created_at: day(1) }, { created_at: day(2) });
  const newWidgetOrigin = draftOriginOf({ created_at: day(1) }, null);
  const legacy = { ...entry, origin: undefined };

  it.each([
    ['the same widget', { ...entry, origin: widgetOrigin }, widgetOrigin, true],
    [
      'another widget that got the id',
      { ...entry, origin: widgetOrigin },
      { ...widgetOrigin, widgetCreatedAt: day(9) },
      false,
    ],
    ['a new widget of the same dashboard', { ...entry, origin: newWidgetOrigin }, newWidgetOrigin, true],
    [
      'another dashboard that got the id',
      { ...entry, origin: newWidgetOrigin },
      { ...newWidgetOrigin, dashboardCreatedAt: day(9) },
      false,
    ],
    ['a draft of a widget, kept for a new one', { ...entry, origin: widgetOrigin }, newWidgetOrigin, false],
    ['kept before origins: based on this widget', { ...legacy, baseUpdatedAt: day(3) }, widgetOrigin, true],
    [
      'kept before origins: based on an older widget',
      { ...legacy, baseUpdatedAt: day(1) },
      widgetOrigin,
      false,
    ],
    [
      'kept before origins: new widget after the dashboard',
      { ...legacy, savedAt: Date.parse(day(5)) },
      newWidgetOrigin,
      true,
    ],
    [
      'kept before origins: new widget before the dashboard',
      { ...legacy, savedAt: Date.parse(day(1)) - 1 },
      newWidgetOrigin,
      false,
    ],
    ['kept before origins, dates unknown', legacy, draftOriginOf({ created_at: null }, null), true],
  ])('%s', (_name, stored, origin, expected) => {
    expect(isDraftOf(stored, origin)).toBe(expected);
  });

  it('keeps the origin through storage', () => {
    const store = memoryStore();
    writeDraft(store, 'k', { ...entry, origin: widgetOrigin });
    expect(readDraft(store, 'k')?.origin).toEqual(widgetOrigin);
  });
});
