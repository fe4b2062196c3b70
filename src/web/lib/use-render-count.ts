import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The attribute the render count is written to (read by bench/web-bench.ts and the tests). */
export const RENDER_COUNT_ATTRIBUTE = 'data-render-count';

/**
 * Whether render counting is built in: in development, in tests, and in the benchmark's build
 * (`VITE_MEASURE_RENDERS=true vite build`, see bench/web-bench.ts). Vite replaces these with literals
 * at build time, so a production build keeps only `useNoRenderCount` and ships no measuring code.
 */
export const MEASURES_RENDERS: boolean =
  import.meta.env.DEV || import.meta.env.MODE === 'test' || import.meta.env.VITE_MEASURE_RENDERS === 'true';

/**
 * Counts the renders of the calling component and writes the count to the `data-render-count`
 * attribute of the element the returned ref is attached to, so that a benchmark or a test can prove
 * that something (a drag on the dashboard grid) redraws nothing it should not. Counted in a layout
 * effect without dependencies, which runs once for every render React commits and never for one it
 * throws away (StrictMode's second call, an interrupted transition): the count is of renders that
 * reached the screen. One attribute write per commit, no state, no extra render.
 */
function useCountedRenders<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const count = useRef(0);
  useLayoutEffect(() => {
    count.current += 1;
    ref.current?.setAttribute(RENDER_COUNT_ATTRIBUTE, String(count.current));
  });
  return ref;
}

/** The production stand-in: a plain ref, nothing counted or written. */
function useNoRenderCount<T extends HTMLElement>(): RefObject<T | null> {
  return useRef<T | null>(null);
}

/** `useCountedRenders` where measuring is built in (`MEASURES_RENDERS`), a plain ref elsewhere. */
export const useRenderCount: <T extends HTMLElement>() => RefObject<T | null> = MEASURES_RENDERS
  ? useCountedRenders
  : useNoRenderCount;
