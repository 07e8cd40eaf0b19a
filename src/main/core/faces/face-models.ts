/**
 * Where face-api and its weights live, and the version string stored with every detection. Runs anywhere in Node
 * (main thread and workers) without loading TensorFlow.js.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FaceDetectorName } from '../../../shared/faces/face-types';

// Not named `require`: the ESM bundle of the main process injects its own `require` shim.
const resolveFromHere = createRequire(import.meta.url).resolve;

/** Bumped when the views, resizing or merging change (results of another version are redone by a resumed job). */
export const detectionPipelineVersion = 1;

/** The detectors' square input side in pixels: the image is resized to fit it (the models rescale to it anyway). */
export const detectorInputSide: Record<FaceDetectorName, number> = { ssd: 512, tiny: 416 };

export const detectorModelName: Record<FaceDetectorName, string> = { ssd: 'ssd_mobilenetv1', tiny: 'tiny_face_detector' };

export function faceApiPackageDir(): string {
  return dirname(resolveFromHere('@vladmandic/face-api/package.json'));
}

/** The weights shipped inside the npm package. */
export function faceModelDir(): string {
  return join(faceApiPackageDir(), 'model');
}

let cachedVersion: string | null = null;
export function faceApiVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(faceApiPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

/** e.g. "face-api 1.7.15 · ssd_mobilenetv1 · views v1" */
export function detectorVersion(detector: FaceDetectorName): string {
  return `face-api ${faceApiVersion()} · ${detectorModelName[detector]} · views v${detectionPipelineVersion}`;
}
