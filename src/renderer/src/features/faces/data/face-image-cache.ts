import { useLayoutEffect, useRef } from 'react';
import type { FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import type { FaceImageView } from '../../../../../shared/faces/face-summary';
import { useApi } from '../../../api/api-context';
import { call } from '../../../api/api-error';
import { useErrors } from '../../../app/error-context';
import { BatchCache } from '../../dataset/data/batch-cache';
import { useVersionedCaches } from '../../dataset/data/use-versioned-caches';

/** Per image (its index in the face columns), fetched for whatever the gallery shows. */
export interface FaceImageCaches {
  /** Detections with boxes in original pixels (null: the post has no such image). */
  views: BatchCache<FaceImageView | null>;
  /** Thumbnails as data: URLs, fitted inside 320 px with the image's aspect ratio (null: no readable image). */
  thumbnails: BatchCache<string | null>;
}

/** The caches are emptied whenever the columns are reloaded (`version`): image indices may then mean other images. */
export function useFaceImageCaches(columns: FaceColumnsPayload, version: number): FaceImageCaches {
  const api = useApi();
  const { report } = useErrors();
  const columnsRef = useRef(columns);
  useLayoutEffect(() => {
    columnsRef.current = columns;
  });

  return useVersionedCaches<FaceImageCaches>(
    () => ({
      views: new BatchCache<FaceImageView | null>({
        fetch: async (images) => {
          const { postRow, imageIndex } = columnsRef.current;
          return call(await api.faces.images({ items: images.map((image) => ({ row: postRow[image]!, imageIndex: imageIndex[image]! })) }));
        },
        batchSize: 48,
        parallel: 2,
        capacity: 5_000,
        onError: report,
      }),
      thumbnails: new BatchCache<string | null>({
        // posts.thumbnails takes one image position for all its rows: one request per position in the batch.
        fetch: async (images) => {
          const { postRow, imageIndex } = columnsRef.current;
          const byPosition = new Map<number, number[]>();
          images.forEach((image, slot) => {
            const position = imageIndex[image]!;
            byPosition.set(position, [...(byPosition.get(position) ?? []), slot]);
          });
          const answer = new Array<string | null>(images.length).fill(null);
          await Promise.all(
            [...byPosition].map(async ([position, slots]) => {
              const thumbnails = call(await api.posts.thumbnails({ rows: slots.map((slot) => postRow[images[slot]!]!), image: position }));
              slots.forEach((slot, k) => (answer[slot] = thumbnails[k] ?? null));
            }),
          );
          return answer;
        },
        batchSize: 24,
        parallel: 3,
        capacity: 1_500,
        onError: report,
      }),
    }),
    version,
  );
}
