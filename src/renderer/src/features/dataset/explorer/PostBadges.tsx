/** Small flags on a post: deleted, exact/near duplicate, video. Renders nothing for an ordinary post. */
export function PostBadges(props: { deleted: boolean; duplicate: number; isVideo: boolean }) {
  if (!props.deleted && props.duplicate === 0 && !props.isVideo) return null;
  return (
    <span className="post-badges">
      {props.deleted ? (
        <span className="badge badge--deleted" title="Missing from a later collection of the same target">
          deleted
        </span>
      ) : null}
      {props.duplicate !== 0 ? (
        <span className="badge badge--duplicate" title="Its image repeats an earlier post's (flagged, not removed)">
          {props.duplicate === 1 ? 'duplicate' : 'near dup.'}
        </span>
      ) : null}
      {props.isVideo ? (
        <span className="badge badge--video" title="A video; its thumbnail stands in as the image">
          video
        </span>
      ) : null}
    </span>
  );
}
