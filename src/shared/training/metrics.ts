/**
 * Evaluation metrics for a binary good/bad classifier, as pure functions (tested against numpy). "Positive" is good.
 * Labels are 1 (good) and 0 or -1 (bad); probabilities are p(good) in 0..1.
 */
import type { CalibrationBin, ConfusionMatrix, EpochMetrics, RocPoint, SplitEvaluation } from './training-types';

const isGood = (label: number) => label === 1;

/** Keras clips probabilities to [ε, 1 − ε] before taking logs; so do we, so losses match. */
export const probabilityEpsilon = 1e-7;

function assertSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} labels but ${b.length} values`);
}

/** Share of predictions on the right side of the threshold (p ≥ threshold means good). NaN for no posts. */
export function accuracy(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold = 0.5): number {
  assertSameLength(labels, probabilities, 'accuracy');
  if (labels.length === 0) return Number.NaN;
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (probabilities[i]! >= threshold === isGood(labels[i]!)) right++;
  return right / labels.length;
}

/** Mean binary cross-entropy, −[y log p + (1 − y) log(1 − p)], with p clipped to [ε, 1 − ε]. */
export function binaryCrossEntropy(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  assertSameLength(labels, probabilities, 'binaryCrossEntropy');
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - probabilityEpsilon, Math.max(probabilityEpsilon, probabilities[i]!));
    sum -= isGood(labels[i]!) ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/**
 * The ROC curve: one point per distinct score, from (0, 0) (threshold above every score) to (1, 1), lowering the
 * threshold through the scores; tied scores move together (a diagonal step). Needs both classes; empty otherwise.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
  assertSameLength(labels, scores, 'rocCurve');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (isGood(labels[i]!)) positives++;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return [];
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: null }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (isGood(labels[i]!)) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next]! !== scores[i]!) points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: scores[i]! });
  }
  return points;
}

/** Area under the ROC curve by the trapezoid rule (= the Mann–Whitney U statistic, ties counted half). null with one class. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number | null {
  const points = rocCurve(labels, scores);
  if (points.length === 0) return null;
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    area += ((points[k]!.fpr - points[k - 1]!.fpr) * (points[k]!.tpr + points[k - 1]!.tpr)) / 2;
  }
  return area;
}

/** Counts and post ids per cell (positive = good; predicted good when p ≥ threshold). */
export function confusionMatrix(labels: ArrayLike<number>, probabilities: ArrayLike<number>, postIds: readonly string[], threshold = 0.5): ConfusionMatrix {
  assertSameLength(labels, probabilities, 'confusionMatrix');
  assertSameLength(labels, postIds, 'confusionMatrix');
  const cell = () => ({ count: 0, postIds: [] as string[] });
  const matrix: ConfusionMatrix = { threshold, truePositive: cell(), falsePositive: cell(), trueNegative: cell(), falseNegative: cell() };
  for (let i = 0; i < labels.length; i++) {
    const good = isGood(labels[i]!);
    const predictedGood = probabilities[i]! >= threshold;
    const target = good ? (predictedGood ? matrix.truePositive : matrix.falseNegative) : predictedGood ? matrix.falsePositive : matrix.trueNegative;
    target.count++;
    target.postIds.push(postIds[i]!);
  }
  return matrix;
}

/**
 * Reliability diagram: `bins` equal-width bins over [0, 1] (the last one closed), each with the mean predicted
 * probability and the observed share of good posts (numpy/sklearn's calibration_curve, strategy "uniform", keeping
 * empty bins with nulls so the x axis stays regular).
 */
export function calibrationBins(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): CalibrationBin[] {
  assertSameLength(labels, probabilities, 'calibrationBins');
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`calibrationBins: bins must be a positive whole number, not ${bins}`);
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const good = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[bin]!++;
    sumP[bin]! += p;
    if (isGood(labels[i]!)) good[bin]!++;
  }
  return count.map((n, bin) => ({
    lower: bin / bins,
    upper: (bin + 1) / bins,
    count: n,
    meanPredicted: n === 0 ? null : sumP[bin]! / n,
    fractionGood: n === 0 ? null : good[bin]! / n,
  }));
}

/** Accuracy of always answering the more frequent class. */
export function majorityBaseline(labels: ArrayLike<number>): number {
  if (labels.length === 0) return Number.NaN;
  let good = 0;
  for (let i = 0; i < labels.length; i++) if (isGood(labels[i]!)) good++;
  return Math.max(good, labels.length - good) / labels.length;
}

/** Everything the evaluation shows for one split. */
export function evaluateSplit(labels: readonly number[], probabilities: readonly number[], postIds: readonly string[], threshold = 0.5, bins = 10): SplitEvaluation {
  const good = labels.filter(isGood).length;
  return {
    n: labels.length,
    good,
    bad: labels.length - good,
    accuracy: accuracy(labels, probabilities, threshold),
    loss: binaryCrossEntropy(labels, probabilities),
    auc: rocAuc(labels, probabilities),
    roc: rocCurve(labels, probabilities),
    confusion: confusionMatrix(labels, probabilities, postIds, threshold),
    calibration: calibrationBins(labels, probabilities, bins),
    majorityBaseline: majorityBaseline(labels),
  };
}

/**
 * Exponential moving average with bias correction (as Adam and TensorBoard do): s_t = α s_{t−1} + (1 − α) x_t,
 * reported as s_t / (1 − α^t), so early points are not pulled towards 0. `start` continues a series (t offset and state).
 */
export function smoothSeries(values: readonly number[], alpha = 0.9, start: { state: number; steps: number } = { state: 0, steps: 0 }): { smoothed: number[]; state: number; steps: number } {
  if (!(alpha >= 0 && alpha < 1)) throw new Error(`smoothSeries: alpha must be in [0, 1), not ${alpha}`);
  let state = start.state;
  let steps = start.steps;
  const smoothed = values.map((value) => {
    state = alpha * state + (1 - alpha) * value;
    steps++;
    return state / (1 - alpha ** steps);
  });
  return { smoothed, state, steps };
}

/** Keeps at most `max` points of a series, evenly spaced, always including the last. */
export function thinSeries(values: readonly number[], max: number): number[] {
  if (values.length <= max) return [...values];
  const out: number[] = [];
  for (let k = 1; k <= max; k++) out.push(values[Math.round((k * values.length) / max) - 1]!);
  return out;
}

/** The epoch with the highest validation accuracy (the earliest of ties); null without validation figures. */
export function bestEpoch(history: readonly Pick<EpochMetrics, 'epoch' | 'valAccuracy'>[]): number | null {
  let best: { epoch: number; accuracy: number } | null = null;
  for (const entry of history) {
    if (entry.valAccuracy === null || Number.isNaN(entry.valAccuracy)) continue;
    if (best === null || entry.valAccuracy > best.accuracy) best = { epoch: entry.epoch, accuracy: entry.valAccuracy };
  }
  return best?.epoch ?? null;
}

/** Early stopping: `patience` epochs have passed since the best one (never with patience 0 or without validation). */
export function shouldStopEarly(history: readonly Pick<EpochMetrics, 'epoch' | 'valAccuracy'>[], patience: number): boolean {
  if (patience <= 0 || history.length === 0) return false;
  const best = bestEpoch(history);
  if (best === null) return false;
  return history[history.length - 1]!.epoch - best >= patience;
}

/** Validation peak and final accuracy of a history, and the gap between them (how much it overfit after its best epoch). */
export function peakAndFinal(history: readonly Pick<EpochMetrics, 'epoch' | 'valAccuracy'>[]): {
  peak: { epoch: number; accuracy: number } | null;
  final: { epoch: number; accuracy: number } | null;
  gap: number | null;
} {
  const best = bestEpoch(history);
  const last = [...history].reverse().find((entry) => entry.valAccuracy !== null && !Number.isNaN(entry.valAccuracy));
  const peakEntry = history.find((entry) => entry.epoch === best);
  const peak = peakEntry && peakEntry.valAccuracy !== null ? { epoch: peakEntry.epoch, accuracy: peakEntry.valAccuracy } : null;
  const final = last && last.valAccuracy !== null ? { epoch: last.epoch, accuracy: last.valAccuracy } : null;
  return { peak, final, gap: peak && final ? peak.accuracy - final.accuracy : null };
}
