import type { Inclusion, PostFilters } from '../data/post-filter';
import { NumberFilter } from './NumberFilter';

const inclusionLabels: Record<Inclusion, string> = { all: 'show', hide: 'hide', only: 'only' };

function InclusionSelect(props: { id: string; label: string; value: Inclusion; onChange(value: Inclusion): void }) {
  return (
    <label className="number-filter" htmlFor={props.id}>
      <span className="number-filter__label">{props.label}</span>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Inclusion)}
      >
        {(Object.keys(inclusionLabels) as Inclusion[]).map((value) => (
          <option key={value} value={value}>
            {inclusionLabels[value]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The explorer's filters. A bound on followers or likes also drops posts missing that number. */
export function FilterBar(props: { filters: PostFilters; minDays: number; onChange(filters: PostFilters): void }) {
  const { filters } = props;
  const set = <K extends keyof PostFilters>(key: K) => (value: PostFilters[K]) => props.onChange({ ...filters, [key]: value });
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">Filters</legend>
      <div className="filter-bar__range">
        <NumberFilter id="filter-min-followers" testId="filter-min-followers" label="Followers ≥" placeholder="min" min={0} value={filters.minFollowers} onChange={set('minFollowers')} />
        <NumberFilter id="filter-max-followers" testId="filter-max-followers" label="≤" placeholder="max" min={0} value={filters.maxFollowers} onChange={set('maxFollowers')} />
      </div>
      <div className="filter-bar__range">
        <NumberFilter id="filter-min-likes" testId="filter-min-likes" label="Likes ≥" placeholder="min" min={0} value={filters.minLikes} onChange={set('minLikes')} />
        <NumberFilter id="filter-max-likes" testId="filter-max-likes" label="≤" placeholder="max" min={0} value={filters.maxLikes} onChange={set('maxLikes')} />
      </div>
      <NumberFilter id="filter-max-hashtags" testId="filter-max-hashtags" label="Hashtags ≤" placeholder="any" min={0} value={filters.maxHashtags} onChange={set('maxHashtags')} />
      <NumberFilter id="filter-min-age" testId="filter-min-age" label="Age at capture ≥ (days)" placeholder="any" min={0} value={filters.minAgeDays} onChange={set('minAgeDays')} />
      <InclusionSelect id="filter-duplicates" label="Duplicates" value={filters.duplicates} onChange={set('duplicates')} />
      <InclusionSelect id="filter-videos" label="Videos" value={filters.videos} onChange={set('videos')} />
      <div className="filter-bar__checks">
        <label className="check" title={`Likes from a snapshot captured at least ${props.minDays} days after posting`}>
          <input
            type="checkbox"
            data-testid="filter-labeled"
            checked={filters.labeledOnly}
            onChange={(event) => set('labeledOnly')(event.target.checked)}
          />
          Has labeled likes
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="filter-hide-deleted"
            checked={filters.hideDeleted}
            onChange={(event) => set('hideDeleted')(event.target.checked)}
          />
          Hide deleted
        </label>
      </div>
    </fieldset>
  );
}
