import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHeadModel, headLoss, headLossAndGradients, headWeights, validateHeadConfig } from '../../../src/main/core/training/head-model';
import { foldBatchNorm } from '../../../src/main/core/training/backbones/mobilenet-v2';
import { dropoutMask, mixSeed, seededPermutation, shuffledLabels } from '../../../src/shared/training/sampling';
import { evaluateParams, trainParams } from '../../../src/shared/training/training-types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the binary head (config A: dropout → dense(1, sigmoid), L2 on the kernel)', () => {
  it('maps [n, featureDim] to [n, 1] probabilities, with a seeded Glorot kernel and a zero bias', () => {
    const model = buildHeadModel({ featureDim: 1280, dropout: 0.5, l2: 5e-4, seed: 7 });
    const out = tf.tidy(() => (model.predict(tf.ones([3, 1280])) as tf.Tensor).arraySync() as number[][]);
    expect(out).toHaveLength(3);
    expect(out.every((row) => row.length === 1 && row[0]! > 0 && row[0]! < 1)).toBe(true);
    const [kernel, bias] = headWeights(model);
    expect(kernel.shape).toEqual([1280, 1]);
    expect(bias.arraySync()).toEqual([0]);
    // Glorot uniform: |w| ≤ sqrt(6 / (fanIn + fanOut))
    expect(tf.max(tf.abs(kernel)).arraySync()).toBeLessThanOrEqual(Math.sqrt(6 / 1281) + 1e-7);
    const again = buildHeadModel({ featureDim: 1280, dropout: 0.5, l2: 5e-4, seed: 7 });
    const other = buildHeadModel({ featureDim: 1280, dropout: 0.5, l2: 5e-4, seed: 8 });
    expect(headWeights(again)[0].arraySync()).toEqual(kernel.arraySync());
    expect(headWeights(other)[0].arraySync()).not.toEqual(kernel.arraySync());
    for (const m of [model, again, other]) m.dispose();
  });

  it('refuses impossible settings with the value in the message', () => {
    expect(() => validateHeadConfig({ featureDim: 0, dropout: 0.5, l2: 0, seed: 1 })).toThrow('featureDim must be a positive whole number, not 0');
    expect(() => validateHeadConfig({ featureDim: 10, dropout: 1, l2: 0, seed: 1 })).toThrow('dropout must be in [0, 1), not 1');
    expect(() => validateHeadConfig({ featureDim: 10, dropout: 0, l2: -1, seed: 1 })).toThrow('l2 must be ≥ 0');
  });

  it('computes the loss as mean binary cross-entropy + l2·Σw², with inverted dropout', () => {
    const x = tf.tensor2d([[1, 2], [3, -1]]);
    const y = tf.tensor2d([[1], [0]]);
    const kernel = tf.tensor2d([[0.5], [-0.25]]);
    const bias = tf.tensor1d([0.1]);
    const { loss, logits } = headLoss(x, y, kernel, bias, null, 0.01);
    // logits: 0.5 − 0.5 + 0.1 = 0.1 and 1.5 + 0.25 + 0.1 = 1.85
    expect(logits.arraySync()).toEqual([[expect.closeTo(0.1, 6)], [expect.closeTo(1.85, 6)]]);
    const bce = (Math.log(1 + Math.exp(-0.1)) + Math.log(1 + Math.exp(1.85))) / 2;
    expect(loss.arraySync()).toBeCloseTo(bce + 0.01 * (0.25 + 0.0625), 5);
    // A mask keeping only the first feature at rate 0.5: kept values are doubled.
    const masked = headLoss(x, y, kernel, bias, tf.tensor2d([[2, 0], [2, 0]]), 0);
    expect(masked.logits.arraySync()).toEqual([[expect.closeTo(1.1, 6)], [expect.closeTo(3.1, 6)]]);
  });

  it('gives the same loss and gradients in closed form as automatic differentiation', () => {
    const x = tf.randomUniform([5, 7], 0, 2, 'float32', 1) as tf.Tensor2D;
    const y = tf.tensor2d([[1], [0], [1], [1], [0]]);
    const kernel = tf.randomNormal([7, 1], 0, 0.3, 'float32', 2);
    const bias = tf.tensor1d([0.2]);
    const mask = tf.tensor2d(dropoutMask(5, 7, 0.5, 3), [5, 7]);
    const auto = tf.grads((k: tf.Tensor, b: tf.Tensor) => headLoss(x, y, k, b, mask, 0.01).loss)([kernel, bias]);
    const closed = headLossAndGradients(x, y, kernel, bias, mask, 0.01);
    expect(closed.loss.arraySync()).toBeCloseTo(headLoss(x, y, kernel, bias, mask, 0.01).loss.arraySync() as number, 6);
    const [autoKernel, closedKernel] = [auto[0]!.arraySync() as number[][], closed.gradKernel.arraySync() as number[][]];
    closedKernel.forEach((row, i) => expect(row[0]).toBeCloseTo(autoKernel[i]![0]!, 6));
    expect((closed.gradBias.arraySync() as number[])[0]).toBeCloseTo((auto[1]!.arraySync() as number[])[0]!, 6);
  });
});

