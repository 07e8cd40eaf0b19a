import { describe, expect, it } from 'vitest';
import { compareLabels, scoreAgainstTruth } from '../../../src/shared/labeling/agreement';
import { splitByOwner } from '../../../src/shared/labeling/split';

describe('splitting by owner', () => {
  const owners = Array.from({ length: 400 }, (_, i) => `owner${i % 80}`);
  const include = owners.map(() => true);

  it('never puts one owner in two splits, and hits the fractions by post count', () => {
    const splits = splitByOwner({ owners, include, fractions: { train: 0.75, val: 0.25, test: 0 }, seed: 1 });
    const byOwner = new Map<string, Set<number>>();
    owners.forEach((owner, i) => byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(splits[i]!)));
    for (const set of byOwner.values()) expect(set.size).toBe(1);
    const train = Array.from(splits).filter((s) => s === 0).length;
    expect(train).toBe(300);
    expect(Array.from(splits).filter((s) => s === 2)).toHaveLength(0);
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = splitByOwner({ owners, include, fractions: { train: 0.6, val: 0.2, test: 0.2 }, seed: 7 });
    const b = splitByOwner({ owners: [...owners], include, fractions: { train: 0.6, val: 0.2, test: 0.2 }, seed: 7 });
    const c = splitByOwner({ owners, include, fractions: { train: 0.6, val: 0.2, test: 0.2 }, seed: 8 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('keeps a repost with its original even across owners, and leaves excluded posts out', () => {
    const splits = splitByOwner({
      owners: ['ann', 'bob', 'cat', 'dan', 'eve', 'fay'],
      duplicateOf: [-1, 0, -1, -1, -1, -1], // bob's post reposts ann's
      include: [true, true, true, true, true, false],
      fractions: { train: 0.5, val: 0.5, test: 0 },
      seed: 3,
    });
    expect(splits[1]).toBe(splits[0]);
    expect(splits[5]).toBe(-1);
  });

  it('puts a single owner wholly in one split', () => {
    const splits = splitByOwner({ owners: ['solo', 'solo', 'solo'], include: [1, 1, 1], fractions: { train: 0.75, val: 0.25, test: 0 }, seed: 1 });
    expect(new Set(splits).size).toBe(1);
  });
});

describe('comparing labels', () => {
  it('counts labeled posts, shared ones, flips and agreement', () => {
    expect(compareLabels([1, 1, -1, 0, -1, 1], [1, -1, -1, 1, 0, 0])).toEqual({ labeledByA: 5, labeledByB: 4, both: 3, flips: 1, agreement: 2 / 3 });
    expect(compareLabels([0, 1], [1, 0]).agreement).toBeNull();
  });

  it('scores labels against the latent truth around the median', () => {
    // q: median of [0.1, 0.2, 0.3, 0.4, NaN] is 0.25.
    const score = scoreAgainstTruth([1, -1, 1, -1, 1], [0.4, 0.1, 0.2, 0.3, Number.NaN]);
    expect(score).toMatchObject({ n: 4, accuracy: 0.5, medianQuality: 0.25 });
    expect(score.meanQualityGood).toBeCloseTo(0.3);
    expect(score.meanQualityBad).toBeCloseTo(0.2);
    expect(scoreAgainstTruth([1], [Number.NaN]).accuracy).toBeNull();
  });
});
