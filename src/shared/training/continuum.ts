/**
 * Karpathy's best-to-worst continuum: the posts of a split ordered by the model's p(good), shown as one grid from the
 * most to the least "good-looking" according to the model. Pure: ordering, an even sample along the order (a split
 * of thousands cannot be shown whole), and which end a position belongs to (the worst end is shown small and blurred
 * by default, for the people in those photos).
 */
import type { RunPredictions } from './training-types';

export interface ContinuumItem {
  postId: string;
  pGood: number;
  /** 1 good, −1 bad, 0 unlabeled. */
  label: number;
  /** 0 = the model's best post of the split. */
  rank: number;
}

/** Split codes as in the label set; 'all' = every predicted post. */
export type ContinuumSplit = 0 | 1 | 2 | 'all';

/** The split's posts, highest p(good) first (ties by post id, so the order is stable). */
export function continuumOrder(predictions: Pick<RunPredictions, 'postId' | 'split' | 'label' | 'pGood'>, split: ContinuumSplit): ContinuumItem[] {
  const items: Omit<ContinuumItem, 'rank'>[] = [];
  predictions.postId.forEach((postId, i) => {
    if (split !== 'all' && predictions.split[i] !== split) return;
    const pGood = predictions.pGood[i]!;
    if (Number.isFinite(pGood)) items.push({ postId, pGood, label: predictions.label[i] ?? 0 });
  });
  items.sort((a, b) => b.pGood - a.pGood || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
  return items.map((item, rank) => ({ ...item, rank }));
}

/** At most `max` items evenly spaced along the order, always the first and the last. */
export function continuumSample<T>(ordered: readonly T[], max: number): T[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`continuumSample: max must be an integer ≥ 2, got ${max}`);
  if (ordered.length <= max) return [...ordered];
  return Array.from({ length: max }, (_, i) => ordered[Math.round((i * (ordered.length - 1)) / (max - 1))]!);
}

export type ContinuumEnd = 'best' | 'middle' | 'worst';

/** Best third, middle third, worst third of the order, by rank (n items in all). */
export function continuumEnd(rank: number, n: number): ContinuumEnd {
  if (n <= 0 || rank < 0 || rank >= n) throw new RangeError(`continuumEnd: rank ${rank} of ${n}`);
  const position = n === 1 ? 0 : rank / (n - 1);
  return position < 1 / 3 ? 'best' : position <= 2 / 3 ? 'middle' : 'worst';
}
