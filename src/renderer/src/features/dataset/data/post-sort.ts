import type { PostColumns } from './post-columns';

export type SortKey = 'row' | 'followers' | 'likes' | 'likesPerFollower' | 'ageDays' | 'hashtags' | 'comments' | 'postedAt';
export type SortDirection = 'asc' | 'desc';

export interface PostSort {
  key: SortKey;
  direction: SortDirection;
}

export const sortLabels: Record<SortKey, string> = {
  row: 'Import order',
  followers: 'Followers',
  likes: 'Likes',
  likesPerFollower: 'Likes per follower',
  ageDays: 'Age at capture',
  hashtags: 'Hashtags',
  comments: 'Comments',
  postedAt: 'Posted',
};

export const defaultSort: PostSort = { key: 'row', direction: 'asc' };

/** A header click sorts by that column, largest first; a second click on the same column flips the direction. */
export function nextSort(current: PostSort, key: SortKey): PostSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'row' ? 'asc' : 'desc' };
}

/**
 * Every row, ordered by the key. Missing values (NaN) come last in both directions; ties keep import order.
 * Sorting runs once per sort change; filtering then walks this order, so a filter change never re-sorts.
 */
export function sortRows(columns: PostColumns, sort: PostSort): Int32Array {
  const n = columns.count;
  const order = new Int32Array(n);
  for (let row = 0; row < n; row++) order[row] = row;
  if (sort.key === 'row') return sort.direction === 'asc' ? order : order.reverse();
  const values = columns[sort.key];
  // One ascending key per row: negated for descending, +Infinity for missing, so the comparator stays branch-free.
  const keys = new Float64Array(n);
  const sign = sort.direction === 'asc' ? 1 : -1;
  for (let row = 0; row < n; row++) {
    const value = values[row]!;
    keys[row] = Number.isNaN(value) ? Number.POSITIVE_INFINITY : sign * value;
  }
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}
