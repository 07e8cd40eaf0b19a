import { useEffect, useRef } from 'react';
import { Spinner } from '../../../components/Spinner';
import { PostBadges } from '../explorer/PostBadges';
import { DetailFacts } from './DetailFacts';
import { DetailImages } from './DetailImages';
import { DetailSnapshots } from './DetailSnapshots';
import type { PostDetailState } from './use-post-detail';

/** Keys typed into a form field belong to the field, not to the drawer's shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The selected post, in a side drawer: every image, every like snapshot, and where the post came from.
 * Esc closes; ← and → step to the previous and next post in the explorer's current order.
 */
export function PostDetailDrawer(props: {
  state: PostDetailState;
  position: number;
  total: number;
  onClose(): void;
  onStep(step: -1 | 1): void;
  onOpenPost(id: string): void;
}) {
  const { detail, loading, error } = props.state;
  const drawerRef = useRef<HTMLElement>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    // Focus moves into the drawer, and back to where it was (the grid cell, the table row) when it closes.
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    drawerRef.current?.focus({ preventScroll: true });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'Escape') latest.current.onClose();
      else if (event.key === 'ArrowLeft') latest.current.onStep(-1);
      else if (event.key === 'ArrowRight') latest.current.onStep(1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    };
  }, []);

  const post = detail?.post;
  return (
    <aside
      ref={drawerRef}
      className={loading ? 'detail-drawer detail-drawer--loading' : 'detail-drawer'}
      data-testid="post-detail"
      data-post-id={!loading && post ? post.id : undefined}
      aria-label={post ? `Post ${post.id}` : 'Post'}
      aria-busy={loading}
      tabIndex={-1}
    >
      <header className="detail-drawer__header">
        <div className="detail-drawer__title">
          <h2>{post ? `Post ${post.id}` : 'Post'}</h2>
          <span className="muted">
            {props.position >= 0 ? `${(props.position + 1).toLocaleString('en-US')} of ${props.total.toLocaleString('en-US')} in this view` : 'not in the filtered view'}
          </span>
        </div>
        <button type="button" className="icon-button" aria-label="Previous post (←)" title="Previous post (←)" disabled={props.position <= 0} onClick={() => props.onStep(-1)}>
          ‹
        </button>
        <button type="button" className="icon-button" aria-label="Next post (→)" title="Next post (→)" disabled={props.position < 0 || props.position >= props.total - 1} onClick={() => props.onStep(1)}>
          ›
        </button>
        <button type="button" className="icon-button" data-testid="detail-close" aria-label="Close (Esc)" title="Close (Esc)" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="detail-drawer__body">
        {error ? <p className="detail-note detail-note--warn">Could not load this post: {error.message}</p> : null}
        {!post && !error ? <Spinner label="Loading post…" /> : null}
        {post && detail ? (
          <>
            <PostBadges deleted={post.deleted} duplicate={post.duplicateKind === 'exact' ? 1 : post.duplicateKind === 'near' ? 2 : 0} isVideo={post.isVideo} />
            <DetailImages post={post} />
            <DetailFacts post={post} onOpenPost={props.onOpenPost} />
            <DetailSnapshots detail={detail} />
          </>
        ) : null}
      </div>
    </aside>
  );
}
