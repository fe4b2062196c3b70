import { useEffect, type RefObject } from 'react';
import { useBlocker, type Blocker } from 'react-router';

/**
 * Asks before unsaved changes are left behind: in-app navigation to another page is held by the
 * router's blocker (the caller renders the question while `blocker.state === 'blocked'`), and closing
 * or reloading the tab gets the browser's own prompt. Nothing is asked when `dirty` is false, and a
 * change of search params on the same page (e.g. `?compare`) is never blocked. `allowLeave` is read at
 * navigation time, so a handler can set it and navigate at once (after a save or a delete).
 */
export function useLeaveGuard(dirty: boolean, allowLeave: RefObject<boolean>): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowLeave.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowLeave.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, allowLeave]);
  return blocker;
}
