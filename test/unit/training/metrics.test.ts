import { describe, expect, it } from 'vitest';
import {
  accuracy,
  bestEpoch,
  binaryCrossEntropy,
  calibrationBins,
  confusionMatrix,
  evaluateSplit,
  majorityBaseline,
  peakAndFinal,
  rocAuc,
  rocCurve,
  shouldStopEarly,
  smoothSeries,
  thinSeries,
} from '../../../src/shared/training/metrics';

// Twelve posts with tied scores; every expected figure below was computed independently with numpy (a loop over
// thresholds for the ROC curve, all positive/negative pairs for the AUC, np.trapezoid for the area).
const labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1];
const p = [0.9, 0.8, 0.7, 0.7, 0.6, 0.4, 0.4, 0.3, 0.55, 0.1, 0.7, 0.2];
const ids = labels.map((_, i) => `post${i}`);

describe('classification metrics against numpy', () => {
  it('accuracy at 0.5 and binary cross-entropy (clipped as Keras does)', () => {
    expect(accuracy(labels, p)).toBeCloseTo(0.5833333333333334, 12);
    expect(binaryCrossEntropy(labels, p)).toBeCloseTo(0.720403215049659, 10);
    // -1 for bad reads the same as 0
    expect(accuracy(labels.map((l) => (l === 1 ? 1 : -1)), p)).toBeCloseTo(0.5833333333333334, 12);
    expect(binaryCrossEntropy([1, 0], [1, 0])).toBeCloseTo(1e-7, 9);
  });

  it('ROC curve: one point per distinct score, ties move diagonally', () => {
    const expected: Array<[number, number, number | null]> = [
      [0, 0, null],
      [0, 1 / 6, 0.9],
      [1 / 6, 1 / 6, 0.8],
      [2 / 6, 3 / 6, 0.7],
      [3 / 6, 3 / 6, 0.6],
      [3 / 6, 4 / 6, 0.55],
      [4 / 6, 5 / 6, 0.4],
      [5 / 6, 5 / 6, 0.3],
      [5 / 6, 1, 0.2],
      [1, 1, 0.1],
    ];
    const roc = rocCurve(labels, p);
    expect(roc).toHaveLength(expected.length);
    roc.forEach((point, k) => {
      expect(point.fpr).toBeCloseTo(expected[k]![0], 12);
      expect(point.tpr).toBeCloseTo(expected[k]![1], 12);
      expect(point.threshold).toBe(expected[k]![2]);
    });
  });

  it('AUC equals the Mann–Whitney statistic with ties counted half', () => {
    expect(rocAuc(labels, p)).toBeCloseTo(0.5972222222222222, 12);
    expect(rocAuc([1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1])).toBe(1);
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.5, 0.6])).toBeNull();
    expect(rocCurve([0, 0], [0.5, 0.6])).toEqual([]);
  });

  it('confusion matrix keeps the post ids of every cell', () => {
    const matrix = confusionMatrix(labels, p, ids);
    expect(matrix.truePositive).toEqual({ count: 4, postIds: ['post0', 'post2', 'post3', 'post8'] });
    expect(matrix.falseNegative).toEqual({ count: 2, postIds: ['post6', 'post11'] });
    expect(matrix.falsePositive).toEqual({ count: 3, postIds: ['post1', 'post4', 'post10'] });
    expect(matrix.trueNegative).toEqual({ count: 3, postIds: ['post5', 'post7', 'post9'] });
    expect(confusionMatrix(labels, p, ids, 0.75).truePositive.count).toBe(1);
  });

  it('calibration bins: equal width, mean predicted and share good per bin, empty bins kept', () => {
    const bins = calibrationBins(labels, p, 5);
    const expected = [
      [1, 0.1, 0],
      [2, 0.25, 0.5],
      [3, 0.45, 2 / 3],
      [4, 0.675, 0.5],
      [2, 0.85, 0.5],
    ];
    bins.forEach((bin, k) => {
      expect(bin.lower).toBeCloseTo(k / 5, 12);
      expect(bin.count).toBe(expected[k]![0]);
      expect(bin.meanPredicted).toBeCloseTo(expected[k]![1]!, 12);
      expect(bin.fractionGood).toBeCloseTo(expected[k]![2]!, 12);
    });
    const sparse = calibrationBins([1, 0], [1, 0], 4);
    expect(sparse.map((b) => b.count)).toEqual([1, 0, 0, 1]);
    expect(sparse[1]).toMatchObject({ meanPredicted: null, fractionGood: null });
    expect(() => calibrationBins([1], [0.5], 0)).toThrow('bins');
  });

  it('evaluateSplit bundles the figures, with the majority baseline', () => {
    const split = evaluateSplit(labels, p, ids);
    expect(split).toMatchObject({ n: 12, good: 6, bad: 6, majorityBaseline: 0.5 });
    expect(split.auc).toBeCloseTo(0.5972222222222222, 12);
    expect(majorityBaseline([1, 0, 0, 0])).toBe(0.75);
    expect(() => accuracy([1], [0.5, 0.2])).toThrow('1 labels but 2 values');
  });
});

describe('training curves', () => {
  it('smooths the per-batch loss with a bias-corrected moving average (numpy)', () => {
    const { smoothed, steps } = smoothSeries([1.0, 0.5, 0.8, 0.2, 0.4], 0.9);
    const expected = [1.0, 0.7368421052631579, 0.7601476014760149, 0.5972666472811864, 0.5490952601890063];
    smoothed.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 12));
    expect(steps).toBe(5);
    // continuing a series gives the same numbers as smoothing it in one go
    const first = smoothSeries([1.0, 0.5], 0.9);
    const rest = smoothSeries([0.8, 0.2, 0.4], 0.9, first);
    rest.smoothed.forEach((value, i) => expect(value).toBeCloseTo(expected[i + 2]!, 12));
    expect(thinSeries([1, 2, 3, 4, 5, 6], 3)).toEqual([2, 4, 6]);
    expect(thinSeries([1, 2], 3)).toEqual([1, 2]);
  });

  it('best epoch by validation accuracy (earliest of ties), early stopping, peak and final', () => {
    const history = [0.55, 0.61, 0.64, 0.64, 0.6, 0.59].map((valAccuracy, i) => ({ epoch: i + 1, valAccuracy }));
    expect(bestEpoch(history)).toBe(3);
    expect(shouldStopEarly(history, 3)).toBe(true);
    expect(shouldStopEarly(history, 4)).toBe(false);
    expect(shouldStopEarly(history, 0)).toBe(false);
    const summary = peakAndFinal(history);
    expect(summary.peak).toEqual({ epoch: 3, accuracy: 0.64 });
    expect(summary.final).toEqual({ epoch: 6, accuracy: 0.59 });
    expect(summary.gap).toBeCloseTo(0.05, 12);
    expect(bestEpoch([{ epoch: 1, valAccuracy: null }])).toBeNull();
    expect(peakAndFinal([])).toEqual({ peak: null, final: null, gap: null });
  });
});
