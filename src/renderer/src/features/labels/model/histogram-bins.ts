import type { RankedScores } from '../../../../../shared/labeling/rules';

/**
 * The histogram of a ranking's scores on the page's axis (residual, or log₁₀ ratio), binned once per ranking:
 * a slider step then only recounts the classes per bin, one pass over `binOf`.
 */
export interface HistogramBins {
  count: number;
  /** Left edge of bin 0 and the width of every bin, in axis units. */
  min: number;
  width: number;
  /** [n] uint16: the bin of each population post. */
  binOf: Uint16Array;
  /** [n] float64: each post's position on the axis. */
  axis: Float64Array;
}

export function binScores(ranked: RankedScores, toAxis: (score: number) => number): HistogramBins {
  const n = ranked.scores.length;
  const axis = new Float64Array(n);
  for (let i = 0; i < n; i++) axis[i] = toAxis(ranked.scores[i]!);
  const min = n > 0 ? axis[ranked.ascending[0]!]! : 0;
  const max = n > 0 ? axis[ranked.descending[0]!]! : 1;
  // About √n bins, between 12 and 80: enough to see the shape, few enough to read the tails.
  const count = Math.min(80, Math.max(12, Math.round(Math.sqrt(n))));
  const width = max > min ? (max - min) / count : 1;
  const binOf = new Uint16Array(n);
  for (let i = 0; i < n; i++) binOf[i] = Math.min(count - 1, Math.max(0, Math.floor((axis[i]! - min) / width)));
  return { count, min, width, binOf, axis };
}

export interface BinClassCounts {
  good: Int32Array;
  none: Int32Array;
  bad: Int32Array;
}

/** Posts per bin and class for the current labels: the tails' bins show in their class colour. */
export function countPerBin(bins: HistogramBins, labels: Int8Array): BinClassCounts {
  const good = new Int32Array(bins.count);
  const none = new Int32Array(bins.count);
  const bad = new Int32Array(bins.count);
  const { binOf } = bins;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label === 1) good[binOf[i]!]!++;
    else if (label === -1) bad[binOf[i]!]!++;
    else none[binOf[i]!]!++;
  }
  return { good, none, bad };
}

/**
 * Where a threshold sits on the axis: halfway between the last post inside the tail and the first outside it
 * (`order` is the ranking's descending order for the top tail, ascending for the bottom).
 */
export function thresholdPosition(axis: Float64Array, order: Uint32Array, inside: number, side: 'top' | 'bottom'): number {
  const n = order.length;
  if (n === 0) return 0;
  const outward = side === 'top' ? 1 : -1;
  if (inside <= 0) return axis[order[0]!]! + outward * 1e-9;
  if (inside >= n) return axis[order[n - 1]!]! - outward * 1e-9;
  return (axis[order[inside - 1]!]! + axis[order[inside]!]!) / 2;
}

/**
 * The share of posts beyond an axis value: for the top tail, posts at or above it; for the bottom, at or below.
 * Binary search along the ranking order, O(log n): dragging stays cheap whatever the population size.
 */
export function shareBeyond(axis: Float64Array, order: Uint32Array, value: number, side: 'top' | 'bottom'): number {
  const n = order.length;
  if (n === 0) return 0;
  let low = 0;
  let high = n;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const inTail = side === 'top' ? axis[order[middle]!]! >= value : axis[order[middle]!]! <= value;
    if (inTail) low = middle + 1;
    else high = middle;
  }
  return low / n;
}
