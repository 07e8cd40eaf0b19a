import { useEffect, useMemo } from 'react';
import type { RowCaches } from '../data/use-row-caches';
import { useCacheRevision } from '../data/use-row-caches';

/**
 * Asks the caches for the rows on screen (positions `start`..`end` of `visible`, end exclusive). Runs again when the
 * caches change too, so rows dropped by a cache reset are asked for again.
 */
export function useVisibleRows(caches: RowCaches, visible: Int32Array, start: number, end: number, thumbnails: boolean): void {
  const rowsRevision = useCacheRevision(caches.rows);
  const thumbnailsRevision = useCacheRevision(caches.thumbnails);
  const rows = useMemo(() => Array.from(visible.subarray(Math.max(0, start), Math.max(start, end))), [visible, start, end]);
  useEffect(() => {
    caches.rows.want(rows);
  }, [caches, rows, rowsRevision]);
  useEffect(() => {
    if (thumbnails) caches.thumbnails.want(rows);
  }, [caches, rows, thumbnails, thumbnailsRevision]);
}

/** Position of `row` in `visible`, or -1. */
export function positionOf(visible: Int32Array, row: number | null): number {
  return row === null ? -1 : visible.indexOf(row);
}
