/**
 * Runs inside the ML host only. VGG-16 (Simonyan & Zisserman 2014) as Keras builds it, in tfjs-layers, with the
 * ImageNet weights from a folder the user provides (checked by vgg16-weights.ts first).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { AppFailure } from '../../../../shared/result';
import { checkVgg16Weights, vgg16ConvLayers, vgg16DenseLayers, type Vgg16WeightsCheck } from './vgg16-weights';

/**
 * The architecture: 13 3×3 convolutions in 5 blocks, each block ending in a 2×2 max pool, then (with the top)
 * flatten → fc1 → fc2 (4096, ReLU); without the top, a global average of block5_pool. Input [n, 224, 224, 3] BGR,
 * ImageNet mean subtracted ("caffe" preprocessing); output [n, 4096] or [n, 512].
 */
export function buildVgg16(includesTop: boolean): tf.LayersModel {
  const input = tf.input({ shape: [224, 224, 3], name: 'input_1' });
  let x: tf.SymbolicTensor = input;
  let block = 0;
  for (const [name, kernel] of vgg16ConvLayers) {
    const blockOfLayer = Number(name[5]);
    if (blockOfLayer !== block && block !== 0) x = tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name: `block${block}_pool` }).apply(x) as tf.SymbolicTensor;
    block = blockOfLayer;
    x = tf.layers.conv2d({ filters: kernel[3], kernelSize: 3, padding: 'same', activation: 'relu', name }).apply(x) as tf.SymbolicTensor;
  }
  x = tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'block5_pool' }).apply(x) as tf.SymbolicTensor;
  if (includesTop) {
    x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
    for (const [name, kernel] of vgg16DenseLayers) x = tf.layers.dense({ units: kernel[1], activation: 'relu', name }).apply(x) as tf.SymbolicTensor;
  } else {
    x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as tf.SymbolicTensor;
  }
  return tf.model({ inputs: input, outputs: x, name: 'vgg16_features' });
}

/** Builds VGG-16 and loads the checked weights into it, layer by layer. */
export async function loadVgg16(folder: string | undefined): Promise<{ model: tf.LayersModel; check: Vgg16WeightsCheck }> {
  const check = await checkVgg16Weights(folder);
  const json = JSON.parse(await readFile(join(check.dir, 'model.json'), 'utf8')) as { weightsManifest: tf.io.WeightsManifestConfig };
  const buffers: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    for (const path of group.paths) {
      const bytes = await readFile(join(check.dir, path));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  const weights = tf.io.decodeWeights(tf.io.CompositeArrayBuffer.join(buffers), tf.io.getWeightSpecs(json.weightsManifest));
  const model = buildVgg16(check.includesTop);
  try {
    const layers = [...vgg16ConvLayers.map(([name]) => name), ...(check.includesTop ? vgg16DenseLayers.map(([name]) => name) : [])];
    for (const name of layers) {
      const kernel = weights[check.names[`${name}/kernel`]!];
      const bias = weights[check.names[`${name}/bias`]!];
      if (!kernel || !bias) throw new AppFailure('INVALID_INPUT', `Layer ${name}: its weights could not be read from ${check.dir}.`, { layer: name });
      model.getLayer(name).setWeights([kernel, bias]);
    }
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose(Object.values(weights));
  }
  return { model, check };
}

/** Layer groups from the top for fine-tuning: fc1/fc2, then block5, block4, ... */
export function vgg16BlockOf(layerName: string): number | null {
  if (layerName === 'fc1' || layerName === 'fc2') return 0;
  const match = /^block(\d)_/.exec(layerName);
  return match ? 6 - Number(match[1]) : null;
}
