/**
 * Every image's detections as flat columns, so the Faces page recounts the buckets, the passing posts and the score
 * histogram while a slider moves, without a round trip (DESIGN.md: slider-driven views recompute in the renderer).
 * The same functions give the core's summary and the CLI's counts, so all of them agree.
 */
import {
  bucketOf,
  countsAsFace,
  emptyBucketCounts,
  postFaceStatus,
  type FaceBucketCounts,
  type FaceRule,
  type PostFaceStatus,
} from './face-rule';
import type { FaceOverride } from './face-types';

/** Per-image status in the columns. */
export const imageStatusCode = { pending: 0, ok: 1, error: 2 } as const;
/** Per-post override in the columns. */
export const overrideCode = { none: 0, keep: 1, drop: 2 } as const;

export interface FaceColumnsPayload {
  /** The rule saved in the project (the page starts its sliders here). */
  rule: FaceRule;
  /** Detections below this score were not stored. */
  storedMinScore: number;
  /** Posts in the project (rows 0..posts-1 of the post table). */
  posts: number;
  /** Per post row: 0 none, 1 keep, 2 drop. */
  override: Array<0 | 1 | 2>;
  /** Images in all posts; sorted by post row, then image index, so a post's images are adjacent. */
  images: number;
  /** Per image: */
  postRow: number[];
  imageIndex: number[];
  /** Upright size in pixels (0 when unknown). */
  width: number[];
  height: number[];
  /** 0 not detected yet, 1 ok, 2 error. */
  status: Array<0 | 1 | 2>;
  /** Image i's detections are score/relativeSize[detectionStart[i] .. detectionStart[i+1]); length images + 1. */
  detectionStart: number[];
  /** Per detection: */
  score: number[];
  /** The box's shorter side over the image's shorter side. */
  relativeSize: number[];
}

type Thresholds = Pick<FaceRule, 'minScore' | 'minSize'>;

/** Faces per image under the rule: -1 unreadable, -2 not detected yet. */
export function imageFaceCounts(columns: FaceColumnsPayload, rule: Thresholds): Int32Array {
  const counts = new Int32Array(columns.images);
  for (let image = 0; image < columns.images; image++) {
    const status = columns.status[image];
    if (status === imageStatusCode.pending) counts[image] = -2;
    else if (status === imageStatusCode.error) counts[image] = -1;
    else {
      let count = 0;
      for (let d = columns.detectionStart[image]!; d < columns.detectionStart[image + 1]!; d++) {
        if (countsAsFace(columns.score[d]!, columns.relativeSize[d]!, rule)) count++;
      }
      counts[image] = count;
    }
  }
  return counts;
}

function fromCode(code: number): number | null | undefined {
  return code === -2 ? undefined : code === -1 ? null : code;
}

export function countImageBuckets(columns: FaceColumnsPayload, rule: Thresholds, counts = imageFaceCounts(columns, rule)): FaceBucketCounts {
  const buckets = emptyBucketCounts();
  for (let image = 0; image < columns.images; image++) buckets[bucketOf(fromCode(counts[image]!))]++;
  return buckets;
}

export function overrideOf(code: number | undefined): FaceOverride | null {
  return code === overrideCode.keep ? 'keep' : code === overrideCode.drop ? 'drop' : null;
}

/** Each post's status ('pass' / 'fail' / 'pending') under the rule, the carousel rule and its override. */
export function postStatuses(columns: FaceColumnsPayload, rule: FaceRule, counts = imageFaceCounts(columns, rule)): PostFaceStatus[] {
  const statuses: PostFaceStatus[] = new Array(columns.posts);
  const perPost: Array<number | null | undefined> = [];
  let image = 0;
  for (let row = 0; row < columns.posts; row++) {
    perPost.length = 0;
    while (image < columns.images && columns.postRow[image] === row) perPost.push(fromCode(counts[image++]!));
    statuses[row] = postFaceStatus(perPost, rule.carousel, overrideOf(columns.override[row]));
  }
  return statuses;
}

export interface PostDecisionCounts {
  pass: number;
  fail: number;
  pending: number;
  /** Posts with an override, whatever the rule says. */
  kept: number;
  dropped: number;
}

export function countPostDecisions(columns: FaceColumnsPayload, rule: FaceRule, counts = imageFaceCounts(columns, rule)): PostDecisionCounts {
  const result: PostDecisionCounts = { pass: 0, fail: 0, pending: 0, kept: 0, dropped: 0 };
  for (const status of postStatuses(columns, rule, counts)) result[status]++;
  for (const code of columns.override) {
    if (code === overrideCode.keep) result.kept++;
    else if (code === overrideCode.drop) result.dropped++;
  }
  return result;
}

/**
 * Detections per score bin over [from, 1] (the last bin includes 1), counting only faces at least `minSize` big
 * when given, so the histogram shows where the min-score slider cuts.
 */
export function scoreHistogram(columns: FaceColumnsPayload, options: { bins?: number; from?: number; minSize?: number } = {}): number[] {
  const bins = options.bins ?? 20;
  const from = options.from ?? 0;
  const histogram = new Array<number>(bins).fill(0);
  const width = (1 - from) / bins;
  for (let d = 0; d < columns.score.length; d++) {
    if (options.minSize !== undefined && columns.relativeSize[d]! < options.minSize - 1e-9) continue;
    const score = columns.score[d]!;
    if (score < from) continue;
    histogram[Math.min(bins - 1, Math.floor((score - from) / width))]!++;
  }
  return histogram;
}
