import type { CompareTable } from '../../../../shared/rating/rating-types';

/** One rated post: the Compare table's columns read across at one index. Judgements: 1 good, −1 bad, 0 none/skip. */
export interface CompareRow {
  postId: string;
  /** 0 train, 1 val, 2 test, −1 not in the label set's population. */
  split: number;
  label: number;
  score: number | null;
  pGood: number | null;
  predicted: number;
  /** Aligned with CompareTable.raters. */
  ratings: number[];
}

/** Filters applied in the renderer to the rows the backend sent (split and session are applied by the backend). */
export interface CompareFilters {
  disagreementsOnly: boolean;
  /** Only posts this rater rated good or bad; with disagreementsOnly, where this rater disagrees with label or model. */
  rater: string | null;
  label: number | null;
}

export type SortKey = 'post' | 'split' | 'label' | 'score' | 'pGood' | 'model' | `rater:${string}`;

export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const noFilters: CompareFilters = { disagreementsOnly: false, rater: null, label: null };

export const defaultSort: Sort = { key: 'post', descending: false };

export function compareRows(table: CompareTable): CompareRow[] {
  return table.postId.map((postId, i) => ({
    postId,
    split: table.split[i] ?? -1,
    label: table.label[i] ?? 0,
    score: table.score[i] ?? null,
    pGood: table.pGood[i] ?? null,
    predicted: table.predicted[i] ?? 0,
    ratings: table.raters.map((rater) => rater.ratings[i] ?? 0),
  }));
}

/** True when two of the judgements given (label, model, raters; zeros ignored) differ. */
export function disagrees(values: readonly number[]): boolean {
  const given = values.filter((value) => value !== 0);
  return given.some((value) => value !== given[0]);
}

export function filterRows(rows: readonly CompareRow[], raterIds: readonly string[], filters: CompareFilters): CompareRow[] {
  const raterAt = filters.rater === null ? -1 : raterIds.indexOf(filters.rater);
  return rows.filter((row) => {
    if (filters.label !== null && row.label !== filters.label) return false;
    if (raterAt >= 0 && row.ratings[raterAt] === 0) return false;
    if (!filters.disagreementsOnly) return true;
    if (raterAt >= 0) {
      const mine = row.ratings[raterAt]!;
      return (row.label !== 0 && row.label !== mine) || (row.predicted !== 0 && row.predicted !== mine);
    }
    return disagrees([row.label, row.predicted, ...row.ratings]);
  });
}

/** A judgement as a sort value: good 1, bad −1, none/skip (shown "–") missing. */
const given = (value: number | undefined) => (value === undefined || value === 0 ? null : value);

function sortValue(row: CompareRow, key: SortKey, raterIds: readonly string[]): number | string | null {
  switch (key) {
    case 'post':
      return row.postId;
    case 'split':
      return row.split < 0 ? null : row.split;
    case 'label':
      return given(row.label);
    case 'score':
      return row.score;
    case 'pGood':
      return row.pGood;
    case 'model':
      return given(row.predicted);
    default: {
      const at = raterIds.indexOf(key.slice('rater:'.length));
      return at < 0 ? null : given(row.ratings[at]);
    }
  }
}

/** Clicking a column header: a new column sorts ascending, the same column again flips the direction. */
export function toggleSort(sort: Sort, key: SortKey): Sort {
  return sort.key === key ? { key, descending: !sort.descending } : { key, descending: false };
}

/** A stable sort; missing values (null: skipped, unrated, not predicted, "–") go last whichever the direction. */
export function sortRows(rows: readonly CompareRow[], raterIds: readonly string[], sort: Sort): CompareRow[] {
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, order) => ({ row, order, value: sortValue(row, sort.key, raterIds) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.order - b.order : a.value === null ? 1 : -1;
      const diff = typeof a.value === 'string' ? a.value.localeCompare(String(b.value)) : a.value - (b.value as number);
      return diff * sign || a.order - b.order;
    })
    .map(({ row }) => row);
}
