import type { FaceBucket } from '../../../../../shared/faces/face-rule';

/** The galleries' tabs, in order; images not detected yet have no gallery. */
export const galleryBuckets = ['one', 'none', 'many', 'error'] as const satisfies readonly FaceBucket[];
export type GalleryBucket = (typeof galleryBuckets)[number];

export const bucketTitles: Record<GalleryBucket, string> = {
  one: 'One face',
  none: 'No face',
  many: 'Several faces',
  error: 'Unreadable',
};

/** Indices of the images in a bucket, from the per-image face counts (-1 unreadable, -2 not detected yet). */
export function imagesInBucket(faces: Int32Array, bucket: GalleryBucket): Int32Array {
  const matches = (count: number) => (bucket === 'one' ? count === 1 : bucket === 'none' ? count === 0 : bucket === 'many' ? count >= 2 : count === -1);
  let size = 0;
  for (let image = 0; image < faces.length; image++) if (matches(faces[image]!)) size++;
  const images = new Int32Array(size);
  let next = 0;
  for (let image = 0; image < faces.length; image++) if (matches(faces[image]!)) images[next++] = image;
  return images;
}
