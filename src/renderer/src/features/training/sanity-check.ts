import { wilsonInterval } from '../../../../shared/rating/binary-agreement';
import type { RunEvaluation, RunRecord } from '../../../../shared/training/training-types';

/** The same run's configuration, trained on shuffled labels: a model that beats chance on those has a leak. */
export function sanityCheckParams(run: Pick<RunRecord, 'params' | 'labelSet' | 'name'>): Record<string, unknown> {
  return { ...run.params, labelSet: run.labelSet.id, shuffleLabels: true, name: `${run.name} · shuffled labels`.slice(0, 200) };
}

export interface ShuffledVerdict {
  /** Which split the accuracy is of, and at which epoch. */
  split: 'val' | 'test';
  epoch: number;
  accuracy: number;
  n: number;
  low: number;
  high: number;
  majorityBaseline: number;
  auc: number | null;
  aucLow: number | null;
  aboveChance: boolean;
  text: string;
}

/**
 * The AUC's 95% interval by Hanley & McNeil (1982): the standard error from the AUC and the two class sizes.
 * null when a class is empty.
 */
export function aucInterval(auc: number, positives: number, negatives: number, z = 1.959964): { low: number; high: number } | null {
  if (positives < 1 || negatives < 1) return null;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  const se = Math.sqrt(Math.max(0, variance));
  return { low: Math.max(0, auc - z * se), high: Math.min(1, auc + z * se) };
}

const fixed = (value: number) => value.toFixed(2);

/**
 * A shuffled-labels run against chance. The accuracy is the FINAL epoch's (the peak is chosen on the validation posts
 * and so runs high by selection), with a Wilson 95% interval, compared with always answering the majority class. The
 * AUC (at the predictions' epoch) should be near 0.5; its interval above 0.5 is a warning too. Without a validation
 * split the test split stands in: its predictions come from the final epoch then.
 */
export function shuffledVerdict(evaluation: Pick<RunEvaluation, 'valFinal' | 'splits' | 'epochsDone'>): ShuffledVerdict | null {
  const val = evaluation.splits.val;
  const test = evaluation.splits.test;
  let split: 'val' | 'test';
  let accuracy: number;
  let epoch: number;
  let n: number;
  let baseline: number;
  let auc: number | null;
  let good: number;
  let bad: number;
  if (val && val.n > 0 && evaluation.valFinal) {
    split = 'val';
    ({ accuracy, epoch } = evaluation.valFinal);
    ({ n, majorityBaseline: baseline, auc, good, bad } = val);
  } else if (test && test.n > 0) {
    split = 'test';
    accuracy = test.accuracy;
    epoch = evaluation.epochsDone;
    ({ n, majorityBaseline: baseline, auc, good, bad } = test);
  } else {
    return null;
  }
  const interval = wilsonInterval(Math.round(accuracy * n), n);
  if (!interval) return null;
  const aucBounds = auc === null ? null : aucInterval(auc, good, bad);
  const accuracyAbove = interval.low > baseline;
  const aucAbove = aucBounds !== null && aucBounds.low > 0.5;
  const aboveChance = accuracyAbove || aucAbove;
  const head = `final ${split} accuracy ${fixed(accuracy)} [${fixed(interval.low)}, ${fixed(interval.high)}] (epoch ${epoch}, n ${n})`;
  const aucText = auc === null ? '' : `, AUC ${auc.toFixed(2)}${aucBounds ? ` [${fixed(aucBounds.low)}, ${fixed(aucBounds.high)}]` : ''}`;
  const verdict = aboveChance
    ? `above chance (majority baseline ${fixed(baseline)}${aucAbove ? ', AUC above 0.5' : ''}): check for leakage`
    : `consistent with chance (majority baseline ${fixed(baseline)})`;
  return {
    split,
    epoch,
    accuracy,
    n,
    low: interval.low,
    high: interval.high,
    majorityBaseline: baseline,
    auc,
    aucLow: aucBounds?.low ?? null,
    aboveChance,
    text: `${head}${aucText} — ${verdict}`,
  };
}
