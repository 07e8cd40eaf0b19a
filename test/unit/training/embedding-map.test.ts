import { describe, expect, it } from 'vitest';
import { embeddingMapParams, projectOntoDominantSubspace, seededSample } from '../../../src/shared/training/embedding-map';

describe('the embedding map’s preparation', () => {
  it('draws a seeded, sorted sample of the points (all of them under the cap)', () => {
    const a = seededSample(1000, 50, 1);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(a.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(seededSample(1000, 50, 1)).toEqual(a);
    expect(seededSample(1000, 50, 2)).not.toEqual(a);
    expect(seededSample(3, 50, 1)).toEqual([0, 1, 2]);
  });

  it('keeps the distances of points lying in a low-dimensional subspace', async () => {
    // 40 points in 30 dimensions, lying in a 3-D subspace (plus an offset): projecting onto the dominant 3-D subspace
    // keeps every pairwise distance.
    const n = 40;
    const d = 30;
    const data = new Float32Array(n * d);
    const directions = [0, 1, 2].map((a) => Array.from({ length: d }, (_, j) => Math.sin((a + 1) * (j + 1) * 0.7)));
    for (let i = 0; i < n; i++) {
      const coefficients = [Math.cos(i), Math.sin(i * 1.3) * 2, (i % 7) - 3];
      for (let j = 0; j < d; j++) data[i * d + j] = 5 + coefficients.reduce((sum, c, a) => sum + c * directions[a]![j]!, 0);
    }
    let pauses = 0;
    const projected = await projectOntoDominantSubspace(data, n, d, 3, { seed: 4, pause: async () => void pauses++ });
    expect(projected).toHaveLength(n * 3);
    expect(pauses).toBeGreaterThan(0);
    const distance = (m: Float32Array, dim: number, a: number, b: number) => Math.hypot(...Array.from({ length: dim }, (_, j) => m[a * dim + j]! - m[b * dim + j]!));
    for (const [a, b] of [[0, 1], [3, 17], [5, 39], [12, 20]] as const) expect(distance(projected, 3, a, b)).toBeCloseTo(distance(data, d, a, b), 3);
    await expect(projectOntoDominantSubspace(data, n, d, 31)).rejects.toThrow(/k must be in 1\.\.30/);
    await expect(projectOntoDominantSubspace(data.subarray(1), n, d, 3)).rejects.toThrow(/1199 values for 40 × 30/);
  });

  it('validates its parameters', () => {
    expect(embeddingMapParams.parse({ run: 'r1' })).toEqual({ run: 'r1', cap: 5000, nNeighbors: 15, minDist: 0.1, projectTo: 50, seed: 1 });
    expect(embeddingMapParams.safeParse({ run: '../x' }).success).toBe(false);
    expect(embeddingMapParams.safeParse({ run: 'r1', cap: 5 }).success).toBe(false);
  });
});
