/** The runs operations behind the API and the CLI, aware of the training jobs that are still running. */
import type { JobRecord } from '../../../shared/jobs/job-types';
import { isActive } from '../../../shared/jobs/job-types';
import { AppFailure } from '../../../shared/result';
import type { SweepProgress } from '../../../shared/training/sweep';
import type { EpochMetrics, RunEvaluation, RunRecord, RunSummary, TrainProgress } from '../../../shared/training/training-types';
import { evaluateStoredRun } from './evaluate.job';
import { RunsRepository } from './runs-repository';

/** Run ids that an active train job (or tail-width sweep) is working on. */
function activeRunIds(jobs: readonly JobRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const job of jobs) {
    if (!isActive(job)) continue;
    const runId =
      job.kind === 'train' ? (job.checkpoint as Partial<TrainProgress> | undefined)?.runId : job.kind === 'train.sweep' ? (job.checkpoint as Partial<SweepProgress> | undefined)?.current?.runId : undefined;
    if (typeof runId === 'string') ids.add(runId);
  }
  return ids;
}

/** A run whose process stopped (crash, kill) without finishing says "running" on disk; it is resumable, not running. */
function withLiveStatus<T extends RunRecord>(run: T, active: Set<string>): T {
  return run.status === 'running' && !active.has(run.id) ? { ...run, status: 'stopped' } : run;
}

export async function listRuns(projectDir: string, jobs: readonly JobRecord[]): Promise<RunSummary[]> {
  const active = activeRunIds(jobs);
  return (await new RunsRepository(projectDir).list()).map((run) => withLiveStatus(run, active));
}

export async function getRun(projectDir: string, id: string, jobs: readonly JobRecord[]): Promise<{ record: RunRecord; metrics: EpochMetrics[] }> {
  const runs = new RunsRepository(projectDir);
  return { record: withLiveStatus(await runs.get(id), activeRunIds(jobs)), metrics: await runs.metrics(id) };
}

export async function removeRun(projectDir: string, id: string, jobs: readonly JobRecord[]): Promise<void> {
  if (activeRunIds(jobs).has(id)) throw new AppFailure('JOB_STATE', `Run ${id} is training; cancel its job before removing it.`, { run: id });
  await new RunsRepository(projectDir).remove(id);
}

/** The stored evaluation, or one recomputed when another threshold or bin count is asked for. */
export async function runEvaluation(projectDir: string, id: string, options: { threshold?: number; bins?: number }): Promise<RunEvaluation> {
  const runs = new RunsRepository(projectDir);
  const custom = options.threshold !== undefined || options.bins !== undefined;
  if (!custom && runs.hasEvaluation(id)) return runs.evaluation(id);
  return evaluateStoredRun(projectDir, id, options);
}
