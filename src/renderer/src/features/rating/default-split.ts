import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { RatingSplit } from '../../../../shared/rating/rating-types';

/** Held-out images are what a model is compared on: the test split when the label set has one, else val. */
export function defaultSplit(set: LabelSetSummary | undefined): RatingSplit {
  const test = set?.splits.test;
  return test && test.good + test.bad > 0 ? 'test' : 'val';
}

/** The most images a balanced (half good, half bad) sample of the split can hold. */
export function balancedCapacity(set: LabelSetSummary | undefined, split: RatingSplit): number {
  const counts = set?.splits[split];
  return counts ? 2 * Math.min(counts.good, counts.bad) : 0;
}
