import { useEffect, type RefObject } from 'react';

/**
 * Calls `onOutside` when a pointer goes down outside every given element while `active` (a popover
 * closes on a click elsewhere). The refs are read at event time, so they may be attached later.
 */
export function useOutsidePointer(
  active: boolean,
  refs: readonly RefObject<HTMLElement | null>[],
  onOutside: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target;
      if (target instanceof Node && !refs.some((ref) => ref.current?.contains(target))) onOutside();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
    // The refs are stable objects; a new array of the same refs must not re-subscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, onOutside]);
}