describe('training parameters (validated at the API boundary)', () => {
  it('fills the study\'s defaults', () => {
    expect(trainParams.parse({ labelSet: 'study 10%' })).toEqual({
      labelSet: 'study 10%',
      backbone: 'mobilenet_v2',
      mode: 'head',
      epochs: 30,
      batch: 32,
      lr: 0.01,
      momentum: 0.9,
      l2: 5e-4,
      dropout: 0.5,
      augment: true,
      patience: 10,
      seed: 1,
      shuffleLabels: false,
      finetuneBlocks: 2,
      predictions: 'all',
    });
    expect(evaluateParams.parse({})).toEqual({ threshold: 0.5, bins: 10 });
  });

  it('refuses what cannot train, naming the field', () => {
    const fail = (input: unknown) => {
      const result = trainParams.safeParse(input);
      return result.success ? null : result.error.issues[0]!.path.join('.');
    };
    expect(fail({})).toBe('labelSet');
    expect(fail({ labelSet: 'x', lr: 0 })).toBe('lr');
    expect(fail({ labelSet: 'x', dropout: 1 })).toBe('dropout');
    expect(fail({ labelSet: 'x', momentum: 1 })).toBe('momentum');
    expect(fail({ labelSet: 'x', epochs: 2.5 })).toBe('epochs');
    expect(fail({ labelSet: 'x', backbone: 'resnet50' })).toBe('backbone');
    expect(fail({ labelSet: 'x', mode: 'full' })).toBe('mode');
    expect(fail({ labelSet: 'x', learningRate: 0.1 })).toBe('');
  });
});

describe('seeded randomness', () => {
  it('derives the same draws from the same (seed, position), and different ones elsewhere', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 3, 2));
    expect(mixSeed(1, 2)).toBeGreaterThanOrEqual(0);
    const order = seededPermutation(100, 42);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...seededPermutation(100, 42)]).toEqual([...order]);
    expect([...seededPermutation(100, 43)]).not.toEqual([...order]);
  });

  it('draws inverted-dropout masks: zeros at about the rate, the rest 1/(1 − rate), seeded', () => {
    const mask = dropoutMask(100, 100, 0.5, 3);
    const zeros = mask.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(4800);
    expect(zeros).toBeLessThan(5200);
    expect(mask.every((v) => v === 0 || v === 2)).toBe(true);
    expect([...dropoutMask(10, 10, 0.5, 3)]).toEqual([...mask.subarray(0, 100)]);
    expect([...dropoutMask(10, 10, 0.5, 4)]).not.toEqual([...mask.subarray(0, 100)]);
  });

  it('shuffles labels without changing how many of each there are', () => {
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0];
    const shuffled = shuffledLabels(labels, 5);
    expect(shuffled).not.toEqual(labels);
    expect([...shuffled].sort()).toEqual([...labels].sort());
    expect(shuffledLabels(labels, 5)).toEqual(shuffled);
  });
});

describe('folding batch norm into the convolution before it (the MobileNetV2 conversion)', () => {
  it('gives the same outputs as convolution → batch norm, for Conv2D and DepthwiseConv2D', async () => {
    const input = tf.input({ shape: [6, 6, 3], name: 'input_1' });
    let x = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', useBias: false, name: 'conv' }).apply(input) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({ epsilon: 1e-3, name: 'conv_BN' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', useBias: false, name: 'dw' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({ epsilon: 1e-3, name: 'dw_BN' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.averagePooling2d({ poolSize: 6, name: 'pool' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.flatten({ name: 'flatten_1' }).apply(x) as tf.SymbolicTensor;
    const head = tf.layers.dense({ units: 2, name: 'dense_1' }).apply(x) as tf.SymbolicTensor;
    const original = tf.model({ inputs: input, outputs: head });
    // Non-trivial batch norm statistics.
    for (const name of ['conv_BN', 'dw_BN']) {
      const layer = original.getLayer(name);
      layer.setWeights(layer.getWeights().map((w, i) => tf.randomUniform(w.shape, i === 3 ? 0.5 : -1, i === 3 ? 2 : 1, 'float32', i + 1)));
    }
    let topology: Record<string, unknown> | undefined;
    let weights: tf.NamedTensorMap = {};
    await original.save({
      save: async (artifacts) => {
        topology = artifacts.modelTopology as Record<string, unknown>;
        weights = tf.io.decodeWeights(artifacts.weightData as ArrayBuffer, artifacts.weightSpecs!);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      },
    });
    const folded = foldBatchNorm(topology as never, weights);
    expect(folded.folded).toBe(2);
    const layerNames = ((folded.topology as unknown as { config: { layers: Array<{ name: string }> } }).config.layers).map((layer) => layer.name);
    expect(layerNames).toEqual(['input_1', 'conv', 'dw', 'pool', 'flatten_1']);
    const encoded = await tf.io.encodeWeights(folded.weights);
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: folded.topology, weightSpecs: encoded.specs, weightData: encoded.data }));
    const probe = tf.randomUniform([2, 6, 6, 3], 0, 1, 'float32', 9);
    const features = tf.model({ inputs: original.inputs, outputs: original.getLayer('flatten_1').output as tf.SymbolicTensor });
    const expected = (features.predict(probe) as tf.Tensor).arraySync() as number[][];
    const actual = (model.predict(probe) as tf.Tensor).arraySync() as number[][];
    actual.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i]![j]!, 4)));
  });
});
