/**
 * Runs inside the ML host only: trains the binary head on cached features with SGD + momentum (Keras' form:
 * v ← μv − η∇, w ← w + v), one checkpoint per epoch, early stopping on validation accuracy, and resume from the last
 * checkpoint. Every random draw comes from (seed, epoch, batch), so the same seed on the same backend gives the same
 * numbers, resumed or not.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { bestEpoch as findBestEpoch, shouldStopEarly, smoothSeries, thinSeries } from '../../../../shared/training/metrics';
import { dropoutMask, mixSeed, seededPermutation } from '../../../../shared/training/sampling';
import type { EpochMetrics, HeadHyperParams, Preprocessing } from '../../../../shared/training/training-types';
import { writeFileAtomic } from '../../storage/atomic-write';
import { readFeatureMatrix } from '../embedding-cache';
import { buildHeadModel, headLossAndGradients } from '../head-model';
import { fileSaveHandler, loadTensors, replaceFile, saveTensors } from '../model-files';
import { CancelledInHost, type HostControl } from './embed-images';


export interface LabeledKeys {
  /** Feature file stems, one per post. */
  keys: string[];
  /** 1 good, 0 bad. */
  labels: number[];
}

export interface HeadTrainParams {
  runDir: string;
  featureDir: string;
  preprocessing: Preprocessing;
  train: LabeledKeys;
  val: LabeledKeys;
  hyper: HeadHyperParams;
  /** Continue from runDir/checkpoint when it holds one. */
  resume: boolean;
}

/** Sent with each epoch's progress. */
export interface HeadEpochUpdate {
  history: EpochMetrics[];
  bestEpoch: number | null;
  tensors: number;
}

export interface HeadTrainResult extends HeadEpochUpdate {
  epochsDone: number;
  stoppedEarly: boolean;
  resumedFrom: number;
}

export interface CheckpointState {
  epochsDone: number;
  history: EpochMetrics[];
  bestEpoch: number | null;
  smoothing: { state: number; steps: number };
  stoppedEarly: boolean;
}

const smoothingAlpha = 0.9;
const batchLossPointsPerEpoch = 50;

export function checkpointDir(runDir: string): string {
  return join(runDir, 'checkpoint');
}

export async function readState(runDir: string): Promise<CheckpointState | null> {
  const file = join(checkpointDir(runDir), 'state.json');
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as CheckpointState;
}

/** Removes tensor files of epochs other than the ones the state refers to (written before the state committed). */
export async function pruneCheckpoints(dir: string, keep: Set<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    const stem = name.replace(/\.(bin|json)$/, '');
    if (name !== 'state.json' && /^(latest|best)-\d+$/.test(stem) && !keep.has(stem)) await rm(join(dir, name), { force: true });
  }
}

