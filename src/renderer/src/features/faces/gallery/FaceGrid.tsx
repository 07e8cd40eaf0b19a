import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import type { FaceRule, PostFaceStatus } from '../../../../../shared/faces/face-rule';
import { useCacheRevision } from '../../dataset/data/use-row-caches';
import { useElementWidth } from '../../dataset/explorer/use-element-width';
import type { FaceImageCaches } from '../data/face-image-cache';
import { FaceCell } from './FaceCell';

const minCellWidth = 170;
const gap = 10;
/** Height of the two caption lines under the square image. */
const captionHeight = 44;

/**
 * A bucket's images as a virtualized grid of thumbnails: only the lines on screen (plus two) exist as elements, and
 * only their thumbnails and detections are fetched, whatever the number of images.
 */
export function FaceGrid(props: {
  /** Which gallery this is: switching it scrolls back to the top (a new rule keeps the place). */
  bucket: string;
  images: Int32Array;
  columns: FaceColumnsPayload;
  faces: Int32Array;
  statuses: PostFaceStatus[];
  rule: FaceRule;
  caches: FaceImageCaches;
  selected: number | null;
  onOpen(image: number): void;
}) {
  const { images, columns, caches } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const perLine = Math.max(1, Math.floor((width - gap) / (minCellWidth + gap)));
  const cellWidth = width > 0 ? (width - 2 * gap - gap * (perLine - 1)) / perLine : minCellWidth;
  const lineHeight = Math.round(cellWidth + captionHeight + gap);

  const virtualizer = useVirtualizer({
    count: Math.ceil(images.length / perLine),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => lineHeight,
    overscan: 2,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, lineHeight]);
  // Another bucket starts at its top.
  useEffect(() => virtualizer.scrollToOffset(0), [virtualizer, props.bucket]);

  const lines = virtualizer.getVirtualItems();
  const first = (lines[0]?.index ?? 0) * perLine;
  const end = ((lines[lines.length - 1]?.index ?? -1) + 1) * perLine;
  const shown = useMemo(() => Array.from(images.subarray(first, Math.max(first, end))), [images, first, end]);
  const viewsRevision = useCacheRevision(caches.views);
  const thumbnailsRevision = useCacheRevision(caches.thumbnails);
  // Asked again when a cache changes, so images dropped by a reset are fetched again.
  useEffect(() => caches.views.want(shown), [caches, shown, viewsRevision]);
  useEffect(() => caches.thumbnails.want(shown), [caches, shown, thumbnailsRevision]);

  // Arrow keys move the focus between cells, bringing the target into view first.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = Number((event.target as HTMLElement).dataset['position']);
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -perLine, ArrowDown: perLine }[event.key];
    if (step === undefined || Number.isNaN(from) || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = from + step;
    if (next < 0 || next >= images.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(Math.floor(next / perLine), { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-position="${next}"]`)?.focus());
  };

  return (
    <div className="post-grid faces-grid" ref={scrollRef} data-testid="faces-gallery" role="region" aria-label="Images" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="post-grid__space" style={{ height: virtualizer.getTotalSize() }}>
        {lines.map((line) => {
          const start = line.index * perLine;
          const members = Array.from(images.subarray(start, Math.min(images.length, start + perLine)));
          return (
            <div
              key={line.key}
              className="post-grid__line"
              style={{ transform: `translateY(${line.start}px)`, gridTemplateColumns: `repeat(${perLine}, ${cellWidth}px)`, height: lineHeight - gap }}
            >
              {members.map((image, offset) => {
                const row = columns.postRow[image]!;
                return (
                  <FaceCell
                    key={image}
                    image={image}
                    position={start + offset}
                    imageIndex={columns.imageIndex[image]!}
                    width={columns.width[image]!}
                    height={columns.height[image]!}
                    faces={props.faces[image]!}
                    view={caches.views.get(image)}
                    thumbnail={caches.thumbnails.get(image)}
                    rule={props.rule}
                    override={columns.override[row] ?? 0}
                    postStatus={props.statuses[row] ?? 'pending'}
                    selected={image === props.selected}
                    onOpen={props.onOpen}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
      {images.length === 0 ? <p className="post-grid__none muted">No image in this group under the current rule.</p> : null}
    </div>
  );
}
