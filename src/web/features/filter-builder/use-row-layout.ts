import { useLayoutEffect, useRef, useState } from 'react';
import { conditionRowLayout } from './condition-row-layout.ts';

/**
 * The layout of the row `ref` points at, from its content width: measured before the first paint and
 * again whenever the row is resized (a window resize, a column change, a drag into a deeper group).
 * The state holds the layout, not the width, so a row renders again only when its layout changes.
 */
export function useRowLayout<T extends HTMLElement>(hasMetadataKey: boolean) {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  const layout = conditionRowLayout(width, hasMetadataKey);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    const update = (contentWidth: number) =>
      setWidth((previous) =>
        previous !== null &&
        conditionRowLayout(previous, hasMetadataKey) === conditionRowLayout(contentWidth, hasMetadataKey)
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
  }, [hasMetadataKey]);
  return { ref, layout };
}
