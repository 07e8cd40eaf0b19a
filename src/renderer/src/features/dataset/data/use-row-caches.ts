import { useSyncExternalStore } from 'react';
import type { PostRow } from '../../../../../shared/posts/post-views';
import { useApi } from '../../../api/api-context';
import { call } from '../../../api/api-error';
import { useErrors } from '../../../app/error-context';
import { BatchCache } from './batch-cache';
import { useVersionedCaches } from './use-versioned-caches';

export interface RowCaches {
  /** Post rows (id, owner, hashtags, image error…) by row. */
  rows: BatchCache<PostRow>;
  /** First-image thumbnails as data: URLs (null: no readable image) by row. */
  thumbnails: BatchCache<string | null>;
}

/**
 * The caches the grid, table and detail drawer share. They are emptied whenever the posts are reloaded (`version`
 * changes), since an import or image analysis changes rows, duplicates and thumbnails.
 */
export function useRowCaches(version: number): RowCaches {
  const api = useApi();
  const { report } = useErrors();
  return useVersionedCaches<RowCaches>(
    () => ({
      rows: new BatchCache<PostRow>({
        fetch: async (rows) => call(await api.posts.rows({ rows })),
        batchSize: 500,
        parallel: 2,
        capacity: 20_000,
        onError: report,
      }),
      thumbnails: new BatchCache<string | null>({
        fetch: async (rows) => call(await api.posts.thumbnails({ rows })),
        // Small batches, so the first screen of a grid fills in quickly and a scrolled-away batch costs little.
        batchSize: 24,
        parallel: 3,
        capacity: 1_500,
        onError: report,
      }),
    }),
    version,
  );
}

/** Re-renders the caller whenever the cache receives values. */
export function useCacheRevision<T>(cache: BatchCache<T>): number {
  return useSyncExternalStore(cache.subscribe, cache.snapshot);
}
