import type { CSSProperties } from 'react';
import { countsAsFace, relativeFaceSize, type FaceRule } from '../../../../../shared/faces/face-rule';
import type { FaceImageRecord } from '../../../../../shared/faces/face-types';

/**
 * An image with its detections drawn over it: faces counted under the rule solid, the others dashed and dim.
 *
 * Boxes are in the original image's pixels (upright); the thumbnail has the same aspect ratio (fitted inside 320 px,
 * also upright), so boxes are placed in percent of the image's box and land on the faces at any display size.
 * `square`: the image is fitted inside a square frame (gallery cells); otherwise the frame takes the image's shape.
 */
export function FaceImage(props: {
  thumbnail: string | null | undefined;
  record: FaceImageRecord | null | undefined;
  /** Upright size from the columns, used until the record arrives (0 when unknown). */
  width: number;
  height: number;
  rule: Pick<FaceRule, 'minScore' | 'minSize'>;
  square: boolean;
  alt: string;
  /** Shown instead of the image when it cannot be read. */
  problem?: string | null;
}) {
  const { record, rule } = props;
  const width = record?.width || props.width || 1;
  const height = record?.height || props.height || 1;
  const frameStyle: CSSProperties = props.square ? {} : { aspectRatio: `${width} / ${height}` };
  return (
    <span className={props.square ? 'face-image face-image--square' : 'face-image'} style={frameStyle}>
      {props.thumbnail ? (
        <span className="face-image__content" style={props.square ? fitInSquare(width, height) : undefined}>
          <img src={props.thumbnail} alt={props.alt} draggable={false} />
          {record?.status === 'ok'
            ? record.detections.map((detection, index) => {
                const counted = countsAsFace(detection.score, relativeFaceSize(detection.box, record.width, record.height), rule);
                const { x, y, width: w, height: h } = detection.box;
                return (
                  <span
                    key={index}
                    className={counted ? 'face-box face-box--counted' : 'face-box face-box--below'}
                    data-testid="faces-box"
                    data-counted={counted}
                    title={`score ${detection.score.toFixed(2)}${counted ? '' : ' (not counted)'}`}
                    style={{ left: `${(x / width) * 100}%`, top: `${(y / height) * 100}%`, width: `${(w / width) * 100}%`, height: `${(h / height) * 100}%` }}
                  />
                );
              })
            : null}
        </span>
      ) : props.thumbnail === null || props.problem ? (
        <span className="face-image__problem">{props.problem ?? 'no image'}</span>
      ) : (
        <span className="grid-cell__loading" aria-hidden="true" />
      )}
    </span>
  );
}

/** The image's box inside a square frame, centred, as object-fit: contain would place it. */
function fitInSquare(width: number, height: number): CSSProperties {
  if (width >= height) {
    const share = (height / width) * 100;
    return { left: 0, width: '100%', top: `${(100 - share) / 2}%`, height: `${share}%` };
  }
  const share = (width / height) * 100;
  return { top: 0, height: '100%', left: `${(100 - share) / 2}%`, width: `${share}%` };
}