export async function trainHead(params: HeadTrainParams, control: HostControl & { epoch(update: HeadEpochUpdate): void }): Promise<HeadTrainResult> {
  const { hyper, preprocessing } = params;
  const dim = preprocessing.featureDim;
  const nTrain = params.train.keys.length;
  const nVal = params.val.keys.length;
  if (nTrain === 0) throw new Error('No training posts with features: nothing to train on.');
  const dir = checkpointDir(params.runDir);
  await mkdir(dir, { recursive: true });

  const previous = params.resume ? await readState(params.runDir) : null;
  const state: CheckpointState = previous ?? { epochsDone: 0, history: [], bestEpoch: null, smoothing: { state: 0, steps: 0 }, stoppedEarly: false };
  const resumedFrom = state.epochsDone;

  const trainX = tf.tensor2d(await readFeatureMatrix(params.featureDir, params.train.keys, dim), [nTrain, dim]);
  const trainY = tf.tensor2d(params.train.labels, [nTrain, 1]);
  const valX = nVal > 0 ? tf.tensor2d(await readFeatureMatrix(params.featureDir, params.val.keys, dim), [nVal, dim]) : null;
  const valY = nVal > 0 ? tf.tensor2d(params.val.labels, [nVal, 1]) : null;

  // The start: a seeded Glorot kernel from the head model (so the saved model and training share one definition).
  const initial = buildHeadModel({ featureDim: dim, dropout: hyper.dropout, l2: hyper.l2, seed: hyper.seed });
  const [initialKernel, initialBias] = initial.getLayer('good').getWeights();
  const kernel = tf.variable(initialKernel!, true);
  const bias = tf.variable(initialBias!, true);
  initial.dispose();
  // Inside tidy: the zeros the velocities start from are released (variables outlive a tidy).
  const velocityKernel = tf.tidy(() => tf.variable(tf.zerosLike(kernel), false));
  const velocityBias = tf.tidy(() => tf.variable(tf.zerosLike(bias), false));
  const variables = [kernel, bias, velocityKernel, velocityBias];

  try {
    if (previous && previous.epochsDone > 0) {
      const saved = await loadTensors(join(dir, `latest-${previous.epochsDone}`));
      kernel.assign(saved.kernel as tf.Tensor2D);
      bias.assign(saved.bias as tf.Tensor1D);
      velocityKernel.assign(saved.velocityKernel as tf.Tensor2D);
      velocityBias.assign(saved.velocityBias as tf.Tensor1D);
      tf.dispose(Object.values(saved));
    }

    for (let epoch = state.epochsDone + 1; epoch <= hyper.epochs && !state.stoppedEarly; epoch++) {
      const started = performance.now();
      const order = seededPermutation(nTrain, mixSeed(hyper.seed, epoch));
      const batchLosses: tf.Scalar[] = [];
      const batchCorrect: tf.Scalar[] = [];
      for (let start = 0, batchIndex = 0; start < nTrain; start += hyper.batch, batchIndex++) {
        if (control.cancelled()) throw new CancelledInHost();
        const indices = order.subarray(start, Math.min(nTrain, start + hyper.batch));
        tf.tidy(() => {
          const index = tf.tensor1d(indices, 'int32');
          const x = tf.gather(trainX, index) as tf.Tensor2D;
          const y = tf.gather(trainY, index) as tf.Tensor2D;
          const mask = hyper.dropout > 0 ? tf.tensor2d(dropoutMask(indices.length, dim, hyper.dropout, mixSeed(hyper.seed, epoch, batchIndex)), [indices.length, dim]) : null;
          const { loss, logits, gradKernel, gradBias } = headLossAndGradients(x, y, kernel, bias, mask, hyper.l2);
          const correct = tf.sum(tf.cast(tf.equal(tf.greaterEqual(logits, 0), tf.greaterEqual(y, 0.5)), 'float32')) as tf.Scalar;
          velocityKernel.assign(tf.sub(tf.mul(velocityKernel, hyper.momentum), tf.mul(gradKernel, hyper.lr)));
          velocityBias.assign(tf.sub(tf.mul(velocityBias, hyper.momentum), tf.mul(gradBias, hyper.lr)));
          kernel.assign(tf.add(kernel, velocityKernel));
          bias.assign(tf.add(bias, velocityBias));
          batchLosses.push(tf.keep(loss));
          batchCorrect.push(tf.keep(correct));
        });
        // Yield now and then so a cancel message is seen within a fraction of a second.
        if (batchIndex % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
      }
      const stackedLosses = tf.stack(batchLosses);
      const summedCorrect = tf.addN(batchCorrect);
      const losses = Array.from(await stackedLosses.data());
      const correct = (await summedCorrect.data())[0]!;
      tf.dispose([stackedLosses, summedCorrect, ...batchLosses, ...batchCorrect]);
      const sizes = losses.map((_, b) => Math.min(hyper.batch, nTrain - b * hyper.batch));
      const trainLoss = losses.reduce((sum, loss, b) => sum + loss * sizes[b]!, 0) / nTrain;
      const smoothed = smoothSeries(losses, smoothingAlpha, state.smoothing);
      state.smoothing = { state: smoothed.state, steps: smoothed.steps };

      let valLoss: number | null = null;
      let valAccuracy: number | null = null;
      if (valX && valY) {
        const [lossValue, accuracyValue] = tf.tidy(() => {
          const logits = tf.add(tf.matMul(valX, kernel), bias);
          const loss = tf.losses.sigmoidCrossEntropy(valY, logits);
          const right = tf.mean(tf.cast(tf.equal(tf.greaterEqual(logits, 0), tf.greaterEqual(valY, 0.5)), 'float32'));
          return [loss.dataSync()[0]!, right.dataSync()[0]!];
        });
        valLoss = lossValue;
        valAccuracy = accuracyValue;
      }
      const metrics: EpochMetrics = {
        epoch,
        trainLoss,
        trainAccuracy: correct / nTrain,
        valLoss,
        valAccuracy,
        batchLoss: thinSeries(smoothed.smoothed, batchLossPointsPerEpoch),
        seconds: (performance.now() - started) / 1000,
      };
      state.history.push(metrics);
      state.epochsDone = epoch;
      const best = findBestEpoch(state.history);
      // Checkpoint: tensor files first (named by epoch), then state.json, which commits them.
      await saveTensors(join(dir, `latest-${epoch}`), { kernel, bias, velocityKernel, velocityBias });
      if (best === epoch || (best === null && !valX)) await saveTensors(join(dir, `best-${epoch}`), { kernel, bias });
      if (best !== null) state.bestEpoch = best;
      else if (!valX) state.bestEpoch = epoch; // without validation posts, the last epoch is the model
      state.stoppedEarly = epoch < hyper.epochs && shouldStopEarly(state.history, hyper.patience);
      await replaceFile(join(dir, 'state.json'), JSON.stringify(state));
      await replaceFile(join(params.runDir, 'metrics.json'), JSON.stringify(state.history));
      await pruneCheckpoints(dir, new Set([`latest-${epoch}`, `best-${state.bestEpoch}`]));
      control.epoch({ history: state.history, bestEpoch: state.bestEpoch, tensors: tf.memory().numTensors });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await saveBestModel(params, state.bestEpoch ?? state.epochsDone);
  } finally {
    tf.dispose([trainX, trainY, ...(valX ? [valX] : []), ...(valY ? [valY] : []), ...variables]);
  }
  return {
    history: state.history,
    bestEpoch: state.bestEpoch,
    tensors: tf.memory().numTensors,
    epochsDone: state.epochsDone,
    stoppedEarly: state.stoppedEarly,
    resumedFrom,
  };
}

/** runDir/model/: the best epoch's head as a standard tfjs layers model, with the backbone's preprocessing beside it. */
async function saveBestModel(params: HeadTrainParams, epoch: number): Promise<void> {
  const dir = checkpointDir(params.runDir);
  const saved = await loadTensors(join(dir, existsSync(join(dir, `best-${epoch}.json`)) ? `best-${epoch}` : `latest-${epoch}`));
  const model = buildHeadModel({ featureDim: params.preprocessing.featureDim, dropout: params.hyper.dropout, l2: params.hyper.l2, seed: params.hyper.seed });
  try {
    model.getLayer('good').setWeights([saved.kernel!, saved.bias!]);
    const modelDir = join(params.runDir, 'model');
    await model.save(fileSaveHandler(modelDir));
    await writeFileAtomic(join(modelDir, 'preprocessing.json'), JSON.stringify({ ...params.preprocessing, headEpoch: epoch, input: 'features' }, null, 2));
  } finally {
    model.dispose();
    tf.dispose(Object.values(saved));
  }
}
