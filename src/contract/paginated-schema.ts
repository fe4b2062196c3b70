import * as z from 'zod';

/**
 * The DRF page-number envelope `{count, next, previous, results}` (D12: absolute next/previous URLs).
 * The OpenAPI document requires only `count` and `results`; a missing `next`/`previous` reads as null.
 */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int(),
    next: z.string().nullable().default(null),
    previous: z.string().nullable().default(null),
    results: z.array(item),
  });
}
export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** D12 pagination limits. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
