import type { PostColumns } from '../data/post-columns';

export type PointKind = 'post' | 'duplicate' | 'deleted';

export interface PointGroup {
  kind: PointKind;
  /** Chart.js point objects: x = log10(1 + followers), y = log10(1 + likes). */
  points: Array<{ x: number; y: number }>;
  /** The post row of each point, for clicks. */
  rows: number[];
}

export interface ScatterPoints {
  groups: PointGroup[];
  /** Posts passing the filters with both followers and labeled likes. */
  eligible: number;
  /** Points drawn (≤ maxPoints). */
  shown: number;
  /** Posts passing the filters that lack followers or labeled likes, so cannot be drawn. */
  missing: number;
}

/** Enough to show the cloud's shape; Chart.js stays interactive well past this. */
export const maxScatterPoints = 15_000;

/**
 * The scatter's points for the filtered posts that have both numbers. Above `maxPoints`, an evenly spaced sample in
 * row order is drawn: deterministic (the same filters always draw the same points) and independent of the sort.
 */
export function scatterPoints(columns: PostColumns, passes: (row: number) => boolean, maxPoints = maxScatterPoints): ScatterPoints {
  const { followers, likes, deleted, duplicate } = columns;
  const eligible = new Int32Array(columns.count);
  let count = 0;
  let missing = 0;
  for (let row = 0; row < columns.count; row++) {
    if (!passes(row)) continue;
    if (Number.isNaN(followers[row]!) || Number.isNaN(likes[row]!)) missing++;
    else eligible[count++] = row;
  }
  const shown = Math.min(count, maxPoints);
  const groups: Record<PointKind, PointGroup> = {
    post: { kind: 'post', points: [], rows: [] },
    duplicate: { kind: 'duplicate', points: [], rows: [] },
    deleted: { kind: 'deleted', points: [], rows: [] },
  };
  for (let index = 0; index < shown; index++) {
    const row = eligible[count > maxPoints ? Math.floor((index * count) / shown) : index]!;
    const group = groups[deleted[row] ? 'deleted' : duplicate[row] ? 'duplicate' : 'post'];
    group.points.push({ x: Math.log10(1 + followers[row]!), y: Math.log10(1 + likes[row]!) });
    group.rows.push(row);
  }
  return { groups: [groups.post, groups.duplicate, groups.deleted], eligible: count, shown, missing };
}
