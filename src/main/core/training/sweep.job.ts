import type { LabelSetSummary } from '../../../shared/labeling/label-set';
import { AppFailure } from '../../../shared/result';
import {
  pendingWidths,
  percentLabel,
  sameRule,
  sweepParams,
  tailRule,
  tailSetName,
  withPoint,
  type SweepParams,
  type SweepProgress,
  type SweepRecord,
} from '../../../shared/training/sweep';
import { trainParams, type TrainProgress } from '../../../shared/training/training-types';
import { defineJob, type JobContext } from '../jobs/job-definition';
import { facePassOf } from '../labeling/face-pass';
import { LabelService } from '../labeling/label-service';
import type { ProjectSession } from '../projects/project-session';
import { RunsRepository } from './runs-repository';
import { SweepsRepository, sweepIdOf } from './sweeps-repository';
import { trainJob, type TrainResult } from './train.job';

export interface SweepResult {
  sweepId: string;
  /** Widths trained by this run of the job, and those found done already (a re-run or a resume). */
  trained: number[];
  skipped: number[];
  points: SweepRecord['points'];
}

/**
 * `train.sweep`: for each tail width, the base label set's rule with both tails at that width (saved as its own label
 * set, or reused when one with exactly that rule exists), and the same head trained on it (same backbone, seed and
 * hyper-parameters). Each width's result is stored as soon as it is known; a resumed or re-run sweep skips the widths
 * done and resumes the run of the width it was in.
 */
export const sweepJob = defineJob({
  kind: 'train.sweep',
  lane: 'ml',
  unit: 'epochs',
  description: 'Tail-width sweep: train the same head on label sets with residual tails of 10–50% (configurable) and record labeled-set size vs validation accuracy.',
  params: sweepParams,
  title: (params) => `Tail-width sweep on "${params.labelSet}" (${params.widths.map(percentLabel).join(', ')})`,
  run: (context) => runSweep(context),
});

/** The label set for one width: the base itself when its tails are already that width, else a saved one with that exact rule. */
async function labelSetForWidth(project: ProjectSession, base: LabelSetSummary, width: number): Promise<LabelSetSummary> {
  const rule = tailRule(base.params, width);
  if (sameRule(rule, base.params)) return base;
  const labels = new LabelService(project, () => facePassOf(project));
  const name = tailSetName(base.name, width);
  const minDays = project.project.data.settings.likesSnapshotMinDays;
  const existing = labels.sets
    .list()
    .filter((set) => set.name === name && set.minDays === minDays && sameRule(set.params, rule))
    .sort((a, b) => b.version - a.version)[0];
  if (existing) return existing;
  if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only; the sweep cannot save label set "${name}".`);
  return labels.save(name, rule);
}

async function runSweep(context: JobContext<SweepParams>): Promise<SweepResult> {
  const { jobId, params, checkpoint, signal, progress, project } = context;
  if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only.`);
  const labels = new LabelService(project, () => facePassOf(project));
  const base = labels.sets.find(params.labelSet);
  tailRule(base.params, params.widths[0]!); // a Karpathy base fails here, before any work
  const sweeps = new SweepsRepository(project.dir);
  const runs = new RunsRepository(project.dir);
  const id = sweepIdOf(base.id, params);
  const now = new Date().toISOString();
  let record: SweepRecord = sweeps.exists(id)
    ? await sweeps.get(id)
    : { id, createdAt: now, updatedAt: now, status: 'running', baseLabelSet: { id: base.id, name: base.name, version: base.version }, params, points: [], jobId };
  // A point whose run was deleted since is trained again.
  record.points = record.points.filter((point) => runs.exists(point.runId));
  record = { ...record, status: 'running', params: { ...params, widths: [...new Set([...record.params.widths, ...params.widths])].sort((a, b) => a - b) }, jobId, updatedAt: now };
  delete record.error;
  await sweeps.save(record);

  const previous = checkpoint as Partial<SweepProgress> | undefined;
  const resumeRun = previous?.sweepId === id ? previous.current : null;
  const todo = pendingWidths(params.widths, record.points);
  const skipped = params.widths.filter((width) => !todo.includes(width));
  const trained: number[] = [];
  const total = params.widths.length * params.epochs;
  const live: SweepProgress = { sweepId: id, current: null, done: skipped };
  const tell = (epochs: number, message: string) => progress({ done: Math.min(total, live.done.length * params.epochs + epochs), total, message, checkpoint: structuredClone(live) });
  tell(0, skipped.length ? `${skipped.length} of ${params.widths.length} widths already done` : `sweeping ${params.widths.length} widths`);

  try {
    for (const width of todo) {
      if (signal.aborted) throw new AppFailure('CANCELLED', 'Sweep cancelled.');
      const labelSet = await labelSetForWidth(project, base, width);
      const runId = resumeRun?.width === width && resumeRun.labelSetId === labelSet.id ? resumeRun.runId : null;
      live.current = { width, labelSetId: labelSet.id, runId };
      tell(0, `tails ${percentLabel(width)}: ${labelSet.good + labelSet.bad} labeled posts (${labelSet.name})`);
      const started = Date.now();
      const { labelSet: _base, widths: _widths, predictions, ...config } = params;
      const result = (await trainJob.run({
        ...context,
        params: trainParams.parse({ ...config, labelSet: labelSet.id, mode: 'head', predictions, name: `sweep ${percentLabel(width)} · ${base.name} v${base.version}` }),
        checkpoint: runId ? ({ runId } satisfies Partial<TrainProgress>) : undefined,
        progress: (update) => {
          const train = update.checkpoint as Partial<TrainProgress> | undefined;
          if (train?.runId && live.current && live.current.runId !== train.runId) live.current.runId = train.runId;
          tell(train?.history?.length ?? 0, `tails ${percentLabel(width)}: ${update.message ?? 'training'}`);
        },
      })) as TrainResult;
      const point = {
        width,
        labelSet: { id: labelSet.id, name: labelSet.name, version: labelSet.version },
        labeled: labelSet.good + labelSet.bad,
        train: result.counts.train.good + result.counts.train.bad,
        val: result.counts.val.good + result.counts.val.bad,
        runId: result.runId,
        bestEpoch: result.bestEpoch,
        valPeak: result.valPeak,
        valFinal: result.valFinal,
        testAccuracy: result.testAccuracy,
        seconds: (Date.now() - started) / 1000,
      };
      record = { ...record, points: withPoint(record.points, point), updatedAt: new Date().toISOString() };
      await sweeps.save(record);
      trained.push(width);
      live.done = [...live.done, width];
      live.current = null;
      tell(0, `tails ${percentLabel(width)}: val peak ${point.valPeak?.toFixed(3) ?? '–'}, final ${point.valFinal?.toFixed(3) ?? '–'} on ${point.labeled} labeled posts`);
    }
    record = { ...record, status: 'completed', updatedAt: new Date().toISOString() };
    await sweeps.save(record);
    return { sweepId: id, trained, skipped, points: record.points };
  } catch (error) {
    const stopped = signal.aborted;
    record = { ...record, status: stopped ? 'stopped' : 'failed', updatedAt: new Date().toISOString(), ...(stopped ? {} : { error: error instanceof Error ? error.message : String(error) }) };
    await sweeps.save(record).catch(() => undefined);
    throw error;
  }
}
