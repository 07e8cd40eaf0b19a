/**
 * Seeded randomness for training: every random choice (shuffling, dropout masks, augmentation, shuffled labels)
 * is derived from the run's seed and where it is used (epoch, batch), never from a running stream, so a run resumed
 * from a checkpoint draws exactly what an uninterrupted run would have.
 */
import { seededRandom } from '../simulation/random';

/** A 31-bit seed from the run's seed and a position (e.g. epoch, batch), well mixed (murmur3's finaliser). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) & 0x7fffffff;
}

/** The numbers 0..n−1 in a seeded random order (Fisher–Yates). */
export function seededPermutation(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** The sanity check's labels: the same labels, shuffled among the posts (so class balance is kept, the link to images is not). */
export function shuffledLabels<T>(labels: readonly T[], seed: number): T[] {
  const order = seededPermutation(labels.length, mixSeed(seed, 0x5eed));
  return Array.from(order, (i) => labels[i]!);
}

/**
 * An inverted-dropout mask [rows × cols]: each entry 0 with probability `rate`, else 1 / (1 − rate), from the seed.
 * mulberry32 inlined, each 32-bit draw deciding two entries by its 16-bit halves (the rate is thereby rounded to a
 * multiple of 1/65536): ~5× faster than tfjs' seeded randomUniform, which draws in JavaScript on every backend, and it
 * runs once per training batch.
 */
export function dropoutMask(rows: number, cols: number, rate: number, seed: number): Float32Array {
  const mask = new Float32Array(rows * cols);
  const keep = 1 / (1 - rate);
  const threshold = Math.round(rate * 65536);
  let state = seed >>> 0;
  for (let i = 0; i < mask.length; i += 2) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    t = (t ^ (t >>> 14)) >>> 0;
    mask[i] = (t & 0xffff) < threshold ? 0 : keep;
    if (i + 1 < mask.length) mask[i + 1] = t >>> 16 < threshold ? 0 : keep;
  }
  return mask;
}
