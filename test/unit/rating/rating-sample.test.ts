import { describe, expect, it } from 'vitest';
import { balancedSample, pairSample, type SampleCandidate } from '../../../src/shared/rating/rating-sample';

function candidates(good: number, bad: number, owners = 10): SampleCandidate[] {
  const out: SampleCandidate[] = [];
  for (let i = 0; i < good + bad; i++) out.push({ postId: `p${String(i).padStart(4, '0')}`, ownerId: `o${i % owners}`, label: i < good ? 1 : -1 });
  return out;
}

describe('a balanced rating sample', () => {
  it('takes half good and half bad, shuffled, the same for the same seed whatever the input order', () => {
    const pool = candidates(70, 30);
    const a = balancedSample(pool, 20, 7);
    const b = balancedSample([...pool].reverse(), 20, 7);
    expect(a.postIds).toEqual(b.postIds);
    expect(a).toMatchObject({ good: 10, bad: 10, note: null });
    const labels = a.postIds.map((id) => pool.find((c) => c.postId === id)!.label);
    expect(labels.filter((l) => l === 1)).toHaveLength(10);
    // Shuffled: not all the good ones first.
    expect(labels.slice(0, 10).every((l) => l === 1)).toBe(false);
    expect(new Set(a.postIds).size).toBe(20);
    expect(balancedSample(pool, 20, 8).postIds).not.toEqual(a.postIds);
  });

  it('shrinks to stay balanced when a class runs short, and says so', () => {
    const sample = balancedSample(candidates(40, 6), 30, 1);
    expect(sample).toMatchObject({ good: 6, bad: 6 });
    expect(sample.postIds).toHaveLength(12);
    expect(sample.note).toBe('Asked for 30 images; the split has 40 good and 6 bad, so the balanced sample has 12.');
  });

  it('gives the extra image of an odd size to "good"', () => {
    expect(balancedSample(candidates(10, 10), 7, 3)).toMatchObject({ good: 4, bad: 3 });
  });
});

describe('pairs for pairwise judgments', () => {
  it('pairs one owner’s images first, each pair once, sides random', () => {
    const pool = candidates(30, 30, 6); // 6 owners with 10 images each: 270 same-owner pairs
    const { pairs, sameOwnerPairs, note } = pairSample(pool, 50, 4, true);
    expect(pairs).toHaveLength(50);
    expect(sameOwnerPairs).toBe(50);
    expect(note).toBeNull();
    const owner = new Map(pool.map((c) => [c.postId, c.ownerId]));
    for (const [a, b] of pairs) expect(owner.get(a)).toBe(owner.get(b));
    const keys = new Set(pairs.map(([a, b]) => [a, b].sort().join('|')));
    expect(keys.size).toBe(50);
    const leftIsSmaller = pairs.filter(([a, b]) => a < b).length;
    expect(leftIsSmaller).toBeGreaterThan(10);
    expect(leftIsSmaller).toBeLessThan(40);
  });

  it('falls back to pairs across owners, and stops at the number of distinct pairs', () => {
    const singles = candidates(3, 2, 5); // 5 owners with one image each
    const few = pairSample(singles, 30, 1, true);
    expect(few.pairs).toHaveLength(10);
    expect(few.sameOwnerPairs).toBe(0);
    expect(few.note).toContain('Asked for 30 pairs; 5 images give 10 distinct pairs.');
    expect(few.note).toContain('0 of 10 pairs are of one owner');
  });
});
