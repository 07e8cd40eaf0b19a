import { describe, expect, it } from 'vitest';
import { fitLinear } from '../../../src/shared/labeling/regression';
import { simulatePopulation } from '../../../src/shared/simulation/population';
import { normal, poisson, seededRandom } from '../../../src/shared/simulation/random';

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws normals and Poissons with the right moments', () => {
    const random = seededRandom(7);
    const normals = Array.from({ length: 20_000 }, () => normal(random, 2, 0.5));
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(0.5, 1);
    const counts = Array.from({ length: 20_000 }, () => poisson(random, 4));
    expect(counts.reduce((s, x) => s + x, 0) / counts.length).toBeCloseTo(4, 1);
    expect(poisson(random, 0)).toBe(0);
  });
});

describe('the population simulator', () => {
  it('gives the same population for the same seed', () => {
    const a = simulatePopulation({ posts: 300, owners: 50, seed: 9 });
    const b = simulatePopulation({ posts: 300, owners: 50, seed: 9 });
    expect(b.posts).toEqual(a.posts);
    expect(b.owners).toEqual(a.owners);
    expect(simulatePopulation({ posts: 300, owners: 50, seed: 10 }).posts[0]).not.toEqual(a.posts[0]);
  });

  it('follows its likes model: a regression recovers a, b, c on a large sample', () => {
    const population = simulatePopulation({ posts: 20_000, owners: 4000, seed: 1, a: 0.3, b: 0.8, c: 0.02, noiseSd: 0.1, qualitySd: 0.2 });
    const y = population.posts.map((p) => Math.log10(1 + p.likesDay7) - p.quality);
    const x1 = population.posts.map((p) => Math.log10(1 + population.owners[p.owner]!.followers));
    const x2 = population.posts.map((p) => p.hashtags.length);
    const fit = fitLinear(y, [x1, x2]);
    // Rounding likes to integers biases small counts a little; the coefficients still come back closely.
    expect(fit.coefficients[0]).toBeGreaterThan(0.75);
    expect(fit.coefficients[0]).toBeLessThan(0.85);
    expect(fit.coefficients[1]).toBeGreaterThan(0.01);
    expect(fit.coefficients[1]).toBeLessThan(0.03);
  });

  it('deletes about the given share, sees fewer likes on day 0, and places crawls around the post window', () => {
    const population = simulatePopulation({ posts: 10_000, owners: 1000, seed: 2, deletionRate: 0.117 });
    const deleted = population.posts.filter((p) => p.deleted).length / population.posts.length;
    expect(deleted).toBeGreaterThan(0.1);
    expect(deleted).toBeLessThan(0.135);
    expect(population.posts.every((p) => p.likesDay0 <= p.likesDay7)).toBe(true);
    expect(population.posts.every((p) => p.postedAt <= population.crawlDay0 && population.crawlDay7 - p.postedAt >= 7 * 86_400_000)).toBe(true);
    expect(population.posts.every((p) => p.hashtags[0] === 'selfie')).toBe(true);
    const followers = population.owners.map((o) => Math.log10(1 + o.followers));
    const mean = followers.reduce((s, x) => s + x, 0) / followers.length;
    expect(mean).toBeCloseTo(2.6, 1);
  });

  it('uses quality from the caller when given (the demo reads it off photo variants)', () => {
    const population = simulatePopulation({ posts: 10, owners: 3, seed: 1 }, (post) => post / 10);
    expect(population.posts.map((p) => p.quality)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });
});
