import { UnionFind } from '../union-find';
import { hammingDistance } from './dhash';

export interface DuplicateCandidate {
  id: string;
  /** Earlier posts come first: the earliest of a group is its original, the rest are reposts. */
  order: number;
  sha256: string | null;
  dhash: string | null;
}

export interface DuplicateMark {
  id: string;
  duplicateOf: string;
  kind: 'exact' | 'near';
}

/**
 * Groups images that are the same file (equal SHA-256) or look the same (dHash within `maxDistance` bits),
 * and marks every member but the earliest as a duplicate of it. Candidate pairs come from a band index
 * (pigeonhole: two 64-bit hashes within d bits agree exactly on at least one of d+1 bands), so this is
 * near-linear on real collections instead of comparing every pair.
 */
export function findDuplicates(candidates: readonly DuplicateCandidate[], maxDistance: number): DuplicateMark[] {
  const sets = new UnionFind(candidates.length);
  const find = (i: number) => sets.find(i);
  const union = (a: number, b: number) => sets.union(a, b);

  groupBy(candidates, (c) => c.sha256, union);
  // Identical dHashes are joined directly; the band index then only compares distinct hashes.
  const firstWithHash = groupBy(candidates, (c) => c.dhash, union);
  const hashes = [...firstWithHash.keys()];
  if (maxDistance > 0 && hashes.length > 1) {
    const bands = bandRanges(hashes[0]!.length, Math.min(maxDistance + 1, hashes[0]!.length));
    const compared = new Set<string>();
    for (const [start, end] of bands) {
      const buckets = new Map<string, number[]>();
      hashes.forEach((hash, index) => {
        const key = hash.slice(start, end);
        const bucket = buckets.get(key);
        if (bucket) bucket.push(index);
        else buckets.set(key, [index]);
      });
      for (const bucket of buckets.values()) {
        for (let i = 0; i < bucket.length; i++) {
          for (let j = i + 1; j < bucket.length; j++) {
            const a = bucket[i]!;
            const b = bucket[j]!;
            const pair = `${a}:${b}`;
            if (compared.has(pair)) continue;
            compared.add(pair);
            if (hammingDistance(hashes[a]!, hashes[b]!) <= maxDistance) {
              union(firstWithHash.get(hashes[a]!)!, firstWithHash.get(hashes[b]!)!);
            }
          }
        }
      }
    }
  }

  // The original of each group is its earliest member.
  const original = new Map<number, number>();
  candidates.forEach((candidate, index) => {
    const root = find(index);
    const current = original.get(root);
    if (current === undefined || candidate.order < candidates[current]!.order) original.set(root, index);
  });
  const marks: DuplicateMark[] = [];
  candidates.forEach((candidate, index) => {
    const first = original.get(find(index))!;
    if (first === index) return;
    const source = candidates[first]!;
    const exact = candidate.sha256 !== null && candidate.sha256 === source.sha256;
    marks.push({ id: candidate.id, duplicateOf: source.id, kind: exact ? 'exact' : 'near' });
  });
  return marks;
}

/** Joins all candidates sharing a key; returns key -> first candidate index. */
function groupBy(
  candidates: readonly DuplicateCandidate[],
  key: (candidate: DuplicateCandidate) => string | null,
  union: (a: number, b: number) => void,
): Map<string, number> {
  const first = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const value = key(candidate);
    if (value === null) return;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, index);
    else union(seen, index);
  });
  return first;
}

/** Splits `length` hex digits into `count` contiguous bands of near-equal size. */
export function bandRanges(length: number, count: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let band = 0; band < count; band++) {
    const size = Math.floor(length / count) + (band < length % count ? 1 : 0);
    ranges.push([start, start + size]);
    start += size;
  }
  return ranges;
}
