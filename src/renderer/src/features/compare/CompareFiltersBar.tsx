import type { CompareTable } from '../../../../shared/rating/rating-types';
import type { CompareFilters } from './compare-rows';

const optionalNumber = (value: string) => (value === '' ? null : Number(value));

/** What "Disagreements only" keeps, for its hint (the rule is filterRows'). */
export function disagreementsHint(rater: string | null): string {
  return rater
    ? `Posts where ${rater}'s rating differs from the Instagram label or from the model (where those are given).`
    : 'Posts where any two of the Instagram label, the model and the raters were given and differ (skips and missing values ignored).';
}

/** Disagreements only, by rater, by label (split and session are above, with the statistics); sorting is on the column headers. */
export function CompareFiltersBar(props: { raters: CompareTable['raters']; filters: CompareFilters; shown: number; total: number; onFilters(next: CompareFilters): void }) {
  const { filters } = props;
  const set = (patch: Partial<CompareFilters>) => props.onFilters({ ...filters, ...patch });
  const raterName = props.raters.find((rater) => rater.rater === filters.rater)?.name ?? null;
  const hint = disagreementsHint(raterName);
  return (
    <div className="compare-filters" role="group" aria-label="Filters">
      <label className="check" title={hint}>
        <input data-testid="compare-disagreements" type="checkbox" checked={filters.disagreementsOnly} onChange={(event) => set({ disagreementsOnly: event.target.checked })} />
        Disagreements only
        <span className="compare-filters__help" aria-hidden="true">
          ?
        </span>
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
        Label
        <select data-testid="compare-filter-label" value={filters.label ?? ''} onChange={(event) => set({ label: optionalNumber(event.target.value) })}>
          <option value="">all</option>
          <option value="1">good</option>
          <option value="-1">bad</option>
          <option value="0">none</option>
        </select>
      </label>
      <span className="muted compare-filters__count" data-testid="compare-row-count">
        {props.shown} of {props.total} posts
      </span>
      {filters.disagreementsOnly ? (
        <p className="muted compare-filters__hint" data-testid="compare-disagreements-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
