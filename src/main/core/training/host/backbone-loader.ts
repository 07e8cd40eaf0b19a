/**
 * Runs inside the ML host only: loads a backbone once and keeps it (one at a time: VGG-16 alone holds ~530 MB).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackboneName, Preprocessing } from '../../../../shared/training/training-types';
import { faceDescriptors, loadFaceDescriptorNet } from '../backbones/face128';
import { loadMobilenetV2, mobilenetBlockOf } from '../backbones/mobilenet-v2';
import { loadVgg16, vgg16BlockOf } from '../backbones/vgg16';
import { resolvePreprocessing } from '../preprocessing';

export interface LoadedBackbone {
  name: BackboneName;
  preprocessing: Preprocessing;
  /** The feature network as a layers model (null for face128, which face-api runs). */
  model: tf.LayersModel | null;
  /** Fine-tuning: which group of layers from the top a layer belongs to (0 = topmost), null = never trained. */
  blockOf(layerName: string): number | null;
  /** [n, size, size, 3] preprocessed → [n, featureDim]. The caller disposes both. */
  embed(input: tf.Tensor4D): Promise<tf.Tensor2D>;
}

let current: { key: string; backbone: Promise<LoadedBackbone> } | null = null;

export function loadBackbone(name: BackboneName, weights?: string): Promise<LoadedBackbone> {
  const key = `${name}\u0000${weights ?? ''}`;
  if (current?.key === key) return current.backbone;
  const previous = current;
  const backbone = (async () => {
    if (previous) (await previous.backbone.catch(() => null))?.model?.dispose();
    return load(name, weights);
  })();
  current = { key, backbone };
  backbone.catch(() => {
    if (current?.backbone === backbone) current = null;
  });
  return backbone;
}

async function load(name: BackboneName, weights?: string): Promise<LoadedBackbone> {
  const preprocessing = await resolvePreprocessing(name, weights);
  if (name === 'face128') {
    await loadFaceDescriptorNet();
    return { name, preprocessing, model: null, blockOf: () => null, embed: faceDescriptors };
  }
  const model = name === 'mobilenet_v2' ? await loadMobilenetV2() : (await loadVgg16(weights)).model;
  return {
    name,
    preprocessing,
    model,
    blockOf: name === 'mobilenet_v2' ? mobilenetBlockOf : vgg16BlockOf,
    embed: async (input) => model.predict(input) as tf.Tensor2D,
  };
}
