import { useCallback, useSyncExternalStore } from 'react';

/**
 * Where the Rate page is, kept in the URL hash after the page id (`#/rate?rater=ada&session=s-1&view=rate`), so a
 * reload lands on the same rater and session; the position inside a session comes from the backend (ratings.next).
 */
export interface RatingRoute {
  rater: string | null;
  session: string | null;
  /** rate: the rating view; ranking: a pairwise session's Bradley–Terry ranking; null: the session list. */
  view: 'rate' | 'ranking' | null;
}

export function ratingRouteFromHash(hash: string): RatingRoute {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const view = params.get('view');
  return {
    rater: params.get('rater') || null,
    session: params.get('session') || null,
    view: view === 'rate' || view === 'ranking' ? view : null,
  };
}

export function hashForRatingRoute(route: RatingRoute): string {
  const params = new URLSearchParams();
  if (route.rater) params.set('rater', route.rater);
  if (route.session) params.set('session', route.session);
  if (route.view && route.session) params.set('view', route.view);
  const query = params.toString();
  return query ? `#/rate?${query}` : '#/rate';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route from location.hash (a string snapshot, so React compares it by value) and a setter that writes the hash. */
export function useRatingRoute(): [RatingRoute, (next: RatingRoute) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const go = useCallback((next: RatingRoute) => {
    window.location.hash = hashForRatingRoute(next);
  }, []);
  return [ratingRouteFromHash(hash), go];
}
