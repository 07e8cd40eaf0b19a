import { describe, expect, it } from 'vitest';
import type { LikeSnapshot } from '../../../src/shared/posts/post-types';
import { ageAtCaptureDays, labeledSnapshot, sortSnapshots } from '../../../src/shared/posts/snapshots';

const posted = '2015-10-01T12:00:00.000Z';
const at = (days: number, likes: number, collection = 0): LikeSnapshot => ({
  capturedAt: new Date(Date.parse(posted) + days * 86_400_000).toISOString(),
  likes,
  comments: 0,
  collection,
});

describe('the labeled like count', () => {
  it('is the first snapshot captured at least minDays after posting', () => {
    expect(labeledSnapshot(posted, [at(0.5, 10), at(8, 80), at(7.5, 75)], 7)?.likes).toBe(75);
  });

  it('counts exactly minDays as old enough', () => {
    expect(labeledSnapshot(posted, [at(7, 70)], 7)?.likes).toBe(70);
    expect(labeledSnapshot(posted, [at(6.999, 69)], 7)).toBeNull();
  });

  it('is never silently the earliest: too-young snapshots give no label', () => {
    expect(labeledSnapshot(posted, [at(0, 1), at(2, 20)], 7)).toBeNull();
  });

  it('ignores snapshots or posts without a time', () => {
    expect(labeledSnapshot(posted, [{ capturedAt: null, likes: 5, comments: 0, collection: 0 }], 7)).toBeNull();
    expect(labeledSnapshot(null, [at(9, 90)], 7)).toBeNull();
    expect(labeledSnapshot(posted, [at(9, 90)], 0)?.likes).toBe(90);
  });

  it('keeps hidden likes (null) as null rather than skipping to another snapshot', () => {
    expect(labeledSnapshot(posted, [{ ...at(7, 0), likes: null }, at(9, 90)], 7)?.likes).toBeNull();
  });

  it('computes ages and orders snapshots with unknown times last', () => {
    expect(ageAtCaptureDays(posted, at(7.25, 1).capturedAt)).toBeCloseTo(7.25);
    expect(ageAtCaptureDays(null, at(1, 1).capturedAt)).toBeNull();
    const unknown = { capturedAt: null, likes: 1, comments: null, collection: 2 };
    expect(sortSnapshots([unknown, at(8, 2), at(1, 3)]).map((s) => s.likes)).toEqual([3, 2, 1]);
  });
});
