import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  countFaces,
  countsAsFace,
  defaultFaceRule,
  describeFaceRule,
  postFaceStatus,
  postPasses,
  relativeFaceSize,
} from '../../../src/shared/faces/face-rule';
import type { Detection, FaceImageRecord } from '../../../src/shared/faces/face-types';

const face = (score: number, width: number, height = width, padding = 1): Detection => ({ box: { x: 10, y: 10, width, height }, score, padding });

/** A 1080 × 1350 portrait: the shorter side is 1080, so 5% is 54 px. */
function portrait(detections: Detection[], status: FaceImageRecord['status'] = 'ok') {
  return { status, width: 1080, height: 1350, detections };
}

describe('the face rule: exactly one face with score ≥ 0.5 and size ≥ 5% of the shorter side', () => {
  it('has the study’s defaults', () => {
    expect(defaultFaceRule).toEqual({ minScore: 0.5, minSize: 0.05, carousel: 'first' });
    expect(describeFaceRule(defaultFaceRule)).toBe('exactly one face with score ≥ 0.5 and size ≥ 5% of the shorter side; carousels: first image decides');
  });

  it('measures a face by its box’s shorter side over the image’s shorter side', () => {
    expect(relativeFaceSize({ x: 0, y: 0, width: 54, height: 70 }, 1080, 1350)).toBe(0.05); // 54 / 1080
    expect(relativeFaceSize({ x: 0, y: 0, width: 300, height: 135 }, 1920, 1080)).toBe(0.125); // 135 / 1080
    expect(relativeFaceSize({ x: 0, y: 0, width: 10, height: 10 }, 0, 0)).toBe(0); // unknown size
    // To 4 decimals, the precision the renderer's columns carry, so page and core agree: 53.99/1080 = 0.04999 -> 0.05.
    expect(relativeFaceSize({ x: 0, y: 0, width: 53.99, height: 60 }, 1080, 1350)).toBe(0.05);
    expect(relativeFaceSize({ x: 0, y: 0, width: 53.9, height: 60 }, 1080, 1350)).toBe(0.0499);
  });

  it('counts a score of exactly 0.5 and a box of exactly 5%, and nothing below either', () => {
    expect(countsAsFace(0.5, 0.05, defaultFaceRule)).toBe(true);
    expect(countsAsFace(0.4999, 0.05, defaultFaceRule)).toBe(false);
    expect(countsAsFace(0.5, 0.0499, defaultFaceRule)).toBe(false);
    // 54 px of 1080 is 5% exactly, 53.9 px is not; a 0.5 score on a 54 px box counts.
    expect(countFaces(portrait([face(0.5, 54)]), defaultFaceRule)).toBe(1);
    expect(countFaces(portrait([face(0.5, 53.9)]), defaultFaceRule)).toBe(0);
    // 5% of a 1000-px side, where 0.05 × 1000 is not exactly 50 in floating point.
    expect(countFaces({ status: 'ok', width: 1000, height: 1000, detections: [face(0.5, 50)] }, defaultFaceRule)).toBe(1);
  });

  it('does not count faces failing the score or the size, so they do not disqualify a selfie', () => {
    const selfie = portrait([
      face(0.97, 400), // the selfie
      face(0.45, 300), // a weak detection: below 0.5
      face(0.92, 40), // a stranger far behind: 40/1080 = 3.7% < 5%
    ]);
    expect(countFaces(selfie, defaultFaceRule)).toBe(1);
    expect(countFaces(selfie, { minScore: 0.4, minSize: 0.05 })).toBe(2);
    expect(countFaces(selfie, { minScore: 0.5, minSize: 0.03 })).toBe(2);
    expect(countFaces(selfie, { minScore: 0.4, minSize: 0.03 })).toBe(3);
    expect(countFaces(selfie, { minScore: 0.98, minSize: 0 })).toBe(0);
  });

  it('gives an unreadable image no count, and sorts counts into the 0 / 1 / 2+ / error / pending buckets', () => {
    expect(countFaces(portrait([], 'error'), defaultFaceRule)).toBeNull();
    expect(countFaces(portrait([]), defaultFaceRule)).toBe(0);
    expect([0, 1, 2, 7, null, undefined].map(bucketOf)).toEqual(['none', 'one', 'many', 'many', 'error', 'pending']);
  });
});

describe('carousel posts and overrides', () => {
  it('by default takes the post’s face count from its first image', () => {
    expect(postFaceStatus([1, 0, 3], 'first')).toBe('pass');
    expect(postFaceStatus([0, 1], 'first')).toBe('fail');
    expect(postFaceStatus([null, 1], 'first')).toBe('fail'); // unreadable first image
    expect(postFaceStatus([undefined, 1], 'first')).toBe('pending');
    expect(postFaceStatus([], 'first')).toBe('fail'); // a post without images
  });

  it('"any image": one image with exactly one face suffices', () => {
    expect(postFaceStatus([0, null, 1], 'any')).toBe('pass');
    expect(postFaceStatus([2, 0, null], 'any')).toBe('fail');
    expect(postFaceStatus([0, undefined], 'any')).toBe('pending');
    expect(postFaceStatus([undefined, 1], 'any')).toBe('pass');
  });

  it('"every image": all must have exactly one face', () => {
    expect(postFaceStatus([1, 1, 1], 'every')).toBe('pass');
    expect(postFaceStatus([1, 2], 'every')).toBe('fail');
    expect(postFaceStatus([1, null], 'every')).toBe('fail');
    expect(postFaceStatus([1, undefined], 'every')).toBe('pending');
    expect(postFaceStatus([undefined, 0], 'every')).toBe('fail');
  });

  it('lets an override win over the rule either way', () => {
    expect(postFaceStatus([0], 'first', 'keep')).toBe('pass');
    expect(postFaceStatus([], 'every', 'keep')).toBe('pass');
    expect(postFaceStatus([1], 'first', 'drop')).toBe('fail');
    expect(postFaceStatus([undefined], 'first', 'drop')).toBe('fail');
    expect(postPasses([1], 'first', null)).toBe(true);
    expect(postPasses([1], 'first', 'drop')).toBe(false);
  });
});
