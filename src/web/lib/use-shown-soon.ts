import { useEffect, useState, type RefObject } from 'react';
import { isIdleWorkPaused, runWhenIdle } from './idle-queue.ts';

/** How far outside the viewport an element counts as about to be seen. */
const NEAR_VIEWPORT = '300px 0px';

/**
 * Whether the element of `ref` should render its expensive content now: as soon as it comes within
 * 300 px of the viewport, or otherwise, once `ready` (its data is there: queued earlier, every card
 * would be "shown" before the data arrives and all would draw at once), when the browser is idle
 * (runWhenIdle), so that the cards in view draw first and the rest fill in without delaying them.
 * Once true it stays true: content is never torn down again. True from the start where
 * IntersectionObserver does not exist (jsdom).
 */
export function useShownSoon(ref: RefObject<Element | null>, ready: boolean): boolean {
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (shown || !element) return;
    let cancelNear: () => void = () => undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        // A card pushed near the viewport by a card being dragged waits for the drop: no chart draws
        // while a card moves.
        if (isIdleWorkPaused()) cancelNear = runWhenIdle(() => setShown(true));
        else setShown(true);
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(element);
    const cancelIdle = ready ? runWhenIdle(() => setShown(true)) : () => undefined;
    return () => {
      observer.disconnect();
      cancelIdle();
      cancelNear();
    };
  }, [ref, shown, ready]);
  return shown;
}
