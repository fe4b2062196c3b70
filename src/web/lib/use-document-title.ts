import { useEffect } from 'react';

/** Sets the tab title to "<title> · Widget Studio" while the calling page is shown. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Widget Studio` : 'Widget Studio';
  }, [title]);
}
