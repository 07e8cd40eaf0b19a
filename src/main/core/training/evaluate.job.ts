import { AppFailure } from '../../../shared/result';
import { evaluateRun, summarizeEvaluation } from '../../../shared/training/evaluation';
import { evaluateParams, type RunEvaluation } from '../../../shared/training/training-types';
import { defineJob } from '../jobs/job-definition';
import { RunsRepository } from './runs-repository';

/** Recomputes a run's evaluation from its stored history and predictions (threshold and bins as given) and saves it. */
export async function evaluateStoredRun(projectDir: string, runId: string | undefined, options: { threshold?: number; bins?: number; save?: boolean } = {}): Promise<RunEvaluation> {
  const runs = new RunsRepository(projectDir);
  const run = runId ? await runs.get(runId) : await runs.latestCompleted();
  if (!run) throw new AppFailure('INVALID_INPUT', 'No finished training run in this project to evaluate; train one first.');
  if (run.status !== 'completed') throw new AppFailure('JOB_STATE', `Run ${run.id} is ${run.status}; only a completed run has predictions to evaluate.`, { run: run.id });
  const [history, predictions] = await Promise.all([runs.metrics(run.id), runs.predictions(run.id)]);
  const evaluation = evaluateRun({ id: run.id, epochsDone: run.epochsDone, bestEpoch: run.bestEpoch, shuffledLabels: run.params.shuffleLabels }, history, predictions, options);
  if (options.save) await runs.writeEvaluation(evaluation);
  return evaluation;
}

/** `evaluate`: the honest figures of a run (validation peak and final, test at the best checkpoint, ROC, confusion, calibration). */
export const evaluateJob = defineJob({
  kind: 'evaluate',
  lane: 'ml',
  unit: 'runs',
  description: 'Evaluate a training run: validation peak and final accuracy, the test split at the best-validation checkpoint, ROC/AUC, confusion matrix, calibration.',
  params: evaluateParams,
  title: (params) => `Evaluate ${params.run ? `run ${params.run}` : 'the latest run'}`,
  run: async ({ params, progress, project }) => {
    progress({ done: 0, total: 1 });
    const evaluation = await evaluateStoredRun(project.dir, params.run, { threshold: params.threshold, bins: params.bins, save: project.writable });
    progress({ done: 1, total: 1 });
    // The full evaluation (post ids per cell, ROC points) is in runs/<id>/evaluation.json and runs.evaluation.
    return summarizeEvaluation(evaluation);
  },
});
