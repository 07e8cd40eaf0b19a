/** Messages between the main process and the ML host child process (structured-clone serialisation). */
import type { FaceBox } from '../../../shared/faces/face-types';
import type { BenchmarkParams } from '../../../shared/api/contract';
import type { BackendInfo, BackendName } from '../../../shared/ml/backend';
import type { AppError } from '../../../shared/result';
import type { BackboneName, Preprocessing } from '../../../shared/training/training-types';
import type { EmbedParams, EmbedResult } from '../training/host/embed-images';
import type { HeadTrainParams, HeadTrainResult } from '../training/host/head-trainer';
import type { ImagePrediction } from '../training/host/predict';
import type { FinetuneParams } from '../training/host/finetune-trainer';

export interface BenchmarkCheckpoint {
  done: number;
  elapsedMs: number;
}

export interface BenchmarkResult {
  backend: BackendName;
  size: number;
  iterations: number;
  msPerIteration: number;
  gflops: number;
}

/** Method name -> [params, result]. */
export interface MlMethods {
  probe: [Record<string, never>, BackendInfo];
  benchmark: [BenchmarkParams & { checkpoint?: BenchmarkCheckpoint }, BenchmarkResult];
  memory: [Record<string, never>, { numTensors: number; numBytes: number }];
  /** The host's own resource use (peak RSS for the benches). */
  stats: [Record<string, never>, { maxRssMb: number; rssMb: number }];
  /** Loads a backbone (converting MobileNetV2 on first use) and says how it prepares images. */
  backbone: [{ backbone: BackboneName; weights?: string }, Preprocessing];
  /** Backbone features of images, written to the feature cache. Progress: images. */
  embed: [EmbedParams, EmbedResult];
  /** Trains the head on cached features. Progress: epochs, with the history as checkpoint. */
  trainHead: [HeadTrainParams, HeadTrainResult];
  /** Fine-tunes the backbone's top blocks with the head, on images. Progress: epochs. */
  finetune: [FinetuneParams, HeadTrainResult];
  /** p(good) of cached features with a run's saved model. */
  predictFeatures: [{ runDir: string; featureDir: string; keys: string[] }, number[]];
  /** p(good) of image files with a run's saved model. */
  predictImages: [{ runDir: string; weights?: string; paths: string[]; boxes?: Array<FaceBox | null> }, ImagePrediction[]];
}
export type MlMethod = keyof MlMethods;

export type ToMlHost =
  | { type: 'request'; id: number; method: MlMethod; params: unknown }
  | { type: 'cancel'; id: number };

export type FromMlHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: AppError }
  | { type: 'progress'; id: number; done: number; total: number; message?: string; checkpoint?: unknown };

export interface MlHostOptions {
  /** Force one backend instead of trying them in order. */
  backend?: BackendName;
}
