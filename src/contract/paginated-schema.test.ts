import * as z from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginated } from './paginated-schema.ts';

const Page = paginated(z.object({ id: z.number() }));

describe('paginated', () => {
  it.each<[string, unknown, unknown]>([
    [
      'a full page',
      { count: 3, next: 'https://api.cekura.ai/x/?page=2', previous: null, results: [{ id: 1 }] },
      { count: 3, next: 'https://api.cekura.ai/x/?page=2', previous: null, results: [{ id: 1 }] },
    ],
    [
      'next/previous absent (not required in OpenAPI)',
      { count: 0, results: [] },
      { count: 0, next: null, previous: null, results: [] },
    ],
    [
      'OpenAPI example values',
      {
        count: 123,
        next: 'https://api.cekura.ai/example/v1/example-external/?page=4',
        previous: 'https://api.cekura.ai/example/v1/example-external/?page=3',
        results: [],
      },
      {
        count: 123,
        next: 'https://api.cekura.ai/example/v1/example-external/?page=4',
        previous: 'https://api.cekura.ai/example/v1/example-external/?page=3',
        results: [],
      },
    ],
    ['missing count', { results: [] }, null],
    ['bad item', { count: 1, results: [{ id: 'x' }] }, null],
    ['results missing', { count: 1 }, null],
  ])('%s', (_name, body, expected) => {
    const parsed = Page.safeParse(body);
    expect(parsed.success ? parsed.data : null).toEqual(expected);
  });

  it('uses the D12 page sizes', () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([50, 200]);
  });
});
