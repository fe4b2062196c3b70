import { useLayoutEffect, useRef } from 'react';

/** The attribute the render count is written to (read by bench/web-bench.ts and the tests). */
export const RENDER_COUNT_ATTRIBUTE = 'data-render-count';

/**
 * Counts the renders of the calling component and writes the count to the `data-render-count`
 * attribute of the element the returned ref is attached to, so that a benchmark or a test can prove
 * that something (a drag on the dashboard grid) redraws nothing it should not. Counted in a layout
 * effect without dependencies, which runs once for every render React commits and never for one it
 * throws away (StrictMode's second call, an interrupted transition): the count is of renders that
 * reached the screen. One attribute write per commit, no state, no extra render.
 */
export function useRenderCount<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  const count = useRef(0);
  useLayoutEffect(() => {
    count.current += 1;
    ref.current?.setAttribute(RENDER_COUNT_ATTRIBUTE, String(count.current));
  });
  return ref;
}
