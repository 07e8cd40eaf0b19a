/** Messages between the face detector pool (main thread) and its worker threads (structured clone). */
import type { Detection, FaceDetectorName } from '../../../shared/faces/face-types';
import type { BackendInfo, BackendName } from '../../../shared/ml/backend';
import type { AppError } from '../../../shared/result';

/** Given to each worker when it starts. */
export interface FaceWorkerData {
  /** Force this backend (the first worker resolves it; the others are given the answer). */
  backend?: BackendName;
  /** Models to load once, up front. */
  detectors: FaceDetectorName[];
  landmarks: boolean;
}

export interface FaceTask {
  /** Absolute path of the image file. */
  path: string;
  detector: FaceDetectorName;
  landmarks: boolean;
  /** Padding factors to try, in order (default paddingLadder); measurements and tests compare ladders with it. */
  ladder?: number[];
}

/** What the detector found in one image. */
export interface DetectionOutcome {
  /** Upright size in pixels. */
  width: number;
  height: number;
  /** Views run (1 = the image as it is; up to 3 with padded retries). */
  views: number;
  detections: Detection[];
}

export type ToFaceWorker = { type: 'detect'; id: number; task: FaceTask };

export type FromFaceWorker =
  | { type: 'ready'; backend: BackendInfo; faceApiVersion: string }
  | { type: 'failed'; error: AppError }
  | { type: 'result'; id: number; ok: true; value: DetectionOutcome; tensors: number }
  | { type: 'result'; id: number; ok: false; reason: string };
