import { useEffect } from 'react';

/**
 * While wall mode is shown: the page is dark (or light) whatever the system says, and every size in
 * rem grows by a quarter (large type, readable across a room). Restored when wall mode ends.
 */
export function useWallAppearance(theme: 'dark' | 'light'): void {
  useEffect(() => {
    const root = document.documentElement;
    const previousSize = root.style.fontSize;
    root.classList.add(theme);
    root.style.fontSize = '125%';
    return () => {
      root.classList.remove(theme);
      root.style.fontSize = previousSize;
    };
  }, [theme]);
}
