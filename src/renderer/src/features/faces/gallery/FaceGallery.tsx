import type { FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import type { FaceImageCaches } from '../data/face-image-cache';
import type { FaceRuleState } from '../data/use-face-rule';
import { bucketTitles, galleryBuckets, type GalleryBucket } from '../data/gallery-images';
import { FaceGrid } from './FaceGrid';

/** The images of one bucket under the rule being edited (tabs), with their boxes; a click opens the detail. */
export function FaceGallery(props: {
  bucket: GalleryBucket;
  /** The bucket's images (indices into the columns), under the rule being edited. */
  images: Int32Array;
  onBucket(bucket: GalleryBucket): void;
  columns: FaceColumnsPayload;
  rule: FaceRuleState;
  caches: FaceImageCaches;
  selected: number | null;
  onOpen(image: number): void;
}) {
  const { bucket, rule } = props;
  const counts = rule.images;
  return (
    <section className="faces-gallery" aria-label="Galleries">
      <div className="segmented faces-gallery__tabs" role="tablist" aria-label="Images by faces found">
        {galleryBuckets.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={id === bucket}
            className={id === bucket ? 'segmented__button segmented__button--on' : 'segmented__button'}
            data-testid={`faces-tab-${id}`}
            onClick={() => props.onBucket(id)}
          >
            {bucketTitles[id]} <span className={id === bucket ? 'count count--active' : 'count'}>{counts[id].toLocaleString('en-US')}</span>
          </button>
        ))}
      </div>
      <FaceGrid
        bucket={bucket}
        images={props.images}
        columns={props.columns}
        faces={rule.faces}
        statuses={rule.statuses}
        rule={rule.countedRule}
        caches={props.caches}
        selected={props.selected}
        onOpen={props.onOpen}
      />
    </section>
  );
}
