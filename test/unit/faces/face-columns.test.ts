import { describe, expect, it } from 'vitest';
import {
  countImageBuckets,
  countPostDecisions,
  imageFaceCounts,
  postStatuses,
  scoreHistogram,
  type FaceColumnsPayload,
} from '../../../src/shared/faces/face-columns';
import { defaultFaceRule, type FaceRule } from '../../../src/shared/faces/face-rule';

/**
 * Four posts, six images, as the Faces page receives them:
 *   post 0: a selfie (0.98, 20%) and a weak second detection (0.45, 15%)          -> 1 face
 *   post 1: a carousel: first image empty (0 detections), second a clear selfie     -> 0 then 1
 *   post 2: a couple (0.9, 12%) and (0.55, 4% - too small by default)               -> 1 face by default
 *   post 3: an unreadable image, and one not detected yet                            -> error, pending
 */
const columns: FaceColumnsPayload = {
  rule: defaultFaceRule,
  storedMinScore: 0.2,
  posts: 4,
  override: [0, 0, 0, 0],
  images: 6,
  postRow: [0, 1, 1, 2, 3, 3],
  imageIndex: [0, 0, 1, 0, 0, 1],
  width: [1080, 1080, 1080, 1920, 0, 1080],
  height: [1350, 1080, 1080, 1080, 0, 1080],
  status: [1, 1, 1, 1, 2, 0],
  detectionStart: [0, 2, 2, 3, 5, 5, 5],
  score: [0.98, 0.45, 0.93, 0.9, 0.55],
  relativeSize: [0.2, 0.15, 0.3, 0.12, 0.04],
};

const rule = (changes: Partial<FaceRule>): FaceRule => ({ ...defaultFaceRule, ...changes });

describe('recounting from columns while a slider moves', () => {
  it('counts faces per image under the default rule (-1 unreadable, -2 not detected)', () => {
    expect([...imageFaceCounts(columns, defaultFaceRule)]).toEqual([1, 0, 1, 1, -1, -2]);
    expect(countImageBuckets(columns, defaultFaceRule)).toEqual({ none: 1, one: 3, many: 0, error: 1, pending: 1 });
  });

  it('moves images between buckets as min score and min size change', () => {
    // Min score 0.4: post 0's weak detection counts too -> 2 faces.
    expect(countImageBuckets(columns, rule({ minScore: 0.4 }))).toEqual({ none: 1, one: 2, many: 1, error: 1, pending: 1 });
    // Min size 3%: the couple's small face counts -> 2 faces.
    expect([...imageFaceCounts(columns, rule({ minSize: 0.03 }))]).toEqual([1, 0, 1, 2, -1, -2]);
    // Min score 0.95: only the 0.98 selfie is left.
    expect(countImageBuckets(columns, rule({ minScore: 0.95 }))).toEqual({ none: 3, one: 1, many: 0, error: 1, pending: 1 });
  });

  it('decides posts with the carousel rule', () => {
    expect(postStatuses(columns, defaultFaceRule)).toEqual(['pass', 'fail', 'pass', 'fail']);
    expect(postStatuses(columns, rule({ carousel: 'any' }))).toEqual(['pass', 'pass', 'pass', 'pending']);
    expect(postStatuses(columns, rule({ carousel: 'every' }))).toEqual(['pass', 'fail', 'pass', 'fail']);
    expect(countPostDecisions(columns, defaultFaceRule)).toEqual({ pass: 2, fail: 2, pending: 0, kept: 0, dropped: 0 });
  });

  it('applies overrides: keep the carousel, drop the couple', () => {
    const overridden = { ...columns, override: [0, 1, 2, 0] as Array<0 | 1 | 2> };
    expect(postStatuses(overridden, defaultFaceRule)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(countPostDecisions(overridden, defaultFaceRule)).toEqual({ pass: 2, fail: 2, pending: 0, kept: 1, dropped: 1 });
  });

  it('histograms detection scores, optionally only faces big enough', () => {
    // 10 bins over [0, 1]: 0.45 -> bin 4, 0.55 -> 5, 0.9 -> 9, 0.93 -> 9, 0.98 -> 9.
    expect(scoreHistogram(columns, { bins: 10 })).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 3]);
    expect(scoreHistogram(columns, { bins: 10, minSize: 0.05 })).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 3]);
    // 4 bins over [0.2, 1] (width 0.2): 0.45 -> 1, 0.55 -> 1, 0.9/0.93/0.98 -> 3; a score of exactly 1 falls in the last bin.
    expect(scoreHistogram({ ...columns, score: [...columns.score, 1], relativeSize: [...columns.relativeSize, 0.5] }, { bins: 4, from: 0.2 })).toEqual([0, 2, 0, 4]);
  });
});
