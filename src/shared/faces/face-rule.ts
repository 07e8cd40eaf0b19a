/**
 * The study's filter: keep images with exactly one face. A detection counts as a face when its score is at least
 * `minScore` and its box is at least `minSize` of the image's shorter side; detections failing either are not
 * counted (a blurred face in the background does not disqualify a selfie).
 */
import type { FaceBox, FaceImageRecord, FaceOverride } from './face-types';

/** Which images of a carousel post decide whether the post passes. */
export const carouselRules = ['first', 'any', 'every'] as const;
export type CarouselRule = (typeof carouselRules)[number];

export interface FaceRule {
  /** Lowest detector score that counts as a face, 0..1. */
  minScore: number;
  /** Smallest face, as a fraction of the image's shorter side (the box's shorter side is compared), 0..1. */
  minSize: number;
  /** 'first': the post's first image decides (the study's rule); 'any': one image with exactly one face suffices; 'every': all must have one. */
  carousel: CarouselRule;
}

export const defaultFaceRule: FaceRule = { minScore: 0.5, minSize: 0.05, carousel: 'first' };

/** Comparisons allow this much floating-point error, so a box of exactly 5% or a score of exactly 0.5 counts. */
const tolerance = 1e-9;

/**
 * The box's shorter side over the image's shorter side (0 when the image size is unknown), to 4 decimals: the
 * precision the columns carry to the renderer, so the page and the core always count the same faces.
 */
export function relativeFaceSize(box: FaceBox, width: number, height: number): number {
  const shorter = Math.min(width, height);
  if (!(shorter > 0)) return 0;
  return Math.round((Math.min(box.width, box.height) / shorter) * 10_000) / 10_000;
}

export function countsAsFace(score: number, relativeSize: number, rule: Pick<FaceRule, 'minScore' | 'minSize'>): boolean {
  return score >= rule.minScore - tolerance && relativeSize >= rule.minSize - tolerance;
}

/** Faces counted under the rule; null for an image that could not be read. */
export function countFaces(record: Pick<FaceImageRecord, 'status' | 'width' | 'height' | 'detections'>, rule: Pick<FaceRule, 'minScore' | 'minSize'>): number | null {
  if (record.status === 'error') return null;
  let count = 0;
  for (const detection of record.detections) {
    if (countsAsFace(detection.score, relativeFaceSize(detection.box, record.width, record.height), rule)) count++;
  }
  return count;
}

/** The Faces page's buckets. "pending" images have not been through the detector yet. */
export const faceBuckets = ['none', 'one', 'many', 'error', 'pending'] as const;
export type FaceBucket = (typeof faceBuckets)[number];
export type FaceBucketCounts = Record<FaceBucket, number>;

/** A face count (null = unreadable, undefined = not detected yet) to its bucket: 0 / 1 / 2+ / error / pending. */
export function bucketOf(count: number | null | undefined): FaceBucket {
  if (count === undefined) return 'pending';
  if (count === null) return 'error';
  return count === 0 ? 'none' : count === 1 ? 'one' : 'many';
}

export function emptyBucketCounts(): FaceBucketCounts {
  return { none: 0, one: 0, many: 0, error: 0, pending: 0 };
}

/** Whether a post passes, and why. */
export type PostFaceStatus = 'pass' | 'fail' | 'pending';

/**
 * Decides a post from its images' face counts (in carousel order; null = unreadable, undefined = not detected yet)
 * under the carousel rule. An override wins. A post without images fails. "pending" means the answer depends on
 * images not detected yet.
 */
export function postFaceStatus(counts: ReadonlyArray<number | null | undefined>, carousel: CarouselRule, override?: FaceOverride | null): PostFaceStatus {
  if (override === 'keep') return 'pass';
  if (override === 'drop') return 'fail';
  if (counts.length === 0) return 'fail';
  if (carousel === 'first') {
    const first = counts[0];
    return first === undefined ? 'pending' : first === 1 ? 'pass' : 'fail';
  }
  let pending = false;
  if (carousel === 'any') {
    for (const count of counts) {
      if (count === 1) return 'pass';
      if (count === undefined) pending = true;
    }
    return pending ? 'pending' : 'fail';
  }
  for (const count of counts) {
    if (count === undefined) pending = true;
    else if (count !== 1) return 'fail';
  }
  return pending ? 'pending' : 'pass';
}

export function postPasses(counts: ReadonlyArray<number | null | undefined>, carousel: CarouselRule, override?: FaceOverride | null): boolean {
  return postFaceStatus(counts, carousel, override) === 'pass';
}

/** "score ≥ 0.5, face ≥ 5% of the shorter side, carousel: first image" */
export function describeFaceRule(rule: FaceRule): string {
  const carousel = { first: 'first image decides', any: 'any image with one face', every: 'every image must have one face' }[rule.carousel];
  return `exactly one face with score ≥ ${rule.minScore} and size ≥ ${formatPercent(rule.minSize)} of the shorter side; carousels: ${carousel}`;
}

function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
