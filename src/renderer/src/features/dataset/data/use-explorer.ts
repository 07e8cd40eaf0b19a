import { useDeferredValue, useMemo, useState } from 'react';
import { filterRows, noFilters, type PostFilters } from './post-filter';
import type { PostColumns } from './post-columns';
import { defaultSort, sortRows, type PostSort } from './post-sort';

export type ExplorerView = 'grid' | 'table';

export interface Explorer {
  filters: PostFilters;
  setFilters(filters: PostFilters): void;
  sort: PostSort;
  setSort(sort: PostSort): void;
  view: ExplorerView;
  setView(view: ExplorerView): void;
  /** Rows passing the filters, in the current sort order. */
  visible: Int32Array;
  /** The filters `visible` was computed with (they lag the inputs by a frame while typing). */
  appliedFilters: PostFilters;
}

/**
 * The explorer's state and the rows it shows. Sorting (O(n log n)) runs only when the sort or the data changes;
 * filters walk that order (O(n)) and are deferred, so typing in a filter box stays responsive at 500k posts.
 */
export function useExplorer(columns: PostColumns): Explorer {
  const [filters, setFilters] = useState<PostFilters>(noFilters);
  const [sort, setSort] = useState<PostSort>(defaultSort);
  const [view, setView] = useState<ExplorerView>('grid');
  const appliedFilters = useDeferredValue(filters);
  const order = useMemo(() => sortRows(columns, sort), [columns, sort]);
  const visible = useMemo(() => filterRows(columns, order, appliedFilters), [columns, order, appliedFilters]);
  return { filters, setFilters, sort, setSort, view, setView, visible, appliedFilters };
}
