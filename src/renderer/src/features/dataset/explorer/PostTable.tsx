import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PostColumns } from '../data/post-columns';
import { nextSort, type PostSort } from '../data/post-sort';
import type { RowCaches } from '../data/use-row-caches';
import { tableColumns, tableTemplate } from './table-columns';
import { positionOf, useVisibleRows } from './use-visible-range';

const rowHeight = 34;

/** The posts as a virtualized table; numeric headers sort (largest first, click again to flip). */
export function PostTable(props: {
  columns: PostColumns;
  visible: Int32Array;
  caches: RowCaches;
  sort: PostSort;
  onSort(sort: PostSort): void;
  selectedRow: number | null;
  onOpen(row: number): void;
}) {
  const { columns, visible, caches, sort, selectedRow } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The sticky header covers the first row's height of the scroll area.
    scrollPaddingStart: rowHeight,
  });
  const items = virtualizer.getVirtualItems();
  useVisibleRows(caches, visible, items[0]?.index ?? 0, (items[items.length - 1]?.index ?? -1) + 1, false);

  useEffect(() => {
    const position = positionOf(visible, selectedRow);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
  }, [virtualizer, visible, selectedRow]);

  // ↑/↓ move the focus between rows (the virtualizer brings the next one into view first).
  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, position: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(visible[position]!);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const next = position + step;
    if (step === 0 || next < 0 || next >= visible.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-position="${next}"]`)?.focus());
  };

  return (
    <div className="post-table" ref={scrollRef} role="table" aria-label="Posts" aria-rowcount={visible.length + 1} data-testid="post-table">
      <div className="post-table__head" role="row" style={{ gridTemplateColumns: tableTemplate }}>
        {tableColumns.map((column) => {
          const sorted = column.sort !== undefined && sort.key === column.sort;
          const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <div key={column.id} role="columnheader" aria-sort={ariaSort} className={column.numeric ? 'post-table__cell--numeric' : undefined} title={column.tooltip}>
              {column.sort ? (
                <button
                  type="button"
                  className={sorted ? 'sort-button sort-button--on' : 'sort-button'}
                  data-testid={`sort-${column.id}`}
                  onClick={() => props.onSort(nextSort(sort, column.sort!))}
                >
                  {column.title}
                  <span aria-hidden="true">{sorted ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}</span>
                </button>
              ) : (
                column.title
              )}
            </div>
          );
        })}
      </div>
      <div className="post-table__space" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = visible[item.index]!;
          const post = caches.rows.get(row);
          return (
            <div
              key={row}
              role="row"
              aria-rowindex={item.index + 2}
              tabIndex={0}
              className={row === selectedRow ? 'post-table__row post-table__row--selected' : 'post-table__row'}
              data-testid="table-row"
              data-post-id={post?.id}
              data-position={item.index}
              style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: tableTemplate, height: rowHeight }}
              onClick={() => props.onOpen(row)}
              onKeyDown={(event) => onRowKeyDown(event, item.index)}
            >
              {tableColumns.map((column) => (
                <div key={column.id} role="cell" className={column.numeric ? 'post-table__cell--numeric' : undefined}>
                  {column.cell(row, columns, post)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {visible.length === 0 ? <p className="post-table__none muted">No post passes these filters.</p> : null}
    </div>
  );
}
