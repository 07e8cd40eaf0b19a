/**
 * Geometry of the views the detector is shown, and the mapping of its boxes back to the original image.
 *
 * Close-ups defeat the detectors: measured on 23 tight face crops (the face's own box, from the face-api sample
 * photos and scikit-image's astronaut), SSD found 14 as they are, 23 when the crop was shrunk onto a grey canvas twice
 * its size. So an image in which no face scores at least `confidentScore` is shown again padded 2×, then 3×, and the
 * detections of all views are merged.
 */
import type { Detection, FaceBox } from './face-types';

/** Padding factors tried in turn; 1 is the image as it is. */
export const paddingLadder = [1, 2, 3] as const;
/** A view holding a detection at least this confident ends the ladder (fixed, not the rule's setting, so results do not depend on the rule). */
export const confidentScore = 0.5;
/** Detections of different views overlapping more than this (intersection over union) are the same face. */
export const sameFaceOverlap = 0.45;
/** ...as is a box lying mostly (this fraction of its area) inside a better one, e.g. a half-face found in the close-up. */
export const sameFaceContainment = 0.75;

/**
 * A view: the image scaled by `scale` (view pixels per original pixel) and placed at (offsetX, offsetY) on a canvas of
 * canvasWidth × canvasHeight. The canvas is the scaled image itself when padding is 1.
 */
export interface ImageView {
  padding: number;
  scale: number;
  offsetX: number;
  offsetY: number;
  /** The scaled image, in view pixels. */
  contentWidth: number;
  contentHeight: number;
  canvasWidth: number;
  canvasHeight: number;
}

/**
 * The view for a detector whose input is `side` × `side` (SSD 512, Tiny 416): padding 1 fits the image inside the
 * square (the detector pads the rest itself); padding p fits it inside side/p and centres it on a side × side canvas.
 */
export function planView(width: number, height: number, side: number, padding: number): ImageView {
  const longer = Math.max(width, height);
  const target = padding === 1 ? side : Math.round(side / padding);
  const scale = target / longer;
  const contentWidth = Math.max(1, Math.round(width * scale));
  const contentHeight = Math.max(1, Math.round(height * scale));
  if (padding === 1) {
    return { padding, scale, offsetX: 0, offsetY: 0, contentWidth, contentHeight, canvasWidth: contentWidth, canvasHeight: contentHeight };
  }
  return {
    padding,
    scale,
    offsetX: Math.floor((side - contentWidth) / 2),
    offsetY: Math.floor((side - contentHeight) / 2),
    contentWidth,
    contentHeight,
    canvasWidth: side,
    canvasHeight: side,
  };
}

/** A box in view pixels to original pixels, clipped to the image; null when it lies outside the image (in the padding). */
export function boxToOriginal(box: FaceBox, view: ImageView, width: number, height: number): FaceBox | null {
  const sx = view.contentWidth / width;
  const sy = view.contentHeight / height;
  const left = Math.max(0, (box.x - view.offsetX) / sx);
  const top = Math.max(0, (box.y - view.offsetY) / sy);
  const right = Math.min(width, (box.x + box.width - view.offsetX) / sx);
  const bottom = Math.min(height, (box.y + box.height - view.offsetY) / sy);
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function pointToOriginal(x: number, y: number, view: ImageView, width: number, height: number): [number, number] {
  return [(x - view.offsetX) / (view.contentWidth / width), (y - view.offsetY) / (view.contentHeight / height)];
}

function area(box: FaceBox): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

function intersection(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function intersectionOverUnion(a: FaceBox, b: FaceBox): number {
  const shared = intersection(a, b);
  const union = area(a) + area(b) - shared;
  return union > 0 ? shared / union : 0;
}

/** Whether two boxes are the same face: overlapping enough, or the smaller mostly inside the larger. */
export function sameFace(a: FaceBox, b: FaceBox): boolean {
  const shared = intersection(a, b);
  if (shared === 0) return false;
  const smaller = Math.min(area(a), area(b));
  return intersectionOverUnion(a, b) > sameFaceOverlap || (smaller > 0 && shared / smaller >= sameFaceContainment);
}

/** Merges the detections of several views: best score first; a detection of a face already kept is dropped. */
export function mergeViews(detections: readonly Detection[]): Detection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score || a.padding - b.padding);
  const kept: Detection[] = [];
  for (const candidate of sorted) {
    if (!kept.some((face) => face.padding !== candidate.padding && sameFace(face.box, candidate.box))) kept.push(candidate);
  }
  return kept;
}
