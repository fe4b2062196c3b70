import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from './query-client.ts';

// D14: the SPA writes widget metadata back with every key it did not create, so the cache must hold
// exactly what the server sent, even after structural sharing merges a newer copy into an older one.
describe('createAppQueryClient', () => {
  const key = ['widget', 1];
  const first = '{"id":1,"metadata":{"__proto__":{"x":1},"constructor":1,"layout":{"x":0}}}';
  const second = '{"id":1,"metadata":{"__proto__":{"x":1},"constructor":1,"layout":{"x":4}}}';

  it('keeps a __proto__ key when new data replaces changed data', () => {
    const client = createAppQueryClient();
    client.setQueryData(key, JSON.parse(first));
    client.setQueryData(key, JSON.parse(second));
    expect(JSON.stringify(client.getQueryData(key))).toBe(second);
  });

  it('still shares unchanged parts of ordinary data with the previous copy', () => {
    const client = createAppQueryClient();
    client.setQueryData(key, { id: 1, metadata: { layout: { x: 0 } }, filters: { op: 'eq' } });
    const before = client.getQueryData<{ filters: unknown }>(key);
    client.setQueryData(key, { id: 1, metadata: { layout: { x: 4 } }, filters: { op: 'eq' } });
    const after = client.getQueryData<{ filters: unknown }>(key);
    expect(after?.filters).toBe(before?.filters);
  });
});
