import { shareStructurally } from './share-structurally.ts';

describe('shareStructurally', () => {
  test('a first answer is used as it is', () => {
    const first = { results: [{ id: 1, data: [{ value: 2 }] }] };
    expect(shareStructurally(undefined, first)).toBe(first);
  });

  test('unchanged parts of a later answer keep their old references, changed parts are new', () => {
    const old = { a: { x: 1 }, b: [{ y: 2 }] };
    const next = { a: { x: 1 }, b: [{ y: 3 }] };
    const shared = shareStructurally(old, next) as typeof old;
    expect(shared.a).toBe(old.a);
    expect(shared.b).not.toBe(old.b);
    expect(shared).toEqual(next);
  });

  test('an equal answer is the old one', () => {
    const old = { a: [1, 2, { c: 'd' }] };
    expect(shareStructurally(old, structuredClone(old))).toBe(old);
  });

  test('an answer with a __proto__ key at some depth is used as it is, the key kept', () => {
    const next: unknown = JSON.parse('{"metadata":{"nested":[{"__proto__":{"x":1}}]}}');
    const shared = shareStructurally({ metadata: { nested: [] } }, next);
    expect(shared).toBe(next);
    expect(JSON.stringify(shared)).toBe('{"metadata":{"nested":[{"__proto__":{"x":1}}]}}');
  });
});
