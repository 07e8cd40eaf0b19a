import type { CompareTable } from '../../../../shared/rating/rating-types';
import type { CompareFilters, Sort, SortKey } from './compare-rows';

const optionalNumber = (value: string) => (value === '' ? null : Number(value));

/** Disagreements only, by rater, by split, by label; and the sort order. */
export function CompareFiltersBar(props: {
  raters: CompareTable['raters'];
  filters: CompareFilters;
  sort: Sort;
  shown: number;
  total: number;
  onFilters(next: CompareFilters): void;
  onSort(next: Sort): void;
}) {
  const { filters, sort } = props;
  const set = (patch: Partial<CompareFilters>) => props.onFilters({ ...filters, ...patch });
  return (
    <div className="compare-filters" role="group" aria-label="Filters">
      <label className="check">
        <input data-testid="compare-disagreements" type="checkbox" checked={filters.disagreementsOnly} onChange={(event) => set({ disagreementsOnly: event.target.checked })} />
        Disagreements only
      </label>
      <label className="compare-field compare-field--inline">
        Rater
        <select data-testid="compare-filter-rater" value={filters.rater ?? ''} onChange={(event) => set({ rater: event.target.value || null })}>
          <option value="">all</option>
          {props.raters.map((rater) => (
            <option key={rater.rater} value={rater.rater}>
              {rater.name}
            </option>
          ))}
        </select>
      </label>
      <label className="compare-field compare-field--inline">
        Split
        <select data-testid="compare-filter-split" value={filters.split ?? ''} onChange={(event) => set({ split: optionalNumber(event.target.value) })}>
          <option value="">all</option>
          <option value="0">train</option>
          <option value="1">val</option>
          <option value="2">test</option>
          <option value="-1">not in set</option>
        </select>
      </label>
      <label className="compare-field compare-field--inline">
        Label
        <select data-testid="compare-filter-label" value={filters.label ?? ''} onChange={(event) => set({ label: optionalNumber(event.target.value) })}>
          <option value="">all</option>
          <option value="1">good</option>
          <option value="-1">bad</option>
          <option value="0">none</option>
        </select>
      </label>
      <label className="compare-field compare-field--inline">
        Sort by
        <select data-testid="compare-sort" value={sort.key} onChange={(event) => props.onSort({ ...sort, key: event.target.value as SortKey })}>
          <option value="post">post</option>
          <option value="split">split</option>
          <option value="label">Instagram label</option>
          <option value="score">residual score</option>
          <option value="pGood">model p(good)</option>
          {props.raters.map((rater) => (
            <option key={rater.rater} value={`rater:${rater.rater}`}>
              {rater.name}'s rating
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" data-testid="compare-sort-direction" onClick={() => props.onSort({ ...sort, descending: !sort.descending })}>
        {sort.descending ? '↓ descending' : '↑ ascending'}
      </button>
      <span className="muted compare-filters__count" data-testid="compare-row-count">
        {props.shown} of {props.total} posts
      </span>
    </div>
  );
}
