import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { hashFor, pageFromHash, pages, type PageId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current page from location.hash, so a reload keeps the page; navigate() writes the hash. */
export function useHashRoute(): [PageId, (page: PageId) => void] {
  const page = useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
  const navigate = useCallback((next: PageId) => {
    window.location.hash = hashFor(next);
  }, []);
  return [page, navigate];
}

/** Alt+1…Alt+6 switch pages. Matches the physical key (event.code), since Alt+digit types symbols on some layouts. */
export function usePageShortcuts(navigate: (page: PageId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      const page = digit === undefined ? undefined : pages[Number(digit) - 1];
      if (!page) return;
      event.preventDefault();
      navigate(page.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}

/** "Alt+1", or "⌥1" on macOS where that is how the key is labelled. */
export function shortcutLabel(index: number): string {
  const isMac = /Mac/i.test(navigator.platform);
  return isMac ? `⌥${index + 1}` : `Alt+${index + 1}`;
}
