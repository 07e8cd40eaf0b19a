import { memo } from 'react';
import type { FaceRule, PostFaceStatus } from '../../../../../shared/faces/face-rule';
import type { FaceImageView } from '../../../../../shared/faces/face-summary';
import { plural } from '../../../components/plural';
import { FaceImage } from './FaceImage';

export interface FaceCellProps {
  /** Index of the image in the face columns. */
  image: number;
  /** Place in the current gallery (keyboard navigation). */
  position: number;
  imageIndex: number;
  width: number;
  height: number;
  /** Faces counted under the rule being edited; -1 unreadable. */
  faces: number;
  view: FaceImageView | null | undefined;
  thumbnail: string | null | undefined;
  rule: FaceRule;
  override: 0 | 1 | 2;
  postStatus: PostFaceStatus;
  selected: boolean;
  onOpen(image: number): void;
}

/** One image in a gallery: the thumbnail with its boxes, the best score, and the post's override. */
export const FaceCell = memo(function FaceCell(props: FaceCellProps) {
  const { view, faces } = props;
  const record = view?.record;
  const error = record?.status === 'error' ? (record.error ?? 'unreadable') : null;
  const best = record?.detections[0]?.score;
  const label = view ? `Post ${view.postId}, image ${props.imageIndex + 1}` : `Image ${props.image + 1}`;
  return (
    <button
      type="button"
      className={props.selected ? 'grid-cell face-cell grid-cell--selected' : 'grid-cell face-cell'}
      data-testid="faces-cell"
      data-post-id={view?.postId}
      data-image={props.image}
      data-image-index={props.imageIndex}
      data-faces={faces}
      data-post-status={props.postStatus}
      data-override={props.override === 1 ? 'keep' : props.override === 2 ? 'drop' : undefined}
      data-position={props.position}
      aria-label={`${label}: ${faces < 0 ? 'unreadable' : plural(faces, 'face')}`}
      onClick={() => props.onOpen(props.image)}
    >
      <span className="face-cell__frame">
        <FaceImage
          thumbnail={error ? null : props.thumbnail}
          record={record}
          width={props.width}
          height={props.height}
          rule={props.rule}
          square
          alt=""
          problem={error}
        />
        <span className="post-badges">
          {props.override === 1 ? <span className="badge badge--kept">forced keep</span> : null}
          {props.override === 2 ? <span className="badge badge--dropped">forced drop</span> : null}
          {props.imageIndex > 0 ? <span className="badge badge--carousel">image {props.imageIndex + 1}</span> : null}
        </span>
      </span>
      <span className="grid-cell__caption">
        <span className="grid-cell__numbers">
          <span>{faces < 0 ? 'unreadable' : plural(faces, 'face')}</span>
          <span className={`face-cell__status face-cell__status--${props.postStatus}`}>post {props.postStatus === 'pass' ? 'passes' : props.postStatus === 'fail' ? 'fails' : 'undecided'}</span>
        </span>
        <span className="grid-cell__id" title={error ?? undefined}>
          {error ?? (best !== undefined ? `best score ${best.toFixed(2)} · ${view?.postId ?? ''}` : (view?.postId ?? ' '))}
        </span>
      </span>
    </button>
  );
});
