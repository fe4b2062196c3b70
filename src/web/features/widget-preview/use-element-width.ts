import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The element's content width, rounded down to `step` pixels so that a drag or window resize
 * recomputes the chart model only when the width changes noticeably. 0 before the first measure
 * (and in jsdom, which has no layout).
 */
export function useElementWidth<T extends HTMLElement>(step = 40) {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (value: number) => setWidth(Math.floor(value / step) * step);
    measure(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [step]);
  return { ref, width };
}
