import { forwardRef, useMemo, useState } from 'react';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import { CompareDetail } from './CompareDetail';
import { CompareFiltersBar } from './CompareFiltersBar';
import { CompareGrid } from './CompareGrid';
import { compareRows, filterRows, sortRows, toggleSort, type CompareFilters, type Sort, type SortKey } from './compare-rows';

/** The rated posts side by side, filtered and sorted in the renderer, with the clicked one in a detail panel. */
export const CompareWorkspace = forwardRef<HTMLElement, { table: CompareTable; filters: CompareFilters; sort: Sort; onFilters(next: CompareFilters): void; onSort(next: Sort): void }>(
  function CompareWorkspace({ table, filters, sort, onFilters, onSort }, ref) {
    const [selected, setSelected] = useState<string | null>(null);
    const raterIds = useMemo(() => table.raters.map((rater) => rater.rater), [table]);
    const rows = useMemo(() => compareRows(table), [table]);
    const shown = useMemo(() => sortRows(filterRows(rows, raterIds, filters), raterIds, sort), [rows, raterIds, filters, sort]);
    const selectedRow = rows.find((row) => row.postId === selected) ?? null;
    const hasModel = table.run !== null;

    return (
      <section className="card compare-posts" aria-label="Rated posts" id="compare-posts" ref={ref} tabIndex={-1}>
        <h2 className="card__title">Rated posts</h2>
        <CompareFiltersBar raters={table.raters} filters={filters} shown={shown.length} total={rows.length} onFilters={onFilters} />
        <div className={selectedRow ? 'compare-posts__body compare-posts__body--detail' : 'compare-posts__body'}>
          <CompareGrid
            rows={shown}
            raters={table.raters}
            hasModel={hasModel}
            selected={selected}
            sort={sort}
            onSort={(key: SortKey) => onSort(toggleSort(sort, key))}
            onSelect={(postId) => setSelected(postId === selected ? null : postId)}
          />
          {selectedRow ? <CompareDetail row={selectedRow} raters={table.raters} hasModel={hasModel} onClose={() => setSelected(null)} /> : null}
        </div>
      </section>
    );
  },
);
