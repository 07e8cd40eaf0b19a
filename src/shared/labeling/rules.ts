/**
 * The labeling rules (issue "Labeling lab"), exactly as defined there so results can be checked independently.
 * Inputs are the population's columns; outputs are per-post labels (1 good, -1 bad, 0 none) and scores.
 */
import { fitLinear, predict, type LinearFit } from './regression';
import { orderBy, tailCount } from './ordering';

export type Label = 1 | -1 | 0;

export interface RuleInput {
  ids: readonly string[];
  likes: ArrayLike<number>;
  followers: ArrayLike<number>;
  hashtags: ArrayLike<number>;
}

export interface RuleResult {
  labels: Int8Array;
  /** residual (residual rule), rank inside the group (karpathy, 1 = most likes), or (1+likes)/(1+followers) (ratio). */
  scores: Float64Array;
  fit?: LinearFit;
}

/**
 * Prepared once per population (and per hashtags on/off): the residuals and both orders, so moving a threshold
 * only re-cuts the orders (O(n)) instead of refitting and re-sorting.
 */
export interface RankedScores {
  scores: Float64Array;
  /** Score descending, ties by post id ascending. */
  descending: Uint32Array;
  /** Score ascending, ties by post id ascending. */
  ascending: Uint32Array;
  fit?: LinearFit;
}

export function residualScores(input: RuleInput, useHashtags: boolean): RankedScores {
  const n = input.ids.length;
  const y = new Float64Array(n);
  const x1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = Math.log10(1 + input.likes[i]!);
    x1[i] = Math.log10(1 + input.followers[i]!);
  }
  const predictors: ArrayLike<number>[] = useHashtags ? [x1, input.hashtags] : [x1];
  const fit = fitLinear(y, predictors);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = y[i]! - predict(fit.intercept, fit.coefficients, predictors, i);
  return { ...rank(scores, input.ids), fit };
}

export function ratioScores(input: RuleInput): RankedScores {
  const scores = new Float64Array(input.ids.length);
  for (let i = 0; i < scores.length; i++) scores[i] = (1 + input.likes[i]!) / (1 + input.followers[i]!);
  return rank(scores, input.ids);
}

/** Sorts once (descending); the ascending order is derived by reversing and restoring id order inside ties. */
export function rank(scores: Float64Array, ids: readonly string[]): RankedScores {
  const descending = orderBy(scores, ids, 'descending');
  const ascending = descending.slice().reverse();
  let start = 0;
  while (start < ascending.length) {
    let end = start + 1;
    while (end < ascending.length && scores[ascending[end]!] === scores[ascending[start]!]) end++;
    if (end - start > 1) ascending.subarray(start, end).reverse();
    start = end;
  }
  return { scores, descending, ascending };
}

/**
 * The first floor(top·n) of the descending order are good, the first floor(bottom·n) of the ascending order bad.
 * Where ties make a post both (only when top + bottom reaches the tied region), good wins and bad takes the next.
 */
export function cutTails(ranked: RankedScores, top: number, bottom: number): Int8Array {
  const n = ranked.scores.length;
  const labels = new Int8Array(n);
  const good = tailCount(top, n);
  for (let i = 0; i < good; i++) labels[ranked.descending[i]!] = 1;
  let bad = tailCount(bottom, n);
  for (let i = 0; i < n && bad > 0; i++) {
    const post = ranked.ascending[i]!;
    if (labels[post] === 1) continue;
    labels[post] = -1;
    bad--;
  }
  return labels;
}

export function residualRule(input: RuleInput, options: { top: number; bottom: number; hashtags: boolean }): RuleResult {
  const ranked = residualScores(input, options.hashtags);
  return { labels: cutTails(ranked, options.top, options.bottom), scores: ranked.scores, fit: ranked.fit! };
}

export function ratioRule(input: RuleInput, options: { top: number; bottom: number }): RuleResult {
  const ranked = ratioScores(input);
  return { labels: cutTails(ranked, options.top, options.bottom), scores: ranked.scores };
}

/**
 * Karpathy (2015): order by followers ascending (ties by id), walk consecutive groups of G dropping a last group
 * shorter than G; inside a group order by likes descending (ties by id): the first floor(G/2) are good, the last
 * floor(G/2) bad (an odd group's middle post gets none). Score = rank inside the group, 1 = most likes.
 */
export function karpathyRule(input: RuleInput, options: { groupSize: number }): RuleResult {
  const n = input.ids.length;
  const size = Math.max(2, Math.floor(options.groupSize));
  const labels = new Int8Array(n);
  const scores = new Float64Array(n).fill(Number.NaN);
  const byFollowers = orderBy(input.followers, input.ids, 'ascending');
  const half = Math.floor(size / 2);
  for (let start = 0; start + size <= n; start += size) {
    const group = Array.from(byFollowers.subarray(start, start + size));
    group.sort((a, b) => input.likes[b]! - input.likes[a]! || (input.ids[a]! < input.ids[b]! ? -1 : input.ids[a]! > input.ids[b]! ? 1 : 0));
    group.forEach((post, position) => {
      scores[post] = position + 1;
      if (position < half) labels[post] = 1;
      else if (position >= size - half) labels[post] = -1;
    });
  }
  return { labels, scores };
}

export interface LabelCounts {
  good: number;
  bad: number;
  none: number;
}

export function countLabels(labels: ArrayLike<number>): LabelCounts {
  const counts = { good: 0, bad: 0, none: 0 };
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) counts.good++;
    else if (labels[i] === -1) counts.bad++;
    else counts.none++;
  }
  return counts;
}
