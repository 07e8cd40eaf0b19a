import { useCallback, useEffect, useState } from 'react';
import type { PostDetail } from '../../../../shared/posts/post-views';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { PostDetailDrawer } from '../dataset/detail/PostDetailDrawer';

/**
 * The Dataset page's post drawer, opened from a point of the embedding map: the post by id, with the model's numbers
 * above it. ← and → step through the map's points in their stored order.
 */
export function MapPostDrawer(props: { postId: string; facts: string; position: number; total: number; onStep(step: -1 | 1): void; onClose(): void }) {
  const api = useApi();
  const [shown, setShown] = useState(props.postId);
  const [state, setState] = useState<{ id: string; detail: PostDetail | null; error: ApiError | null } | null>(null);

  useEffect(() => setShown(props.postId), [props.postId]);

  const fetchById = useCallback(async (id: string) => call(await api.posts.get({ id })), [api]);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const detail = await fetchById(shown);
        if (live) setState({ id: shown, detail, error: null });
      } catch (thrown) {
        if (live) setState({ id: shown, detail: null, error: ApiError.from(thrown) });
      }
    })();
    return () => {
      live = false;
    };
  }, [fetchById, shown]);

  const current = state?.id === shown;
  return (
    <>
      <p className="train-map__facts" data-testid="map-post-facts" data-post-id={props.postId}>
        Post {props.postId}: {props.facts}
      </p>
      <PostDetailDrawer
        state={{
          detail: state?.detail ?? null,
          loading: !current,
          error: current ? (state?.error ?? null) : null,
          loadById: async (id) => (await fetchById(id)).post.row,
        }}
        position={props.position}
        total={props.total}
        onClose={props.onClose}
        onStep={props.onStep}
        onOpenPost={setShown}
      />
    </>
  );
}
