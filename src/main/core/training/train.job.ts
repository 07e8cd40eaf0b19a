import { describeBackend } from '../../../shared/ml/backend';
import { AppFailure } from '../../../shared/result';
import { backboneCatalog } from '../../../shared/training/backbones';
import { evaluateRun } from '../../../shared/training/evaluation';
import { peakAndFinal } from '../../../shared/training/metrics';
import { shuffledLabels } from '../../../shared/training/sampling';
import { trainParams, type RunRecord, type TrainParams, type TrainProgress } from '../../../shared/training/training-types';
import { defineJob, type JobContext } from '../jobs/job-definition';
import { LabelSets } from '../labeling/label-sets';
import { assertTrainable } from './capabilities';
import { ensureEmbeddings, type EmbeddingsReport } from './embeddings';
import { embeddingsDir } from './cache-dirs';
import type { HeadTrainResult } from './host/head-trainer';
import { resolvePreprocessing } from './preprocessing';
import { newRunId, RunsRepository } from './runs-repository';
import { labelSetImages, targetOf, type PostImage } from './training-data';

export interface TrainResult {
  runId: string;
  backend: string;
  epochsDone: number;
  bestEpoch: number | null;
  stoppedEarly: boolean;
  valPeak: number | null;
  valFinal: number | null;
  /** At the best-validation checkpoint, when the label set has a test split. */
  testAccuracy: number | null;
  valAuc: number | null;
  counts: RunRecord['counts'];
  shuffledLabels: boolean;
  /** Head mode: how the feature cache was filled. */
  embeddings: EmbeddingsReport | null;
  /** Epoch this run was resumed from (0 = a fresh start). */
  resumedFrom: number;
  /** Tensors alive in the ML host after training (a leak shows as growth from run to run). */
  tensors: number;
}

const splitNames = ['train', 'val', 'test'] as const;

/**
 * Trains a good/bad classifier on a label set and stores it as a run (runs/<id>/): head mode computes the backbone's
 * features once (cached), then trains the head in seconds per epoch; finetune mode trains the backbone's top blocks
 * on the images (backends with convolution gradients only). Every epoch is checkpointed; a resumed job continues its
 * run from the last one. Ends with predictions for every post of the set and the evaluation.
 */
export const trainJob = defineJob({
  kind: 'train',
  lane: 'ml',
  unit: 'epochs',
  description: 'Train a good/bad classifier on a label set: a head on cached backbone features (every backend) or fine-tuning (native backends). Stores a run with metrics, model, predictions and evaluation.',
  params: trainParams,
  title: (params) => `Train ${params.backbone} ${params.mode} on "${params.labelSet}"${params.shuffleLabels ? ' (shuffled labels)' : ''}`,
  run: (context) => runTraining(context),
});

