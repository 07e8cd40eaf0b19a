/**
 * Runs inside the ML host only, on backends with convolution gradients (tfjs-node, tfjs-node-gpu; the pure-JS cpu
 * backend too, very slowly): the study's config D direction — the backbone's top N blocks unfrozen and trained with
 * the head on the images themselves, with augmentation (random crop of a 256/224-enlarged image, horizontal flip).
 * Same optimiser, checkpoints, early stopping, resume and seeding as the head trainer.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { FaceBox } from '../../../../shared/faces/face-types';
import { bestEpoch as findBestEpoch, shouldStopEarly, smoothSeries, thinSeries } from '../../../../shared/training/metrics';
import { dropoutMask, mixSeed, seededPermutation } from '../../../../shared/training/sampling';
import { seededRandom } from '../../../../shared/simulation/random';
import type { BackboneName, EpochMetrics, HeadHyperParams } from '../../../../shared/training/training-types';
import { writeFileAtomic } from '../../storage/atomic-write';
import { loadMobilenetV2, mobilenetBlockOf } from '../backbones/mobilenet-v2';
import { loadVgg16, vgg16BlockOf } from '../backbones/vgg16';
import { buildHeadModel, headLayers, headLoss } from '../head-model';
import { decodeImage, toInputTensor, type DecodeOptions } from '../image-input';
import { fileSaveHandler, loadTensors, replaceFile, saveTensors } from '../model-files';
import { resolvePreprocessing } from '../preprocessing';
import { CancelledInHost, type HostControl } from './embed-images';
import { checkpointDir, pruneCheckpoints, readState, type CheckpointState, type HeadEpochUpdate, type HeadTrainResult } from './head-trainer';

export interface ImageSet {
  paths: string[];
  /** 1 good, 0 bad. */
  labels: number[];
  boxes?: Array<FaceBox | null>;
}

export interface FinetuneParams {
  runDir: string;
  backbone: BackboneName;
  weights?: string;
  train: ImageSet;
  val: ImageSet;
  hyper: HeadHyperParams & { blocks: number; augment: boolean };
  resume: boolean;
}

/** The crop is taken from the image enlarged to side·256/224 (as ImageNet training does). */
const augmentEnlargement = 256 / 224;

