import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The element's content width, rounded down to `step` pixels so that a drag or window resize
 * recomputes the chart model only when the width changes noticeably. 0 before the first measure
 * (and in jsdom, which has no layout); `measured` is false only until that first measure, which a
 * layout effect takes before the browser paints.
 */
export function useElementWidth<T extends HTMLElement>(step = 40) {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (value: number) => setWidth(Math.floor(value / step) * step);
    setMeasured(true);
    measure(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [step]);
  return { ref, width, measured };
}
