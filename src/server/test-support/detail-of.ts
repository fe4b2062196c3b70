import * as z from 'zod';

const DetailBody = z.object({ detail: z.string() });

/** The `detail` of a DRF error body; fails the test when the body has another shape. */
export function detailOf(body: unknown): string {
  return DetailBody.parse(body).detail;
}
