import { seededRandom } from '../simulation/random';

/** One labeled image a rating session can draw from. */
export interface SampleCandidate {
  postId: string;
  ownerId: string | null;
  /** 1 good, -1 bad */
  label: number;
}

export interface BalancedSample {
  /** In the order they will be shown: shuffled, so good and bad images interleave unpredictably. */
  postIds: string[];
  good: number;
  bad: number;
  /** Why it is smaller than asked (or not balanced), or null. */
  note: string | null;
}

/** Fisher–Yates with a seeded generator: the same seed gives the same order on every machine. */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A seeded sample of `size` images, half good and half bad (an odd size gives the extra one to "good"). When a
 * class has too few images the sample keeps the balance and shrinks, rather than silently tilting: a rater who
 * answers "good" to everything must score 50%, whatever the split's class ratio.
 */
export function balancedSample(candidates: readonly SampleCandidate[], size: number, seed: number): BalancedSample {
  const random = seededRandom(seed);
  // Sort first so the sample does not depend on the order the label set happens to list its posts in.
  const sorted = [...candidates].sort((a, b) => (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
  const good = seededShuffle(
    sorted.filter((c) => c.label === 1),
    random,
  );
  const bad = seededShuffle(
    sorted.filter((c) => c.label === -1),
    random,
  );
  const wantGood = Math.ceil(size / 2);
  const wantBad = Math.floor(size / 2);
  const perClass = Math.min(good.length, bad.length);
  let takeGood = Math.min(wantGood, good.length);
  let takeBad = Math.min(wantBad, bad.length);
  let note: string | null = null;
  if (takeGood < wantGood || takeBad < wantBad) {
    takeGood = Math.min(takeGood, perClass);
    takeBad = Math.min(takeBad, perClass);
    note = `Asked for ${size} images; the split has ${good.length} good and ${bad.length} bad, so the balanced sample has ${takeGood + takeBad}.`;
  }
  const chosen = seededShuffle([...good.slice(0, takeGood), ...bad.slice(0, takeBad)], random);
  return { postIds: chosen.map((c) => c.postId), good: takeGood, bad: takeBad, note };
}

export interface PairSample {
  pairs: Array<[string, string]>;
  sameOwnerPairs: number;
  note: string | null;
}

/**
 * `count` pairs of distinct images for pairwise judgments. With `sameOwner`, pairs come from one owner's images
 * first (the popularity literature compares a person's own photos, which takes the person out of the judgment);
 * owners with a single image are paired across owners only when there are not enough same-owner pairs. Each pair
 * appears once (in either order); the left/right position is random, so a side preference cannot fake a ranking.
 */
export function pairSample(candidates: readonly SampleCandidate[], count: number, seed: number, sameOwner: boolean): PairSample {
  const random = seededRandom(seed);
  const sorted = [...candidates].sort((a, b) => (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  const add = (a: string, b: string): boolean => {
    if (a === b) return false;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) return false;
    seen.add(key);
    pairs.push(random() < 0.5 ? [a, b] : [b, a]);
    return true;
  };

  let sameOwnerPairs = 0;
  if (sameOwner) {
    const byOwner = new Map<string, string[]>();
    for (const c of sorted) {
      if (c.ownerId === null) continue;
      const list = byOwner.get(c.ownerId) ?? [];
      list.push(c.postId);
      byOwner.set(c.ownerId, list);
    }
    const ownerPairs: Array<[string, string]> = [];
    for (const ids of byOwner.values()) {
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) ownerPairs.push([ids[i]!, ids[j]!]);
    }
    for (const [a, b] of seededShuffle(ownerPairs, random)) {
      if (pairs.length >= count) break;
      if (add(a, b)) sameOwnerPairs++;
    }
  }

  const ids = sorted.map((c) => c.postId);
  const n = ids.length;
  const possible = (n * (n - 1)) / 2;
  let attempts = 0;
  while (pairs.length < count && seen.size < possible && attempts < count * 50) {
    attempts++;
    const a = ids[Math.floor(random() * n)]!;
    const b = ids[Math.floor(random() * n)]!;
    add(a, b);
  }

  const notes: string[] = [];
  if (pairs.length < count) notes.push(`Asked for ${count} pairs; ${n} images give ${pairs.length} distinct pairs.`);
  if (sameOwner && sameOwnerPairs < pairs.length) {
    notes.push(`${sameOwnerPairs} of ${pairs.length} pairs are of one owner's images; the rest pair different owners (too few owners with several images).`);
  }
  return { pairs, sameOwnerPairs, note: notes.length > 0 ? notes.join(' ') : null };
}
