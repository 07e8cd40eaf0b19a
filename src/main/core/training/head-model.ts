/**
 * The binary head of the study's config A: features → dropout → dense(1, sigmoid) with an L2 penalty on the kernel.
 * Model code: imports only @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { mixSeed } from '../../../shared/training/sampling';

export interface HeadConfig {
  featureDim: number;
  dropout: number;
  l2: number;
  seed: number;
}

export function validateHeadConfig(config: HeadConfig): void {
  if (!Number.isInteger(config.featureDim) || config.featureDim < 1) throw new Error(`featureDim must be a positive whole number, not ${config.featureDim}`);
  if (!(config.dropout >= 0 && config.dropout < 1)) throw new Error(`dropout must be in [0, 1), not ${config.dropout}`);
  if (!(config.l2 >= 0)) throw new Error(`l2 must be ≥ 0, not ${config.l2}`);
}

/**
 * The head as a tfjs layers model ([n, featureDim] → [n, 1] p(good)), for saving in the standard format and for
 * prediction. Its kernel is Glorot-uniform from the seed, its bias zero (Keras' defaults), so one seed gives one start.
 */
export function buildHeadModel(config: HeadConfig): tf.Sequential {
  const [dropout, dense] = headLayers(config);
  const model = tf.sequential({ name: 'selfie_lab_head' });
  model.add(tf.layers.inputLayer({ inputShape: [config.featureDim] }));
  model.add(dropout);
  model.add(dense);
  return model;
}

/** The head's two layers, not yet connected (a fine-tuned model applies them to the backbone's output). */
export function headLayers(config: HeadConfig): [tf.layers.Layer, tf.layers.Layer] {
  validateHeadConfig(config);
  return [
    tf.layers.dropout({ rate: config.dropout, name: 'dropout' }),
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: mixSeed(config.seed, 0x4ead) }),
      biasInitializer: 'zeros',
      kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }),
      name: 'good',
    }),
  ];
}

/** The dense layer's [kernel [featureDim, 1], bias [1]] of a head model. */
export function headWeights(model: tf.LayersModel): [tf.Tensor2D, tf.Tensor1D] {
  const [kernel, bias] = model.getLayer('good').getWeights();
  return [kernel as tf.Tensor2D, bias as tf.Tensor1D];
}

/**
 * The training loss of one batch: mean binary cross-entropy on the logits (stable form) of the dropped-out features,
 * plus l2 · Σ kernel². `dropoutMask` is [n, featureDim] of 0 and 1/(1−rate) (inverted dropout, as Keras: inference
 * needs no rescaling; see sampling.dropoutMask), null for none. Returns the loss and the logits [n, 1].
 */
export function headLoss(
  features: tf.Tensor2D,
  labels: tf.Tensor2D,
  kernel: tf.Tensor,
  bias: tf.Tensor,
  dropoutMask: tf.Tensor2D | null,
  l2: number,
): { loss: tf.Scalar; logits: tf.Tensor2D } {
  const input = dropoutMask ? tf.mul(features, dropoutMask) : features;
  const logits = tf.add(tf.matMul(input, kernel as tf.Tensor2D), bias) as tf.Tensor2D;
  const crossEntropy = tf.losses.sigmoidCrossEntropy(labels, logits);
  const loss = (l2 > 0 ? tf.add(crossEntropy, tf.mul(l2, tf.sum(tf.square(kernel)))) : crossEntropy) as tf.Scalar;
  return { loss, logits };
}

/**
 * One batch's loss and its gradients in closed form (logistic regression): with z = (x ⊙ mask)·k + b and p = σ(z),
 * ∂L/∂z = (p − y)/n, ∂L/∂k = (x ⊙ mask)ᵀ·∂L/∂z + 2·l2·k, ∂L/∂b = Σ ∂L/∂z. The same numbers as autodiff of headLoss
 * (tested), with a third of the kernel launches: an epoch over 30,000 features is mostly per-batch overhead.
 */
export function headLossAndGradients(
  features: tf.Tensor2D,
  labels: tf.Tensor2D,
  kernel: tf.Tensor,
  bias: tf.Tensor,
  dropoutMask: tf.Tensor2D | null,
  l2: number,
): { loss: tf.Scalar; logits: tf.Tensor2D; gradKernel: tf.Tensor; gradBias: tf.Tensor } {
  const input = dropoutMask ? tf.mul(features, dropoutMask) : features;
  const logits = tf.add(tf.matMul(input, kernel as tf.Tensor2D), bias) as tf.Tensor2D;
  const dLogits = tf.div(tf.sub(tf.sigmoid(logits), labels), features.shape[0]) as tf.Tensor2D;
  const gradKernel = l2 > 0 ? tf.add(tf.matMul(input, dLogits, true, false), tf.mul(kernel, 2 * l2)) : tf.matMul(input, dLogits, true, false);
  const gradBias = tf.reshape(tf.sum(dLogits), [1]);
  const crossEntropy = tf.losses.sigmoidCrossEntropy(labels, logits);
  const loss = (l2 > 0 ? tf.add(crossEntropy, tf.mul(l2, tf.sum(tf.square(kernel)))) : crossEntropy) as tf.Scalar;
  return { loss, logits, gradKernel, gradBias };
}
