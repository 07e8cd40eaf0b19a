import { useEffect, useState } from 'react';
import type { PostsSummary } from '../../../../../shared/posts/post-views';
import { useApi, useReconnectCount } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';
import { toPostColumns, type PostColumns } from './post-columns';

export interface PostData {
  summary: PostsSummary;
  columns: PostColumns;
  /** Grows with every load: caches keyed by row are reset when it changes. */
  version: number;
}

export interface PostDataState {
  /** null until the first load answers. */
  data: PostData | null;
  loading: boolean;
  error: ApiError | null;
}

/**
 * The project's posts summary and numeric columns, loaded once and again after every 'project.changed' (an import or
 * an image analysis finished) or reconnect. A slower, older answer never overwrites a newer one.
 */
export function usePostData(): PostDataState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<PostDataState>({ data: null, loading: true, error: null });

  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = async () => {
      const request = ++latest;
      setState((current) => ({ ...current, loading: true }));
      try {
        const [summary, payload] = await Promise.all([api.posts.summary(), api.posts.columns()]);
        const columns = toPostColumns(call(payload));
        if (!live || request !== latest) return;
        setState((current) => ({
          data: { summary: call(summary), columns, version: (current.data?.version ?? 0) + 1 },
          loading: false,
          error: null,
        }));
      } catch (thrown) {
        if (live && request === latest) setState((current) => ({ ...current, loading: false, error: ApiError.from(thrown) }));
      }
    };
    const unsubscribe = api.on('project.changed', (summary) => {
      if (summary) void load();
    });
    void load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, reconnects]);

  return state;
}
