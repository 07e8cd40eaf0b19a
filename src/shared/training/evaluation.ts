/**
 * A run's honest evaluation from its stored history and predictions: validation peak and final accuracy (and the
 * gap), and per split at the best-validation checkpoint (the epoch the predictions were made with): accuracy, loss,
 * ROC/AUC, confusion matrix with post ids, calibration. Pure; the `evaluate` job and `runs.evaluation` call it.
 */
import { evaluateSplit, peakAndFinal } from './metrics';
import { studyReference, type EpochMetrics, type RunEvaluation, type RunPredictions, type SplitEvaluation } from './training-types';

export const splitCodes = { train: 0, val: 1, test: 2 } as const;

export function evaluateRun(
  run: { id: string; epochsDone: number; bestEpoch: number | null; shuffledLabels: boolean },
  history: readonly EpochMetrics[],
  predictions: RunPredictions,
  options: { threshold?: number; bins?: number; now?: Date } = {},
): RunEvaluation {
  const threshold = options.threshold ?? 0.5;
  const bins = options.bins ?? 10;
  const split = (code: number): SplitEvaluation | null => {
    const labels: number[] = [];
    const probabilities: number[] = [];
    const ids: string[] = [];
    predictions.postId.forEach((postId, i) => {
      if (predictions.split[i] !== code || predictions.label[i] === 0) return;
      labels.push(predictions.label[i] === 1 ? 1 : 0);
      probabilities.push(predictions.pGood[i]!);
      ids.push(postId);
    });
    return labels.length === 0 ? null : evaluateSplit(labels, probabilities, ids, threshold, bins);
  };
  const { peak, final, gap } = peakAndFinal(history);
  return {
    runId: run.id,
    createdAt: (options.now ?? new Date()).toISOString(),
    bestEpoch: run.bestEpoch,
    epochsDone: run.epochsDone,
    valPeak: peak,
    valFinal: final,
    peakFinalGap: gap,
    threshold,
    splits: { train: split(splitCodes.train), val: split(splitCodes.val), test: split(splitCodes.test) },
    shuffledLabels: run.shuffledLabels,
    reference: studyReference,
  };
}

/** The headline figures of an evaluation (what a job result, a CLI line or a runs table shows). */
export interface EvaluationSummary {
  runId: string;
  bestEpoch: number | null;
  valPeak: number | null;
  valFinal: number | null;
  peakFinalGap: number | null;
  val: { n: number; accuracy: number; auc: number | null } | null;
  test: { n: number; accuracy: number; auc: number | null } | null;
  shuffledLabels: boolean;
}

export function summarizeEvaluation(evaluation: RunEvaluation): EvaluationSummary {
  const brief = (split: SplitEvaluation | null) => (split ? { n: split.n, accuracy: split.accuracy, auc: split.auc } : null);
  return {
    runId: evaluation.runId,
    bestEpoch: evaluation.bestEpoch,
    valPeak: evaluation.valPeak?.accuracy ?? null,
    valFinal: evaluation.valFinal?.accuracy ?? null,
    peakFinalGap: evaluation.peakFinalGap,
    val: brief(evaluation.splits.val),
    test: brief(evaluation.splits.test),
    shuffledLabels: evaluation.shuffledLabels,
  };
}
