/** Face detections as the project stores them (faces.json) and the API returns them. */
import type { BackendName } from '../ml/backend';

/** SSD-MobileNetV1 (default, more accurate) or TinyFaceDetector (about 4× faster, misses more faces). */
export const faceDetectors = ['ssd', 'tiny'] as const;
export type FaceDetectorName = (typeof faceDetectors)[number];

export const faceDetectorTitles: Record<FaceDetectorName, string> = {
  ssd: 'SSD-MobileNetV1',
  tiny: 'TinyFaceDetector',
};

/**
 * Detections scoring below this are not stored: it is the floor of the min-score setting. Everything at or above it
 * is kept, so moving the rule's thresholds never needs a re-run.
 */
export const storedMinScore = 0.2;

/** A rectangle in the original image's pixels, upright (after EXIF rotation), origin top-left. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  box: FaceBox;
  /** The detector's confidence, 0..1. */
  score: number;
  /** 68 points [x, y] in original pixels, when landmarks were asked for. */
  landmarks?: Array<[number, number]>;
  /**
   * Which view of the image found it: 1 = the image as it is; 2 or 3 = shrunk and centred on a grey canvas that
   * many times its size (close-ups, where the face fills the frame and the detector misses it otherwise).
   */
  padding: number;
}

export type FaceImageStatus = 'ok' | 'error';

/** One image's detection result. */
export interface FaceImageRecord {
  postId: string;
  /** Position of the image in the post's images (0 = first carousel image). */
  imageIndex: number;
  /** The file that was read (null when the post has no local file for this image). */
  path: string | null;
  detector: FaceDetectorName;
  /** Changes when the model or the detection pipeline changes; a resumed job redoes images of another version. */
  detectorVersion: string;
  /** The TensorFlow.js backend that ran the detector (null when the image was never read). */
  backend: BackendName | null;
  /** Upright size in pixels; 0 when the image could not be read. */
  width: number;
  height: number;
  status: FaceImageStatus;
  /** Why the image could not be read (status "error"). */
  error?: string;
  /** ISO time of detection. */
  detectedAt: string;
  /** Whether 68-point landmarks were computed. */
  landmarks: boolean;
  /** Views run: 1 when the image as it is held a confident face, up to 3 with the padded retries. */
  views: number;
  /** Every detection scoring at least storedMinScore, best first. */
  detections: Detection[];
}

/** A researcher's decision for one post, which wins over the rule and survives re-runs of the detector. */
export const faceOverrides = ['keep', 'drop'] as const;
export type FaceOverride = (typeof faceOverrides)[number];