async function runTraining({ jobId, params, checkpoint, signal, progress, project, ml }: JobContext<TrainParams>): Promise<TrainResult> {
  if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only.`);
  const backend = await ml.backend();
  assertTrainable(backend, params.mode, params.backbone);
  const sets = new LabelSets(project);
  const labelSet = sets.find(params.labelSet);
  const items = await sets.items(labelSet.id);
  const preprocessing = await resolvePreprocessing(params.backbone, params.weights);
  const runs = new RunsRepository(project.dir);

  const previousId = (checkpoint as Partial<TrainProgress> | undefined)?.runId;
  const resuming = typeof previousId === 'string' && runs.exists(previousId);
  let record: RunRecord;
  if (resuming) {
    record = await runs.update(previousId, (run) => {
      run.status = 'running';
      run.finishedAt = null;
      delete run.error;
    });
  } else {
    const now = new Date();
    record = {
      id: newRunId(params.backbone, params.mode, now),
      name: params.name ?? `${params.backbone} ${params.mode} · ${labelSet.name} v${labelSet.version}${params.shuffleLabels ? ' · shuffled labels' : ''}`,
      status: 'running',
      createdAt: now.toISOString(),
      startedAt: now.toISOString(),
      finishedAt: null,
      labelSet: { id: labelSet.id, name: labelSet.name, version: labelSet.version },
      backbone: params.backbone,
      backboneNote: backboneCatalog[params.backbone].note,
      preprocessing,
      mode: params.mode,
      params,
      backend: { name: backend.backend, version: backend.version, device: backend.device },
      seed: params.seed,
      counts: { train: { good: 0, bad: 0 }, val: { good: 0, bad: 0 }, test: { good: 0, bad: 0 }, skipped: 0 },
      epochsDone: 0,
      bestEpoch: null,
      valPeak: null,
      valFinal: null,
      stoppedEarly: false,
      jobId,
    };
    await runs.save(record);
  }
  const runDir = runs.dir(record.id);
  const live: TrainProgress = { runId: record.id, phase: 'embeddings', epochs: params.epochs, history: [], bestEpoch: null, tensors: null };
  const tell = (message: string) => progress({ done: live.history.length, total: params.epochs, message, checkpoint: { ...live } });
  tell(`${describeBackend(backend)} · preparing ${labelSet.name}`);

  try {
    const entries = await labelSetImages(project, items, params.backbone, { labeledOnly: params.predictions === 'labeled' });
    let embeddings: EmbeddingsReport | null = null;
    if (params.mode === 'head') {
      embeddings = await ensureEmbeddings(entries, {
        ml,
        projectDir: project.dir,
        preprocessing,
        ...(params.weights ? { weights: params.weights } : {}),
        batch: 16,
        signal,
        onProgress: (done, total, message) => tell(`${message} (${done}/${total})`),
      });
    }
    const labeled = entries.filter((entry) => entry.label !== 0 && entry.split >= 0 && entry.split <= 2);
    const usable = labeled.filter((entry) => entry.key !== null);
    record.counts = { train: { good: 0, bad: 0 }, val: { good: 0, bad: 0 }, test: { good: 0, bad: 0 }, skipped: labeled.length - usable.length };
    for (const entry of usable) record.counts[splitNames[entry.split]!][entry.label === 1 ? 'good' : 'bad']++;
    const train = usable.filter((entry) => entry.split === 0);
    const val = usable.filter((entry) => entry.split === 1);
    if (train.length < 2) throw new AppFailure('INVALID_INPUT', `Label set "${labelSet.name}" has ${train.length} usable training posts; at least 2 are needed (${record.counts.skipped} labeled posts have no usable image).`);
    let trainTargets = train.map((entry) => targetOf(entry.label));
    if (params.shuffleLabels) trainTargets = shuffledLabels(trainTargets, params.seed);
    await runs.save(record);

    live.phase = 'training';
    tell(`training on ${train.length} posts, validating on ${val.length}`);
    const hyper = { epochs: params.epochs, batch: params.batch, lr: params.lr, momentum: params.momentum, l2: params.l2, dropout: params.dropout, patience: params.patience, seed: params.seed };
    const onProgress = (update: { message?: string; checkpoint?: unknown }) => {
      const epoch = update.checkpoint as Pick<HeadTrainResult, 'history' | 'bestEpoch' | 'tensors'> | undefined;
      if (!epoch?.history) return;
      live.history = epoch.history;
      live.bestEpoch = epoch.bestEpoch;
      live.tensors = epoch.tensors;
      tell(update.message ?? 'training');
    };
    let result: HeadTrainResult;
    if (params.mode === 'head') {
      result = await ml.call(
        'trainHead',
        {
          runDir,
          featureDir: embeddingsDir(project.dir, params.backbone),
          preprocessing,
          train: { keys: train.map((entry) => entry.key!), labels: trainTargets },
          val: { keys: val.map((entry) => entry.key!), labels: val.map((entry) => targetOf(entry.label)) },
          hyper,
          resume: resuming,
        },
        { signal, onProgress },
      );
    } else {
      const images = (set: PostImage[], labels: number[]) => ({ paths: set.map((entry) => entry.path!), labels });
      result = await ml.call(
        'finetune',
        {
          runDir,
          backbone: params.backbone,
          ...(params.weights ? { weights: params.weights } : {}),
          train: images(train, trainTargets),
          val: images(val, val.map((entry) => targetOf(entry.label))),
          hyper: { ...hyper, blocks: params.finetuneBlocks, augment: params.augment },
          resume: resuming,
        },
        { signal, onProgress },
      );
    }
    live.history = result.history;
    live.bestEpoch = result.bestEpoch;
    live.tensors = result.tensors;

    live.phase = 'predicting';
    const predicted = entries.filter((entry) => entry.key !== null);
    tell(`predicting ${predicted.length} posts with the model of epoch ${result.bestEpoch ?? result.epochsDone}`);
    let pGood: number[];
    if (params.mode === 'head') {
      pGood = await ml.call('predictFeatures', { runDir, featureDir: embeddingsDir(project.dir, params.backbone), keys: predicted.map((entry) => entry.key!) }, { signal });
    } else {
      const outcomes = await ml.call('predictImages', { runDir, ...(params.weights ? { weights: params.weights } : {}), paths: predicted.map((entry) => entry.path!) }, { signal });
      pGood = outcomes.map((outcome) => outcome.pGood ?? Number.NaN);
    }
    const kept = predicted.map((entry, i) => ({ entry, p: pGood[i]! })).filter(({ p }) => Number.isFinite(p));
    const predictions = {
      runId: record.id,
      epoch: result.bestEpoch ?? result.epochsDone,
      threshold: 0.5,
      postId: kept.map(({ entry }) => entry.postId),
      split: kept.map(({ entry }) => entry.split),
      label: kept.map(({ entry }) => entry.label),
      pGood: kept.map(({ p }) => p),
      predicted: kept.map(({ p }) => (p >= 0.5 ? 1 : -1)),
    };
    await runs.writePredictions(predictions);
    const { peak, final } = peakAndFinal(result.history);
    record = await runs.update(record.id, (run) => {
      run.counts = record.counts;
      run.status = 'completed';
      run.finishedAt = new Date().toISOString();
      run.epochsDone = result.epochsDone;
      run.bestEpoch = result.bestEpoch;
      run.valPeak = peak?.accuracy ?? null;
      run.valFinal = final?.accuracy ?? null;
      run.stoppedEarly = result.stoppedEarly;
    });
    const evaluation = evaluateRun({ id: record.id, epochsDone: record.epochsDone, bestEpoch: record.bestEpoch, shuffledLabels: params.shuffleLabels }, result.history, predictions);
    await runs.writeEvaluation(evaluation);
    live.phase = 'done';
    tell(`best epoch ${record.bestEpoch ?? '—'}: val acc ${record.valPeak?.toFixed(3) ?? '—'} (final ${record.valFinal?.toFixed(3) ?? '—'})`);
    return {
      runId: record.id,
      backend: describeBackend(backend),
      epochsDone: record.epochsDone,
      bestEpoch: record.bestEpoch,
      stoppedEarly: record.stoppedEarly,
      valPeak: record.valPeak,
      valFinal: record.valFinal,
      testAccuracy: evaluation.splits.test?.accuracy ?? null,
      valAuc: evaluation.splits.val?.auc ?? null,
      counts: record.counts,
      shuffledLabels: params.shuffleLabels,
      embeddings,
      resumedFrom: result.resumedFrom,
      tensors: result.tensors,
    };
  } catch (error) {
    const stopped = signal.aborted;
    await runs
      .update(record.id, (run) => {
        run.status = stopped ? 'stopped' : 'failed';
        run.finishedAt = new Date().toISOString();
        run.epochsDone = live.history.length;
        if (!stopped) run.error = error instanceof Error ? error.message : String(error);
      })
      .catch(() => undefined);
    throw error;
  }
}
