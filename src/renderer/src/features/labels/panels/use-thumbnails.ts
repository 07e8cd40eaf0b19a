import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';

/** The backend answers at most this many ids per call. */
const batchSize = 200;

/**
 * Thumbnails (data: URLs, null where a post has no readable image) for post ids, fetched once per id and kept for
 * the page's lifetime, so moving a threshold back and forth does not ask again.
 */
export function useThumbnails(ids: readonly string[]): { thumbnails: ReadonlyMap<string, string | null>; error: ApiError | null } {
  const api = useApi();
  const cache = useRef(new Map<string, string | null>());
  const [, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const key = ids.join('\n');

  useEffect(() => {
    const wanted = [...new Set(key.split('\n').filter((id) => id !== '' && !cache.current.has(id)))];
    if (wanted.length === 0) return;
    let live = true;
    void (async () => {
      try {
        for (let start = 0; start < wanted.length; start += batchSize) {
          const batch = wanted.slice(start, start + batchSize);
          const urls = call(await api.posts.thumbnailsById({ ids: batch }));
          batch.forEach((id, index) => cache.current.set(id, urls[index] ?? null));
        }
        if (live) {
          setError(null);
          setVersion((version) => version + 1);
        }
      } catch (thrown) {
        if (live) setError(ApiError.from(thrown));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, key]);

  return { thumbnails: cache.current, error };
}
