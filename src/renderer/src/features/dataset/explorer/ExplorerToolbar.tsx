import { activeFilterCount, noFilters } from '../data/post-filter';
import { sortLabels, type SortKey } from '../data/post-sort';
import type { Explorer, ExplorerView } from '../data/use-explorer';
import { FilterBar } from './FilterBar';

const views: Array<{ id: ExplorerView; label: string }> = [
  { id: 'grid', label: 'Grid' },
  { id: 'table', label: 'Table' },
];

/** Counts, sort, view switch, and the filters. */
export function ExplorerToolbar(props: { explorer: Explorer; total: number; minDays: number }) {
  const { explorer, total } = props;
  const { sort } = explorer;
  const filtersOn = activeFilterCount(explorer.filters);
  return (
    <div className="explorer-toolbar">
      <div className="explorer-toolbar__row">
        <p className="explorer-toolbar__count" data-testid="explorer-count" aria-live="polite">
          {explorer.visible.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} {total === 1 ? 'post' : 'posts'}
        </p>
        {filtersOn > 0 ? (
          <button
            type="button"
            className="button button--small button--quiet"
            data-testid="filters-reset"
            onClick={() => explorer.setFilters(noFilters)}
          >
            Reset {filtersOn === 1 ? 'filter' : `${filtersOn} filters`}
          </button>
        ) : null}
        <div className="explorer-toolbar__spacer" />
        <label className="explorer-toolbar__sort" htmlFor="sort-select">
          <span className="muted">Sort</span>
          <select
            id="sort-select"
            data-testid="sort-select"
            value={sort.key}
            onChange={(event) => {
              const key = event.target.value as SortKey;
              explorer.setSort({ key, direction: key === 'row' ? 'asc' : 'desc' });
            }}
          >
            {(Object.keys(sortLabels) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          data-testid="sort-direction"
          aria-label={sort.direction === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
          title="Sort direction"
          onClick={() => explorer.setSort({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {sort.direction === 'asc' ? '↑ asc' : '↓ desc'}
        </button>
        <div className="segmented" role="group" aria-label="View">
          {views.map((view) => (
            <button
              key={view.id}
              type="button"
              className={explorer.view === view.id ? 'segmented__button segmented__button--on' : 'segmented__button'}
              data-testid={`view-${view.id}`}
              aria-pressed={explorer.view === view.id}
              onClick={() => explorer.setView(view.id)}
            >
              {view.label}
            </button>
          ))}
        </div>
      </div>
      <FilterBar filters={explorer.filters} minDays={props.minDays} onChange={explorer.setFilters} />
    </div>
  );
}
