import { useLayoutEffect, useRef, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The element's content width, rounded down to `step` pixels so that a drag or window resize
 * recomputes the chart model only when the width changes noticeably, and its exact size as of the
 * last such change (`size`, null until the first measure, which a layout effect takes before the
 * browser paints). The exact size lets a chart mount at its real size at once instead of measuring
 * itself in an effect and drawing a frame later; it is not kept up to date pixel by pixel, so a resize
 * renders the preview only once per step. Width 0 without layout (jsdom).
 */
export function useElementSize<T extends HTMLElement>(step = 40) {
  const ref = useRef<T | null>(null);
  const [measure, setMeasure] = useState<{ width: number; size: ElementSize } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (width: number, height: number) => {
      const stepped = Math.floor(width / step) * step;
      setMeasure((previous) =>
        previous?.width === stepped ? previous : { width: stepped, size: { width, height } },
      );
    };
    const box = element.getBoundingClientRect();
    update(box.width, box.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [step]);
  return { ref, width: measure?.width ?? 0, size: measure?.size ?? null };
}
