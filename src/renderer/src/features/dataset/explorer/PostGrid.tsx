import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PostColumns } from '../data/post-columns';
import type { RowCaches } from '../data/use-row-caches';
import { GridCell } from './GridCell';
import { useElementWidth } from './use-element-width';
import { positionOf, useVisibleRows } from './use-visible-range';

const minCellWidth = 150;
const gap = 10;
/** Height of the caption under the square image. */
const captionHeight = 44;

/**
 * The thumbnail grid, virtualized by rows of cells: only the rows on screen (plus a few) exist as elements, and only
 * their thumbnails are fetched, whatever the number of posts.
 */
export function PostGrid(props: {
  columns: PostColumns;
  visible: Int32Array;
  caches: RowCaches;
  selectedRow: number | null;
  onOpen(row: number): void;
}) {
  const { columns, visible, caches, selectedRow } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const perRow = Math.max(1, Math.floor((width - 2 * gap + gap) / (minCellWidth + gap)));
  const cellWidth = width > 0 ? (width - 2 * gap - gap * (perRow - 1)) / perRow : minCellWidth;
  const rowHeight = Math.round(cellWidth + captionHeight + gap);
  const lineCount = Math.ceil(visible.length / perRow);

  const virtualizer = useVirtualizer({
    count: lineCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 2,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const lines = virtualizer.getVirtualItems();
  const first = lines[0]?.index ?? 0;
  const last = lines[lines.length - 1]?.index ?? -1;
  useVisibleRows(caches, visible, first * perRow, (last + 1) * perRow, true);

  // Keep the selected post in view as the detail drawer steps through posts with ←/→.
  useEffect(() => {
    const position = positionOf(visible, selectedRow);
    if (position >= 0) virtualizer.scrollToIndex(Math.floor(position / perRow), { align: 'auto' });
  }, [virtualizer, visible, selectedRow, perRow]);

  // Arrow keys move the focus between cells (a row of cells up or down), bringing the target into view first.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = Number((event.target as HTMLElement).dataset['position']);
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -perRow, ArrowDown: perRow }[event.key];
    if (step === undefined || Number.isNaN(from) || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = from + step;
    if (next < 0 || next >= visible.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(Math.floor(next / perRow), { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-position="${next}"]`)?.focus());
  };

  return (
    <div className="post-grid" ref={scrollRef} data-testid="post-grid" aria-label="Posts" role="region" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="post-grid__space" style={{ height: virtualizer.getTotalSize() }}>
        {lines.map((line) => {
          const start = line.index * perRow;
          const rows = Array.from(visible.subarray(start, Math.min(visible.length, start + perRow)));
          return (
            <div
              key={line.key}
              className="post-grid__line"
              style={{
                transform: `translateY(${line.start}px)`,
                gridTemplateColumns: `repeat(${perRow}, ${cellWidth}px)`,
                height: rowHeight - gap,
              }}
            >
              {rows.map((row, offset) => (
                <GridCell
                  key={row}
                  row={row}
                  position={start + offset}
                  post={caches.rows.get(row)}
                  thumbnail={caches.thumbnails.get(row)}
                  followers={columns.followers[row]!}
                  likes={columns.likes[row]!}
                  deleted={columns.deleted[row] === 1}
                  duplicate={columns.duplicate[row]!}
                  isVideo={columns.isVideo[row] === 1}
                  selected={row === selectedRow}
                  onOpen={props.onOpen}
                />
              ))}
            </div>
          );
        })}
      </div>
      {visible.length === 0 ? <p className="post-grid__none muted">No post passes these filters.</p> : null}
    </div>
  );
}
