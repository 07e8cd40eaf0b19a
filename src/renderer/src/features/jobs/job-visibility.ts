import { useEffect } from 'react';

/**
 * Job kinds whose progress the page on screen shows itself (the Train page draws its run's curves and progress), so
 * starting one does not pop the jobs tray open over that page. A count per kind: pages mount and unmount in any order.
 */
const shownByPage = new Map<string, number>();

export function isShownByPage(kind: string): boolean {
  return (shownByPage.get(kind) ?? 0) > 0;
}

/** While the calling component is mounted, jobs of `kind` that start do not open the tray. */
export function useShowsJobProgress(kind: string): void {
  useEffect(() => {
    shownByPage.set(kind, (shownByPage.get(kind) ?? 0) + 1);
    return () => {
      const left = (shownByPage.get(kind) ?? 1) - 1;
      if (left > 0) shownByPage.set(kind, left);
      else shownByPage.delete(kind);
    };
  }, [kind]);
}