export async function finetune(params: FinetuneParams, control: HostControl & { epoch(update: HeadEpochUpdate): void }): Promise<HeadTrainResult> {
  if (params.backbone === 'face128') throw new Error('face128 cannot be fine-tuned (face-api runs it outside tfjs-layers); train a head instead.');
  const { hyper } = params;
  const preprocessing = await resolvePreprocessing(params.backbone, params.weights);
  // A fresh copy: the backbone the embeddings use must keep its weights.
  const backbone = params.backbone === 'mobilenet_v2' ? await loadMobilenetV2() : (await loadVgg16(params.weights)).model;
  const blockOf = params.backbone === 'mobilenet_v2' ? mobilenetBlockOf : vgg16BlockOf;
  for (const layer of backbone.layers) {
    const block = blockOf(layer.name);
    layer.trainable = block !== null && block < hyper.blocks;
  }
  const backboneVariables = backbone.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const dim = preprocessing.featureDim;
  const initial = buildHeadModel({ featureDim: dim, dropout: hyper.dropout, l2: hyper.l2, seed: hyper.seed });
  const [initialKernel, initialBias] = initial.getLayer('good').getWeights();
  const kernel = tf.variable(initialKernel!, true);
  const bias = tf.variable(initialBias!, true);
  initial.dispose();
  const trained: tf.Variable[] = [...backboneVariables, kernel, bias];
  const velocities = trained.map((variable) => tf.tidy(() => tf.variable(tf.zerosLike(variable), false)));
  const named = (): tf.NamedTensorMap => {
    const map: tf.NamedTensorMap = {};
    trained.forEach((variable, i) => (map[`w${i}`] = variable));
    velocities.forEach((velocity, i) => (map[`v${i}`] = velocity));
    return map;
  };

  const dir = checkpointDir(params.runDir);
  await mkdir(dir, { recursive: true });
  let full: tf.LayersModel | null = null;
  const previous = params.resume ? await readState(params.runDir) : null;
  const state: CheckpointState = previous ?? { epochsDone: 0, history: [], bestEpoch: null, smoothing: { state: 0, steps: 0 }, stoppedEarly: false };
  const resumedFrom = state.epochsDone;

  const decodeBatch = (set: ImageSet, indices: ArrayLike<number>, epoch: number | null) =>
    Promise.all(
      Array.from(indices, (i) => {
        const options: DecodeOptions = {};
        const box = set.boxes?.[i];
        if (box) options.box = box;
        if (epoch !== null && hyper.augment) {
          const random = seededRandom(mixSeed(hyper.seed, epoch, i, 0xa6));
          const side = Math.round(preprocessing.size * augmentEnlargement);
          options.augment = { side, x: Math.floor(random() * (side - preprocessing.size + 1)), y: Math.floor(random() * (side - preprocessing.size + 1)), flip: random() < 0.5 };
        }
        return decodeImage(set.paths[i]!, preprocessing, options);
      }),
    );

  try {
    if (previous && previous.epochsDone > 0) {
      const saved = await loadTensors(join(dir, `latest-${previous.epochsDone}`));
      trained.forEach((variable, i) => variable.assign(saved[`w${i}`]!));
      velocities.forEach((velocity, i) => velocity.assign(saved[`v${i}`]!));
      tf.dispose(Object.values(saved));
    }
    const nTrain = params.train.paths.length;
    const nVal = params.val.paths.length;
    for (let epoch = state.epochsDone + 1; epoch <= hyper.epochs && !state.stoppedEarly; epoch++) {
      const started = performance.now();
      const order = seededPermutation(nTrain, mixSeed(hyper.seed, epoch));
      const losses: number[] = [];
      let correct = 0;
      const batches: Int32Array[] = [];
      for (let start = 0; start < nTrain; start += hyper.batch) batches.push(order.subarray(start, Math.min(nTrain, start + hyper.batch)));
      let pending = batches.length ? decodeBatch(params.train, batches[0]!, epoch) : null;
      for (let b = 0; b < batches.length; b++) {
        if (control.cancelled()) throw new CancelledInHost();
        const pixels = await pending!;
        pending = b + 1 < batches.length ? decodeBatch(params.train, batches[b + 1]!, epoch) : null;
        const indices = batches[b]!;
        const [loss, right] = tf.tidy(() => {
          const x = toInputTensor(pixels, preprocessing);
          const y = tf.tensor2d(Array.from(indices, (i) => params.train.labels[i]!), [indices.length, 1]);
          const mask = hyper.dropout > 0 ? tf.tensor2d(dropoutMask(indices.length, dim, hyper.dropout, mixSeed(hyper.seed, epoch, b)), [indices.length, dim]) : null;
          const held: { correct?: tf.Scalar } = {};
          const { value, grads } = tf.variableGrads(() => {
            const features = backbone.apply(x, { training: true }) as tf.Tensor2D;
            const { loss, logits } = headLoss(features, y, kernel, bias, mask, hyper.l2);
            held.correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.greaterEqual(logits, 0), tf.greaterEqual(y, 0.5)), 'float32')) as tf.Scalar);
            return loss;
          }, trained);
          trained.forEach((variable, i) => {
            const velocity = velocities[i]!;
            velocity.assign(tf.sub(tf.mul(velocity, hyper.momentum), tf.mul(grads[variable.name]!, hyper.lr)));
            variable.assign(tf.add(variable, velocity));
          });
          const out: [number, number] = [value.dataSync()[0]!, held.correct!.dataSync()[0]!];
          held.correct!.dispose();
          return out;
        });
        losses.push(loss);
        correct += right;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const sizes = losses.map((_, b) => batches[b]!.length);
      const trainLoss = losses.reduce((sum, loss, b) => sum + loss * sizes[b]!, 0) / nTrain;
      const smoothed = smoothSeries(losses, 0.9, state.smoothing);
      state.smoothing = { state: smoothed.state, steps: smoothed.steps };

      let valLoss: number | null = null;
      let valAccuracy: number | null = null;
      if (nVal > 0) {
        let lossSum = 0;
        let right = 0;
        for (let start = 0; start < nVal; start += hyper.batch) {
          if (control.cancelled()) throw new CancelledInHost();
          const indices = Array.from({ length: Math.min(hyper.batch, nVal - start) }, (_, k) => start + k);
          const pixels = await decodeBatch(params.val, indices, null);
          const [l, r] = tf.tidy(() => {
            const x = toInputTensor(pixels, preprocessing);
            const y = tf.tensor2d(indices.map((i) => params.val.labels[i]!), [indices.length, 1]);
            const logits = tf.add(tf.matMul(backbone.predict(x) as tf.Tensor2D, kernel), bias);
            const l = tf.mul(tf.losses.sigmoidCrossEntropy(y, logits), indices.length).dataSync()[0]!;
            const r = tf.sum(tf.cast(tf.equal(tf.greaterEqual(logits, 0), tf.greaterEqual(y, 0.5)), 'float32')).dataSync()[0]!;
            return [l, r];
          });
          lossSum += l;
          right += r;
        }
        valLoss = lossSum / nVal;
        valAccuracy = right / nVal;
      }
      const metrics: EpochMetrics = {
        epoch,
        trainLoss,
        trainAccuracy: correct / nTrain,
        valLoss,
        valAccuracy,
        batchLoss: thinSeries(smoothed.smoothed, 50),
        seconds: (performance.now() - started) / 1000,
      };
      state.history.push(metrics);
      state.epochsDone = epoch;
      const best = findBestEpoch(state.history);
      await saveTensors(join(dir, `latest-${epoch}`), named());
      if (best === epoch || nVal === 0) await saveTensors(join(dir, `best-${epoch}`), named());
      state.bestEpoch = best ?? epoch;
      state.stoppedEarly = epoch < hyper.epochs && shouldStopEarly(state.history, hyper.patience);
      await replaceFile(join(dir, 'state.json'), JSON.stringify(state));
      await replaceFile(join(params.runDir, 'metrics.json'), JSON.stringify(state.history));
      await pruneCheckpoints(dir, new Set([`latest-${epoch}`, `best-${state.bestEpoch}`]));
      control.epoch({ history: state.history, bestEpoch: state.bestEpoch, tensors: tf.memory().numTensors });
    }

    // The saved model: the backbone with the best epoch's weights, then dropout and the dense head, taking images.
    const best = await loadTensors(join(dir, `best-${state.bestEpoch ?? state.epochsDone}`));
    trained.forEach((variable, i) => variable.assign(best[`w${i}`]!));
    // The head's layers (as buildHeadModel makes them) applied to the backbone's output, so one model takes images.
    const [dropoutLayer, denseLayer] = headLayers({ featureDim: dim, dropout: hyper.dropout, l2: hyper.l2, seed: hyper.seed });
    const output = denseLayer.apply(dropoutLayer.apply(backbone.outputs[0]!)) as tf.SymbolicTensor;
    full = tf.model({ inputs: backbone.inputs, outputs: output, name: 'selfie_lab_finetuned' });
    denseLayer.setWeights([best[`w${trained.length - 2}`]!, best[`w${trained.length - 1}`]!]);
    tf.dispose(Object.values(best));
    const modelDir = join(params.runDir, 'model');
    await full.save(fileSaveHandler(modelDir));
    await writeFileAtomic(join(modelDir, 'preprocessing.json'), JSON.stringify({ ...preprocessing, headEpoch: state.bestEpoch ?? state.epochsDone, input: 'image' }, null, 2));
  } finally {
    // The full model owns the backbone's layers once built; disposing both would dispose them twice.
    (full ?? backbone).dispose();
    tf.dispose([kernel, bias, ...velocities]);
  }
  return { history: state.history, bestEpoch: state.bestEpoch, tensors: tf.memory().numTensors, epochsDone: state.epochsDone, stoppedEarly: state.stoppedEarly, resumedFrom };
}
