import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';

/** Longer side in px: large enough to judge a face on a laptop screen, small enough to arrive quickly. */
export const ratingImageSize = 1024;

/** How many images stay cached (data: URLs of a few hundred kB each): enough for undo to go back without asking. */
const keep = 16;

type Entry = { url: string } | { error: ApiError };

/**
 * The blind images of a rating session by post id: the ones on screen, and the upcoming ones fetched and decoded in
 * advance, so answering shows the next image at once.
 */
export function useRatingImages(shown: readonly string[], upcoming: readonly string[]): ReadonlyMap<string, Entry> {
  const api = useApi();
  const cache = useRef(new Map<string, Entry>());
  const pending = useRef(new Set<string>());
  const mounted = useRef(true);
  const [, setVersion] = useState(0);
  const shownKey = shown.join('\n');
  const upcomingKey = upcoming.join('\n');

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    const wanted = [...shownKey.split('\n'), ...upcomingKey.split('\n')].filter((id) => id !== '');
    const fetchOne = async (postId: string) => {
      pending.current.add(postId);
      let entry: Entry;
      try {
        const url = call(await api.ratings.image({ postId, maxSize: ratingImageSize }));
        entry = { url };
        // Decode ahead of time, so the swap to this image costs no frame.
        const image = new Image();
        image.src = url;
        await image.decode().catch(() => undefined);
      } catch (thrown) {
        entry = { error: ApiError.from(thrown) };
      }
      pending.current.delete(postId);
      cache.current.set(postId, entry);
      evict(cache.current, new Set(wanted));
      // A fetch started for an earlier step may finish after the step changed: it still refreshes the view.
      if (mounted.current) setVersion((version) => version + 1);
    };
    const missing = (postId: string) => postId !== '' && !cache.current.has(postId) && !pending.current.has(postId);
    // The images on screen first (both of a pair at once), then the upcoming ones, one at a time.
    void (async () => {
      await Promise.all(shownKey.split('\n').filter(missing).map(fetchOne));
      for (const postId of upcomingKey.split('\n')) {
        if (!current) return;
        if (missing(postId)) await fetchOne(postId);
      }
    })();
    return () => {
      current = false;
    };
  }, [api, shownKey, upcomingKey]);

  return cache.current;
}

function evict(cache: Map<string, Entry>, wanted: Set<string>): void {
  for (const postId of cache.keys()) {
    if (cache.size <= keep) return;
    if (!wanted.has(postId)) cache.delete(postId);
  }
}
