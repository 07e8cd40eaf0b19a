import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../../shared/api/contract';
import { useApi } from '../../api/api-context';

export type RatingsChange = EventPayload<'ratings.changed'>;

/** Long enough to fold a burst (a rater answering quickly, an import) into one reload, short enough to feel live. */
export const ratingsChangedDelayMs = 300;

/**
 * Calls `listener` once per burst of 'ratings.changed' events (a rating given, undone or imported, a rater or session
 * added, renamed or removed, in this window or another), with the burst's changes, `delayMs` after the last one.
 */
export function useRatingsChanged(listener: (changes: RatingsChange[]) => void, delayMs = ratingsChangedDelayMs): void {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: RatingsChange[] = [];
    const unsubscribe = api.on('ratings.changed', (change) => {
      pending.push(change);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const changes = pending;
        pending = [];
        latest.current(changes);
      }, delayMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [api, delayMs]);
}
