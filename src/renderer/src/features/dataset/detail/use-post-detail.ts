import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostDetail } from '../../../../../shared/posts/post-views';
import { useApi } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';
import type { RowCaches } from '../data/use-row-caches';

export interface PostDetailState {
  detail: PostDetail | null;
  loading: boolean;
  error: ApiError | null;
  /** Loads a post by id (a duplicate-of link) and resolves to its row. */
  loadById(id: string): Promise<number>;
}

/**
 * The full record of the post in `row` (null: none selected). Details are kept per row until the posts reload, so
 * stepping back and forth with ←/→ answers at once; a slow answer for a row no longer selected is dropped.
 */
export function usePostDetail(row: number | null, caches: RowCaches, version: number): PostDetailState {
  const api = useApi();
  const cache = useRef(new Map<number, PostDetail>());
  const [state, setState] = useState<{ row: number | null; detail: PostDetail | null; error: ApiError | null }>({
    row: null,
    detail: null,
    error: null,
  });

  // Declared before the loading effect, so it runs first when the posts were reloaded.
  useEffect(() => {
    cache.current.clear();
  }, [version]);

  const fetchById = useCallback(
    async (id: string): Promise<PostDetail> => {
      const detail = call(await api.posts.get({ id }));
      cache.current.set(detail.post.row, detail);
      return detail;
    },
    [api],
  );

  useEffect(() => {
    if (row === null) return;
    let live = true;
    const known = cache.current.get(row);
    if (known) {
      setState({ row, detail: known, error: null });
      return;
    }
    void (async () => {
      try {
        const id = caches.rows.get(row)?.id ?? call(await api.posts.rows({ rows: [row] }))[0]?.id;
        if (id === undefined) throw new ApiError({ code: 'INVALID_INPUT', message: `No post in row ${row}.` });
        const detail = await fetchById(id);
        if (live) setState({ row, detail, error: null });
      } catch (thrown) {
        if (live) setState({ row, detail: null, error: ApiError.from(thrown) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, caches, row, version, fetchById]);

  const loadById = useCallback(async (id: string) => (await fetchById(id)).post.row, [fetchById]);
  const current = state.row === row;
  // While the next post loads, the previous one stays on screen (dimmed), so stepping with ←/→ does not flash.
  return {
    detail: row === null ? null : state.detail,
    loading: row !== null && !current,
    error: current ? state.error : null,
    loadById,
  };
}
