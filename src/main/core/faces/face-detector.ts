/**
 * Runs inside a face detection worker only: decodes an image with libvips (sharp), shows it to face-api's detector
 * as it is and, when no face is found confidently, padded (close-ups), and maps every box back to original pixels.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { storedMinScore, type Detection, type FaceDetectorName } from '../../../shared/faces/face-types';
import { boxToOriginal, confidentScore, mergeViews, paddingLadder, planView, pointToOriginal, type ImageView } from '../../../shared/faces/detector-views';
import type { DetectionOutcome, FaceTask } from './face-protocol';
import { detectorInputSide, faceModelDir } from './face-models';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');
type FaceApiInput = Parameters<FaceApi['detectAllFaces']>[0];

// Not named `require`: the ESM bundle of the main process injects its own `require` shim.
const requireFromHere = createRequire(import.meta.url);

/** The most detections kept per view (SSD's own default is 100, nearly all of them noise below 0.2). */
const maxDetectionsPerView = 50;
/** Padding and transparent pixels: mid grey, which the detectors read as "nothing here". */
const grey = { r: 128, g: 128, b: 128 };

let faceapi: FaceApi | null = null;

/**
 * face-api's Node build for wasm: CommonJS, sharing the TensorFlow.js engine (and so the backend the worker resolved)
 * with `@tensorflow/tfjs`, because neither package has an ESM build that Node would pick instead.
 */
export function loadFaceApi(): FaceApi {
  faceapi ??= requireFromHere('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  return faceapi;
}

export async function loadModels(detectors: readonly FaceDetectorName[], landmarks: boolean): Promise<void> {
  const api = loadFaceApi();
  const dir = faceModelDir();
  if (detectors.includes('ssd') && !api.nets.ssdMobilenetv1.isLoaded) await api.nets.ssdMobilenetv1.loadFromDisk(dir);
  if (detectors.includes('tiny') && !api.nets.tinyFaceDetector.isLoaded) await api.nets.tinyFaceDetector.loadFromDisk(dir);
  if (landmarks && !api.nets.faceLandmark68Net.isLoaded) await api.nets.faceLandmark68Net.loadFromDisk(dir);
}

/** One inference on a blank image, so the first real image does not pay for kernel set-up (matters for latency). */
export async function warmUp(detectors: readonly FaceDetectorName[]): Promise<void> {
  for (const detector of detectors) {
    const side = detectorInputSide[detector];
    await runDetector(Buffer.alloc(side * side * 3, 128), side, side, detector, false);
  }
}

interface RawDetection {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  landmarks?: Array<{ x: number; y: number }>;
}

async function runDetector(pixels: Uint8Array, width: number, height: number, detector: FaceDetectorName, landmarks: boolean): Promise<RawDetection[]> {
  const api = loadFaceApi();
  const options =
    detector === 'ssd'
      ? new api.SsdMobilenetv1Options({ minConfidence: storedMinScore, maxResults: maxDetectionsPerView })
      : new api.TinyFaceDetectorOptions({ inputSize: detectorInputSide.tiny, scoreThreshold: storedMinScore });
  // [height, width, 3] int32 RGB 0..255, as face-api expects from a decoded image.
  const input = tf.tensor3d(pixels, [height, width, 3], 'int32');
  try {
    const task = api.detectAllFaces(input as unknown as FaceApiInput, options);
    if (landmarks) {
      const found = await task.withFaceLandmarks();
      return found.map((result) => ({
        box: result.detection.box,
        score: result.detection.score,
        landmarks: result.landmarks.positions.map((point) => ({ x: point.x, y: point.y })),
      }));
    }
    const found = await task;
    return found.map((detection) => ({ box: detection.box, score: detection.score }));
  } finally {
    input.dispose();
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Upright size: EXIF orientations 5-8 swap width and height. */
async function uprightSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes).metadata();
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = (swapped ? meta.height : meta.width) ?? 0;
  const height = (swapped ? meta.width : meta.height) ?? 0;
  if (!(width > 0 && height > 0)) throw new Error('the image has no size');
  return { width, height };
}

/** The image as it is (padding 1) or shrunk onto a grey square (padding 2, 3), as raw RGB of the view's canvas. */
async function renderView(fitted: Buffer, view: ImageView, base: ImageView): Promise<Buffer> {
  if (view.padding === 1) return fitted;
  const right = view.canvasWidth - view.contentWidth - view.offsetX;
  const bottom = view.canvasHeight - view.contentHeight - view.offsetY;
  return sharp(fitted, { raw: { width: base.contentWidth, height: base.contentHeight, channels: 3 } })
    .resize(view.contentWidth, view.contentHeight, { fit: 'fill' })
    .extend({ top: view.offsetY, left: view.offsetX, bottom, right, background: grey })
    .raw()
    .toBuffer();
}

/**
 * Detects faces in one image file: decode (EXIF-rotated, alpha flattened on grey, sRGB), fit to the detector's input,
 * run the padding ladder until a view holds a face scoring at least `confidentScore`, merge the views' detections.
 * Throws (with libvips' or the file system's reason) when the file cannot be read or decoded.
 */
export async function detectFaces(task: FaceTask): Promise<DetectionOutcome> {
  const bytes = await readFile(task.path);
  const { width, height } = await uprightSize(bytes);
  const side = detectorInputSide[task.detector];
  const base = planView(width, height, side, 1);
  // failOn 'warning' turns libjpeg's "premature end of data" into an error instead of a grey half-image.
  const fitted = await sharp(bytes, { failOn: 'warning' })
    .rotate()
    .flatten({ background: grey })
    .toColourspace('srgb')
    .resize(base.contentWidth, base.contentHeight, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer();
  const detections: Detection[] = [];
  let views = 0;
  for (const padding of task.ladder ?? paddingLadder) {
    const view = planView(width, height, side, padding);
    const pixels = await renderView(fitted, view, base);
    const found = await runDetector(pixels, view.canvasWidth, view.canvasHeight, task.detector, task.landmarks);
    views++;
    let confident = false;
    for (const raw of found) {
      const box = boxToOriginal(raw.box, view, width, height);
      if (!box || raw.score < storedMinScore) continue;
      const detection: Detection = {
        box: { x: round1(box.x), y: round1(box.y), width: round1(box.width), height: round1(box.height) },
        score: round4(raw.score),
        padding,
      };
      if (raw.landmarks) {
        detection.landmarks = raw.landmarks.map((point) => {
          const [x, y] = pointToOriginal(point.x, point.y, view, width, height);
          return [round1(x), round1(y)];
        });
      }
      detections.push(detection);
      if (raw.score >= confidentScore) confident = true;
    }
    if (confident) break;
  }
  return { width, height, views, detections: mergeViews(detections) };
}

export function tensorCount(): number {
  return tf.memory().numTensors;
}
