/**
 * Runs inside the ML host only: applies a run's saved model (runDir/model) to cached features or to image files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { FaceBox } from '../../../../shared/faces/face-types';
import type { Preprocessing } from '../../../../shared/training/training-types';
import { detectFaces, loadModels } from '../../faces/face-detector';
import { describeImageError } from '../../images/image-probe';
import { readFeatureMatrix } from '../embedding-cache';
import { decodeImage, toInputTensor } from '../image-input';
import { fileLoadHandler } from '../model-files';
import { loadBackbone } from './backbone-loader';
import { CancelledInHost, type HostControl } from './embed-images';

export interface SavedModelInfo extends Preprocessing {
  /** features: a head on cached features; image: a fine-tuned network taking the image itself. */
  input: 'features' | 'image';
  headEpoch: number;
}

export async function readModelInfo(runDir: string): Promise<SavedModelInfo> {
  return JSON.parse(await readFile(join(runDir, 'model', 'preprocessing.json'), 'utf8')) as SavedModelInfo;
}

const chunk = 4096;

/** p(good) for each cached feature vector (keys in the run's backbone cache folder). */
export async function predictFeatures(params: { runDir: string; featureDir: string; keys: string[] }, control: HostControl): Promise<number[]> {
  const info = await readModelInfo(params.runDir);
  const model = await tf.loadLayersModel(fileLoadHandler(join(params.runDir, 'model')));
  const out: number[] = [];
  try {
    for (let start = 0; start < params.keys.length; start += chunk) {
      if (control.cancelled()) throw new CancelledInHost();
      const keys = params.keys.slice(start, start + chunk);
      const matrix = await readFeatureMatrix(params.featureDir, keys, info.featureDim);
      const p = tf.tidy(() => (model.predict(tf.tensor2d(matrix, [keys.length, info.featureDim])) as tf.Tensor).dataSync());
      out.push(...p);
      control.progress(out.length, params.keys.length, 'predicting');
    }
  } finally {
    model.dispose();
  }
  return out;
}

export interface ImagePrediction {
  path: string;
  pGood: number | null;
  error?: string;
  /** face128: the face the prediction is about. */
  box?: FaceBox;
}

/**
 * p(good) for image files: decoded and prepared as the run's preprocessing says. face128: the face given in `boxes`
 * (for a project image, the face its training used), else the best face SSD finds.
 */
export async function predictImages(params: { runDir: string; weights?: string; paths: string[]; boxes?: Array<FaceBox | null> }, control: HostControl): Promise<ImagePrediction[]> {
  const info = await readModelInfo(params.runDir);
  const model = await tf.loadLayersModel(fileLoadHandler(join(params.runDir, 'model')));
  const backbone = info.input === 'features' ? await loadBackbone(info.backbone, params.weights) : null;
  if (backbone && backbone.preprocessing.version !== info.version) {
    model.dispose();
    throw new Error(`This run's features came from ${info.backbone} version "${info.version}", but the backbone now loads as "${backbone.preprocessing.version}"; retrain the run.`);
  }
  if (info.crop === 'face') await loadModels(['ssd'], false);
  const results: ImagePrediction[] = [];
  try {
    for (const [index, path] of params.paths.entries()) {
      if (control.cancelled()) throw new CancelledInHost();
      try {
        let box: FaceBox | undefined = params.boxes?.[index] ?? undefined;
        if (info.crop === 'face' && !box) {
          const found = await detectFaces({ path, detector: 'ssd', landmarks: false });
          const best = [...found.detections].sort((a, b) => b.score - a.score)[0];
          if (!best || best.score < 0.5) throw new Error('no face found');
          box = best.box;
        }
        const pixels = await decodeImage(path, info, box ? { box } : {});
        const input = toInputTensor([pixels], info);
        let features: tf.Tensor | null = null;
        try {
          features = backbone ? await backbone.embed(input) : input;
          const p = tf.tidy(() => (model.predict(features!) as tf.Tensor).dataSync()[0]!);
          results.push({ path, pGood: p, ...(box ? { box } : {}) });
        } finally {
          input.dispose();
          if (features !== input) features?.dispose();
        }
      } catch (error) {
        if (error instanceof CancelledInHost) throw error;
        results.push({ path, pGood: null, error: describeImageError(error) });
      }
      control.progress(results.length, params.paths.length, 'predicting');
    }
  } finally {
    model.dispose();
  }
  return results;
}
