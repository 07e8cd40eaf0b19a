import { memo } from 'react';
import type { PostRow } from '../../../../../shared/posts/post-views';
import { formatCompact, formatInteger } from '../format';
import { PostBadges } from './PostBadges';

export interface GridCellProps {
  row: number;
  /** Place in the explorer's current order (for keyboard navigation). */
  position: number;
  post: PostRow | undefined;
  /** undefined while loading; null when the post has no readable image. */
  thumbnail: string | null | undefined;
  followers: number;
  likes: number;
  deleted: boolean;
  duplicate: number;
  isVideo: boolean;
  selected: boolean;
  onOpen(row: number): void;
}

/** One post in the thumbnail grid: image, flags, followers and likes; click or Enter opens its detail. */
export const GridCell = memo(function GridCell(props: GridCellProps) {
  const { post, thumbnail } = props;
  const label = post ? `Post ${post.id}` : `Post in row ${props.row + 1}`;
  return (
    <button
      type="button"
      className={props.selected ? 'grid-cell grid-cell--selected' : 'grid-cell'}
      data-testid="grid-cell"
      data-post-id={post?.id}
      data-row={props.row}
      data-position={props.position}
      aria-label={`${label}: ${formatInteger(props.followers)} followers, ${formatInteger(props.likes)} likes`}
      onClick={() => props.onOpen(props.row)}
    >
      <span className="grid-cell__image">
        {thumbnail ? (
          <img src={thumbnail} alt="" draggable={false} />
        ) : thumbnail === null ? (
          <span className="grid-cell__no-image" title={post?.imageError ?? undefined}>
            {post?.imageError ?? 'no image'}
          </span>
        ) : (
          <span className="grid-cell__loading" aria-hidden="true" />
        )}
        <PostBadges deleted={props.deleted} duplicate={props.duplicate} isVideo={props.isVideo} />
      </span>
      <span className="grid-cell__caption">
        <span className="grid-cell__numbers">
          <span title={`${formatInteger(props.followers)} followers`}>{formatCompact(props.followers)} followers</span>
          <span title={`${formatInteger(props.likes)} labeled likes`}>♥ {formatCompact(props.likes)}</span>
        </span>
        <span className="grid-cell__id">{post ? (post.ownerName ?? post.id) : ' '}</span>
      </span>
    </button>
  );
});
