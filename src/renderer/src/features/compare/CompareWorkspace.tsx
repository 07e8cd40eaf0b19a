import { useMemo, useState } from 'react';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import { CompareDetail } from './CompareDetail';
import { CompareFiltersBar } from './CompareFiltersBar';
import { CompareGrid } from './CompareGrid';
import { compareRows, filterRows, noFilters, sortRows, type CompareFilters, type Sort } from './compare-rows';

/** The rated posts side by side, filtered and sorted in the renderer, with the clicked one in a detail panel. */
export function CompareWorkspace({ table }: { table: CompareTable }) {
  const [filters, setFilters] = useState<CompareFilters>(noFilters);
  const [sort, setSort] = useState<Sort>({ key: 'post', descending: false });
  const [selected, setSelected] = useState<string | null>(null);
  const raterIds = useMemo(() => table.raters.map((rater) => rater.rater), [table]);
  const rows = useMemo(() => compareRows(table), [table]);
  const shown = useMemo(() => sortRows(filterRows(rows, raterIds, filters), raterIds, sort), [rows, raterIds, filters, sort]);
  const selectedRow = rows.find((row) => row.postId === selected) ?? null;
  const hasModel = table.run !== null;

  return (
    <section className="card compare-posts" aria-label="Rated posts">
      <h2 className="card__title">Rated posts</h2>
      <CompareFiltersBar raters={table.raters} filters={filters} sort={sort} shown={shown.length} total={rows.length} onFilters={setFilters} onSort={setSort} />
      <div className={selectedRow ? 'compare-posts__body compare-posts__body--detail' : 'compare-posts__body'}>
        <CompareGrid rows={shown} raters={table.raters} hasModel={hasModel} selected={selected} onSelect={(postId) => setSelected(postId === selected ? null : postId)} />
        {selectedRow ? <CompareDetail row={selectedRow} raters={table.raters} hasModel={hasModel} onClose={() => setSelected(null)} /> : null}
      </div>
    </section>
  );
}
