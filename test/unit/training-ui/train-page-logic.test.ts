import { describe, expect, it } from 'vitest';
import type { LabelSetSummary } from '../../../src/shared/labeling/label-set';
import type { RunEvaluation, RunSummary, SplitEvaluation } from '../../../src/shared/training/training-types';
import { curvesAxisMax, epochsLine } from '../../../src/renderer/src/features/training/curves-axis';
import { aucInterval, sanityCheckParams, shuffledVerdict } from '../../../src/renderer/src/features/training/sanity-check';
import { defaultLabelSet, isSweepDerived, validateTrainForm } from '../../../src/renderer/src/features/training/train-form-values';

const set = (name: string, createdAt: string) => ({ id: `id-${name}`, name, createdAt }) as LabelSetSummary;
const run = (labelSet: string, createdAt: string) => ({ labelSet: { id: `id-${labelSet}`, name: labelSet, version: 1 }, createdAt }) as RunSummary;
const epochs = (n: number) => Array.from({ length: n }, (_, i) => ({ epoch: i + 1 })) as never[];

describe('the label set a new run starts on', () => {
  const sets = [set('residual 10%', '2026-01-01'), set('ratio', '2026-01-02'), set('residual 10% · tails 20%', '2026-01-03'), set('residual 10% · tails 30%', '2026-01-04')];

  it('is the newest run’s set when there are runs', () => {
    expect(defaultLabelSet(sets, [run('residual 10%', '2026-02-01'), run('ratio', '2026-01-15')])).toBe('residual 10%');
  });

  it('is otherwise the newest set that a sweep did not derive, never silently the last sweep set', () => {
    expect(defaultLabelSet(sets, [])).toBe('ratio');
    expect(defaultLabelSet(sets, null)).toBe('ratio');
    expect(isSweepDerived('residual 10% · tails 12.5%')).toBe(true);
    expect(isSweepDerived('residual 10%')).toBe(false);
  });
});

describe('the train form’s own range checks', () => {
  const ok = { epochs: 30, batch: 32, lr: 0.01, momentum: 0.9, l2: 5e-4, dropout: 0.5, patience: 10, seed: 1 };

  it('accepts values a step attribute would refuse (dropout 0.33, lr 1e-6, patience 0)', () => {
    expect(validateTrainForm({ ...ok, dropout: 0.33, lr: 1e-6, patience: 0 }, '').errors).toEqual({});
  });

  it('refuses out-of-range values with a message naming the field and its range', () => {
    const { errors } = validateTrainForm({ ...ok, dropout: 1, epochs: 2.5, lr: 0, batch: Number.NaN }, '');
    expect(Object.keys(errors).sort()).toEqual(['batch', 'dropout', 'epochs', 'lr']);
    expect(errors.dropout).toMatch(/^Dropout: from 0 up to/);
  });

  it('warns, without refusing, that a learning rate above 1 is likely to diverge', () => {
    const { errors, warnings } = validateTrainForm({ ...ok, lr: 2 }, '');
    expect(errors).toEqual({});
    expect(warnings.join(' ')).toMatch(/likely to diverge/);
  });
});

describe('the curves’ x axis', () => {
  it('ends at the epochs run for a finished run that stopped early, not the epochs requested', () => {
    expect(curvesAxisMax({ history: epochs(13), epochs: 200, live: false })).toBe(13);
    expect(epochsLine({ history: epochs(13), epochs: 200, stoppedEarly: true, patience: 10 })).toBe('stopped early at epoch 13 of 200 (patience 10)');
  });

  it('keeps a little room while training, never past the epochs requested', () => {
    expect(curvesAxisMax({ history: epochs(5), epochs: 200, live: true })).toBe(7);
    expect(curvesAxisMax({ history: epochs(100), epochs: 200, live: true })).toBe(110);
    expect(curvesAxisMax({ history: epochs(29), epochs: 30, live: true })).toBe(30);
    expect(curvesAxisMax({ history: [], epochs: 30, live: true })).toBe(2);
  });
});

const split = (n: number, accuracy: number, majorityBaseline: number, auc: number | null) => ({ n, accuracy, majorityBaseline, auc, good: n / 2, bad: n / 2 }) as SplitEvaluation;
const evaluation = (val: SplitEvaluation | null, final: number, test: SplitEvaluation | null = null) =>
  ({ epochsDone: 30, valFinal: val ? { epoch: 30, accuracy: final } : null, splits: { train: null, val, test } }) as unknown as RunEvaluation;

describe('the shuffled-labels verdict', () => {
  it('judges the final epoch (not the peak) against the majority baseline, with a Wilson interval', () => {
    const verdict = shuffledVerdict(evaluation(split(100, 0.9, 0.5, 0.5), 0.52))!;
    expect(verdict.accuracy).toBe(0.52);
    expect(verdict.low).toBeCloseTo(0.4231, 3); // Wilson 52/100: [0.4231, 0.6153]
    expect(verdict.high).toBeCloseTo(0.6153, 3);
    expect(verdict.aboveChance).toBe(false);
    expect(verdict.text).toBe('final val accuracy 0.52 [0.42, 0.62] (epoch 30, n 100), AUC 0.50 [0.39, 0.61] — consistent with chance (majority baseline 0.50)');
  });

  it('calls an accuracy whose interval clears the baseline above chance: a leak to look for', () => {
    const verdict = shuffledVerdict(evaluation(split(100, 0.75, 0.5, 0.5), 0.7))!;
    expect(verdict.aboveChance).toBe(true);
    expect(verdict.text).toMatch(/above chance \(majority baseline 0\.50\): check for leakage$/);
  });

  it('flags an AUC whose interval lies above 0.5 even when the accuracy sits at the baseline', () => {
    expect(shuffledVerdict(evaluation(split(200, 0.6, 0.6, 0.75), 0.6))!.aboveChance).toBe(true);
  });

  it('uses the test split when there is no validation split, and says nothing without either', () => {
    expect(shuffledVerdict(evaluation(null, 0, split(50, 0.5, 0.5, null)))!.split).toBe('test');
    expect(shuffledVerdict(evaluation(null, 0, null))).toBeNull();
  });

  it('gives the Hanley–McNeil AUC interval (0.5 with 50 of each: ±0.113)', () => {
    const interval = aucInterval(0.5, 50, 50)!;
    expect(interval.high - 0.5).toBeCloseTo(0.5 - interval.low, 10);
    expect(interval.high - 0.5).toBeCloseTo(1.959964 * Math.sqrt((0.25 + 49 * (1 / 3 - 0.25) + 49 * (1 / 3 - 0.25)) / 2500), 10);
  });
});

describe('the one-click sanity check', () => {
  it('starts the same configuration on the same label set version with shuffled labels', () => {
    const params = { labelSet: 'demo', backbone: 'mobilenet_v2', mode: 'head', epochs: 30, lr: 0.01, seed: 3, shuffleLabels: false } as unknown as RunSummary['params'];
    expect(sanityCheckParams({ params, labelSet: { id: 'set-v2', name: 'demo', version: 2 }, name: 'my run' })).toEqual({ ...params, labelSet: 'set-v2', shuffleLabels: true, name: 'my run · shuffled labels' });
  });
});
