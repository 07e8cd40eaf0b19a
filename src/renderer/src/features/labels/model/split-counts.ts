import { splitByOwner, splitNames } from '../../../../../shared/labeling/split';
import type { Population } from './population';

export type SplitTable = Record<(typeof splitNames)[number], { good: number; bad: number }>;

/** Deals the labeled posts' owners into train/val/test (seeded, whole owners) and counts each split's classes. */
export function splitCounts(population: Population, labels: Int8Array, split: { val: number; test: number; seed: number }): SplitTable {
  const splits = splitByOwner({
    owners: population.owners,
    duplicateOf: population.duplicateOf,
    // Labeled posts only: -1 and 1 are truthy, 0 (none) is not.
    include: labels,
    fractions: { train: Math.max(0, 1 - split.val - split.test), val: split.val, test: split.test },
    seed: split.seed,
  });
  const table: SplitTable = { train: { good: 0, bad: 0 }, val: { good: 0, bad: 0 }, test: { good: 0, bad: 0 } };
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const split = splits[i]!;
    if (label === 0 || split < 0) continue;
    table[splitNames[split]!][label === 1 ? 'good' : 'bad']++;
  }
  return table;
}
