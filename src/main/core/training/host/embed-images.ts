/**
 * Runs inside the ML host only: computes backbone features for images and writes them to the feature cache. The
 * next batch decodes (sharp, on libvips' threads) while the current one runs through the network, so decoding
 * costs little wall time.
 */
import * as tf from '@tensorflow/tfjs';
import type { FaceBox } from '../../../../shared/faces/face-types';
import type { BackboneName } from '../../../../shared/training/training-types';
import { describeImageError } from '../../images/image-probe';
import { writeFeatures } from '../embedding-cache';
import { decodeImage, toInputTensor } from '../image-input';
import { loadBackbone } from './backbone-loader';

export interface EmbedItem {
  /** File stem in the cache (see featureKey). */
  key: string;
  /** Absolute path of the image. */
  path: string;
  /** face128: the face box in upright original pixels. */
  box?: FaceBox;
}

export interface EmbedParams {
  backbone: BackboneName;
  weights?: string;
  /** The backbone's cache folder (openFeatureCache). */
  cacheDir: string;
  items: EmbedItem[];
  batch: number;
}

export interface EmbedResult {
  computed: number;
  failed: Array<{ key: string; path: string; reason: string }>;
  /** Wall time, model loading included. */
  seconds: number;
  /** Images decoded and embedded per second, once the model was loaded. */
  imagesPerSecond: number | null;
}

export interface HostControl {
  cancelled(): boolean;
  progress(done: number, total: number, message: string): void;
}

export class CancelledInHost extends Error {
  readonly cancelled = true;
  constructor() {
    super('Cancelled.');
  }
}

type Decoded = { item: EmbedItem; pixels: Uint8Array } | { item: EmbedItem; error: string };

export async function embedImages(params: EmbedParams, control: HostControl): Promise<EmbedResult> {
  const loadStarted = performance.now();
  const backbone = await loadBackbone(params.backbone, params.weights);
  // The rate counts decoding and inference, not the one-time model load (or conversion).
  const started = performance.now();
  const preprocessing = backbone.preprocessing;
  const result: EmbedResult = { computed: 0, failed: [], seconds: 0, imagesPerSecond: null };
  const batches: EmbedItem[][] = [];
  for (let i = 0; i < params.items.length; i += params.batch) batches.push(params.items.slice(i, i + params.batch));
  const decode = (batch: EmbedItem[]): Promise<Decoded[]> =>
    Promise.all(
      batch.map((item) =>
        decodeImage(item.path, preprocessing, item.box ? { box: item.box } : {}).then(
          (pixels): Decoded => ({ item, pixels }),
          (error: unknown): Decoded => ({ item, error: describeImageError(error) }),
        ),
      ),
    );
  let done = 0;
  let pending = batches.length > 0 ? decode(batches[0]!) : null;
  const rate = () => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  };
  control.progress(0, params.items.length, `${params.backbone} features`);
  for (let b = 0; b < batches.length; b++) {
    if (control.cancelled()) throw new CancelledInHost();
    const decoded = await pending!;
    pending = b + 1 < batches.length ? decode(batches[b + 1]!) : null;
    const ready = decoded.filter((entry): entry is Extract<Decoded, { pixels: Uint8Array }> => 'pixels' in entry);
    for (const entry of decoded) if ('error' in entry) result.failed.push({ key: entry.item.key, path: entry.item.path, reason: entry.error });
    if (ready.length > 0) {
      const input = toInputTensor(
        ready.map((entry) => entry.pixels),
        preprocessing,
      );
      let features: tf.Tensor2D | null = null;
      try {
        features = await backbone.embed(input);
        const values = (await features.data()) as Float32Array;
        const dim = preprocessing.featureDim;
        if (values.length !== ready.length * dim) throw new Error(`${params.backbone} gave ${values.length / ready.length} features per image, expected ${dim}`);
        await Promise.all(ready.map((entry, n) => writeFeatures(params.cacheDir, entry.item.key, values.slice(n * dim, (n + 1) * dim))));
        result.computed += ready.length;
      } finally {
        input.dispose();
        features?.dispose();
      }
    }
    done += decoded.length;
    control.progress(done, params.items.length, `${params.backbone} features · ${rate().toFixed(1)} images/s${result.failed.length ? ` · ${result.failed.length} unreadable` : ''}`);
    await new Promise((resolve) => setImmediate(resolve)); // let cancel messages in
  }
  await pending?.catch(() => undefined);
  result.seconds = (performance.now() - loadStarted) / 1000;
  const working = (performance.now() - started) / 1000;
  result.imagesPerSecond = working > 0 && done > 0 ? done / working : null;
  return result;
}
