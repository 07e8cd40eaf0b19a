import { ratingSplits } from '../../../../shared/rating/rating-types';
import { defaultSort, noFilters, type CompareFilters, type Sort, type SortKey } from './compare-rows';
import type { SplitChoice } from './compare-scope';

/**
 * Everything the Compare page is asked to show, kept in the URL hash after the page id
 * (`#/compare?split=val&session=s-1&rater=ada&disagreements=1&sort=score&desc=1`), so a reload keeps it.
 */
export interface CompareQuery {
  /** null: the backend's choice (the newest session's label set, a run trained on it). */
  labelSet: string | null;
  run: string | null;
  /** null: not chosen, the default applies (the test split when the label set has one, else all). */
  split: SplitChoice | null;
  /** Only ratings given in this session; null: every session. */
  session: string | null;
  filters: CompareFilters;
  sort: Sort;
}

export const emptyCompareQuery: CompareQuery = { labelSet: null, run: null, split: null, session: null, filters: noFilters, sort: defaultSort };

const fixedSortKeys: readonly string[] = ['post', 'split', 'label', 'score', 'pGood', 'model'];
const labelValues: Record<string, number> = { good: 1, bad: -1, none: 0 };
const labelNames = new Map(Object.entries(labelValues).map(([name, value]) => [value, name]));

function sortKey(value: string | null): SortKey | null {
  if (value === null) return null;
  if (fixedSortKeys.includes(value) || (value.startsWith('rater:') && value.length > 'rater:'.length)) return value as SortKey;
  return null;
}

function splitChoice(value: string | null): SplitChoice | null {
  return value === 'all' || (ratingSplits as readonly string[]).includes(value ?? '') ? (value as SplitChoice) : null;
}

export function compareQueryFromHash(hash: string): CompareQuery {
  const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const label = params.get('label');
  return {
    labelSet: params.get('labelSet') || null,
    run: params.get('run') || null,
    split: splitChoice(params.get('split')),
    session: params.get('session') || null,
    filters: {
      disagreementsOnly: params.get('disagreements') === '1',
      rater: params.get('rater') || null,
      label: label !== null && label in labelValues ? labelValues[label]! : null,
    },
    sort: { key: sortKey(params.get('sort')) ?? defaultSort.key, descending: params.get('desc') === '1' },
  };
}

/** The hash for a query; defaults are left out so the plain page stays `#/compare`. */
export function hashForCompareQuery(query: CompareQuery): string {
  const params = new URLSearchParams();
  if (query.labelSet) params.set('labelSet', query.labelSet);
  if (query.run) params.set('run', query.run);
  if (query.split) params.set('split', query.split);
  if (query.session) params.set('session', query.session);
  if (query.filters.disagreementsOnly) params.set('disagreements', '1');
  if (query.filters.rater) params.set('rater', query.filters.rater);
  if (query.filters.label !== null) params.set('label', labelNames.get(query.filters.label) ?? 'none');
  if (query.sort.key !== defaultSort.key) params.set('sort', query.sort.key);
  if (query.sort.descending) params.set('desc', '1');
  const text = params.toString();
  return text ? `#/compare?${text}` : '#/compare';
}
