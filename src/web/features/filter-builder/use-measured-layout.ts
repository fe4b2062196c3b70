import { useLayoutEffect, useRef, useState } from 'react';

/**
 * A layout chosen from the content width of the element `ref` points at, by `classify` (given null
 * before the first measure): measured before the first paint and again whenever the element is
 * resized (a window resize, a column change, a drag into a deeper group). The width is kept only when
 * it changes the layout, so the element's component renders again only then. The element needs
 * inline-size containment, or the layout it picks could change the width it measures.
 */
export function useMeasuredLayout<T extends HTMLElement, L>(classify: (width: number | null) => L) {
  const ref = useRef<T | null>(null);
  const classifyRef = useRef(classify);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    classifyRef.current = classify;
  });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    const update = (contentWidth: number) =>
      setWidth((previous) =>
        previous !== null && classifyRef.current(previous) === classifyRef.current(contentWidth)
          ? previous
          : contentWidth,
      );
    update(element.clientWidth - padding);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) update(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, layout: classify(width) };
}
