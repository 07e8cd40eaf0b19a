import { describe, expect, it } from 'vitest';
import { continuumEnd, continuumOrder, continuumSample } from '../../../src/shared/training/continuum';

const predictions = {
  postId: ['a', 'b', 'c', 'd', 'e', 'f'],
  split: [1, 1, 0, 1, 1, 2],
  label: [1, -1, 1, 0, -1, 1],
  pGood: [0.4, 0.9, 0.99, 0.4, Number.NaN, 0.1],
};

describe('the best-to-worst continuum', () => {
  it('orders a split by p(good), highest first, ties by post id, leaving out what was not predicted', () => {
    expect(continuumOrder(predictions, 1)).toEqual([
      { postId: 'b', pGood: 0.9, label: -1, rank: 0 },
      { postId: 'a', pGood: 0.4, label: 1, rank: 1 },
      { postId: 'd', pGood: 0.4, label: 0, rank: 2 },
    ]);
    expect(continuumOrder(predictions, 'all').map((item) => item.postId)).toEqual(['c', 'b', 'a', 'd', 'f']);
    expect(continuumOrder(predictions, 2).map((item) => item.postId)).toEqual(['f']);
  });

  it('samples evenly along the order, keeping both ends', () => {
    const ordered = Array.from({ length: 10 }, (_, i) => i);
    expect(continuumSample(ordered, 4)).toEqual([0, 3, 6, 9]);
    expect(continuumSample(ordered, 10)).toEqual(ordered);
    expect(continuumSample(ordered.slice(0, 3), 5)).toEqual([0, 1, 2]);
    expect(() => continuumSample(ordered, 1)).toThrow(/max must be an integer ≥ 2/);
  });

  it('splits the order into thirds: best, middle, worst', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((rank) => continuumEnd(rank, 7))).toEqual(['best', 'best', 'middle', 'middle', 'middle', 'worst', 'worst']);
    expect(continuumEnd(0, 1)).toBe('best');
    expect(() => continuumEnd(3, 3)).toThrow(/rank 3 of 3/);
  });
});
