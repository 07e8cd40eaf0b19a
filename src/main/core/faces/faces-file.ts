/**
 * faces.json: one record per image that went through the detector (see FaceImageRecord), in no particular order.
 * face-overrides.json: the researcher's keep/drop per post, in its own small file, because it changes with every
 * click while faces.json can be 100 MB for a 500k-image project (and a running job rewrites it every few seconds).
 */
import { backendPreference } from '../../../shared/ml/backend';
import { faceDetectors, faceOverrides, type FaceImageRecord, type FaceOverride } from '../../../shared/faces/face-types';

export const facesFileFormat = 'selfie-lab/faces-v1';
export const faceOverridesFileFormat = 'selfie-lab/face-overrides-v1';

export interface FacesFile {
  format: typeof facesFileFormat;
  images: FaceImageRecord[];
}

export interface FaceOverridesFile {
  format: typeof faceOverridesFileFormat;
  /** Post id -> decision. */
  overrides: Record<string, FaceOverride>;
}

export function emptyFacesFile(): FacesFile {
  return { format: facesFileFormat, images: [] };
}

export function emptyFaceOverridesFile(): FaceOverridesFile {
  return { format: faceOverridesFileFormat, overrides: {} };
}

type Validation<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkRecord(record: unknown): { field: string; message: string } | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { field: '', message: 'expected an object' };
  const r = record as Record<string, unknown>;
  if (typeof r.postId !== 'string') return { field: 'postId', message: 'expected a string' };
  if (!Number.isInteger(r.imageIndex) || (r.imageIndex as number) < 0) return { field: 'imageIndex', message: 'expected a whole number ≥ 0' };
  if (r.path !== null && typeof r.path !== 'string') return { field: 'path', message: 'expected a string or null' };
  if (!(faceDetectors as readonly unknown[]).includes(r.detector)) return { field: 'detector', message: `expected one of ${faceDetectors.join(', ')}` };
  if (typeof r.detectorVersion !== 'string') return { field: 'detectorVersion', message: 'expected a string' };
  if (r.backend !== null && !(backendPreference as readonly unknown[]).includes(r.backend)) return { field: 'backend', message: 'expected a backend name or null' };
  if (!isFiniteNumber(r.width) || !isFiniteNumber(r.height)) return { field: 'width', message: 'expected numbers for width and height' };
  if (r.status !== 'ok' && r.status !== 'error') return { field: 'status', message: 'expected "ok" or "error"' };
  if (r.error !== undefined && typeof r.error !== 'string') return { field: 'error', message: 'expected a string' };
  if (typeof r.detectedAt !== 'string') return { field: 'detectedAt', message: 'expected an ISO time' };
  if (typeof r.landmarks !== 'boolean') return { field: 'landmarks', message: 'expected true or false' };
  if (!Number.isInteger(r.views)) return { field: 'views', message: 'expected a whole number' };
  if (!Array.isArray(r.detections)) return { field: 'detections', message: 'expected an array' };
  for (let i = 0; i < r.detections.length; i++) {
    const d = r.detections[i] as Record<string, unknown> | null;
    const box = d?.box as Record<string, unknown> | undefined;
    if (!d || !box || !isFiniteNumber(box.x) || !isFiniteNumber(box.y) || !isFiniteNumber(box.width) || !isFiniteNumber(box.height)) {
      return { field: `detections.${i}.box`, message: 'expected {x, y, width, height} numbers' };
    }
    if (!isFiniteNumber(d.score) || d.score < 0 || d.score > 1) return { field: `detections.${i}.score`, message: 'expected a number in 0..1' };
    if (!isFiniteNumber(d.padding)) return { field: `detections.${i}.padding`, message: 'expected a number' };
    if (d.landmarks !== undefined && !Array.isArray(d.landmarks)) return { field: `detections.${i}.landmarks`, message: 'expected an array' };
  }
  return null;
}

/** Checks faces.json with plain loops (a schema library is several times slower on 500k records). */
export function validateFacesFile(json: unknown): Validation<FacesFile> {
  if (typeof json !== 'object' || json === null) return { ok: false, path: '', message: 'expected an object' };
  const file = json as Partial<FacesFile>;
  if (file.format !== facesFileFormat) return { ok: false, path: 'format', message: `expected "${facesFileFormat}"` };
  if (!Array.isArray(file.images)) return { ok: false, path: 'images', message: 'expected an array' };
  const seen = new Set<string>();
  for (let i = 0; i < file.images.length; i++) {
    const problem = checkRecord(file.images[i]);
    if (problem) return { ok: false, path: `images.${i}${problem.field ? `.${problem.field}` : ''}`, message: problem.message };
    const key = imageKey(file.images[i]!.postId, file.images[i]!.imageIndex);
    if (seen.has(key)) return { ok: false, path: `images.${i}`, message: `image ${file.images[i]!.imageIndex} of post "${file.images[i]!.postId}" appears twice` };
    seen.add(key);
  }
  return { ok: true, value: file as FacesFile };
}

export function validateFaceOverridesFile(json: unknown): Validation<FaceOverridesFile> {
  if (typeof json !== 'object' || json === null) return { ok: false, path: '', message: 'expected an object' };
  const file = json as Partial<FaceOverridesFile>;
  if (file.format !== faceOverridesFileFormat) return { ok: false, path: 'format', message: `expected "${faceOverridesFileFormat}"` };
  if (typeof file.overrides !== 'object' || file.overrides === null || Array.isArray(file.overrides)) {
    return { ok: false, path: 'overrides', message: 'expected an object' };
  }
  for (const [postId, value] of Object.entries(file.overrides)) {
    if (!(faceOverrides as readonly unknown[]).includes(value)) return { ok: false, path: `overrides.${postId}`, message: 'expected "keep" or "drop"' };
  }
  return { ok: true, value: file as FaceOverridesFile };
}

/** Identifies an image across files: post id and position in the post. */
export function imageKey(postId: string, imageIndex: number): string {
  return `${postId}\u0000${imageIndex}`;
}
