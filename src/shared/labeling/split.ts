import { seededRandom, pick } from '../simulation/random';
import { UnionFind } from '../union-find';

export const splitCodes = { none: -1, train: 0, val: 1, test: 2 } as const;
export type SplitName = keyof typeof splitCodes;
export const splitNames = ['train', 'val', 'test'] as const;

export interface SplitFractions {
  train: number;
  val: number;
  test: number;
}

/**
 * Assigns whole owners to train/val/test, seeded and deterministic: posts of one owner never sit in two splits,
 * and posts linked as near-duplicates (reposts, possibly by other owners) are kept together too. Groups are
 * shuffled with the seed and each goes to the split furthest below its target share of posts.
 * `include[i]` false leaves post i out (split none), e.g. posts without a label.
 */
export function splitByOwner(options: {
  owners: ReadonlyArray<string | null>;
  /** Index of the post this one duplicates, or -1. */
  duplicateOf?: ArrayLike<number>;
  include: ArrayLike<boolean | number>;
  fractions: SplitFractions;
  seed: number;
}): Int8Array {
  const n = options.owners.length;
  const sets = new UnionFind(n);
  const find = (i: number) => sets.find(i);
  const union = (a: number, b: number) => sets.union(a, b);
  const firstOfOwner = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!options.include[i]) continue;
    const owner = options.owners[i] ?? `post:${i}`; // no owner known: the post is its own group
    const first = firstOfOwner.get(owner);
    if (first === undefined) firstOfOwner.set(owner, i);
    else union(first, i);
    const duplicate = options.duplicateOf?.[i] ?? -1;
    if (duplicate >= 0 && options.include[duplicate]) union(i, duplicate);
  }
  // Group key: the smallest owner name in the group, so the order does not depend on post order.
  const groups = new Map<number, { key: string; posts: number[] }>();
  for (let i = 0; i < n; i++) {
    if (!options.include[i]) continue;
    const root = find(i);
    const owner = options.owners[i] ?? `post:${i}`;
    const group = groups.get(root);
    if (!group) groups.set(root, { key: owner, posts: [i] });
    else {
      group.posts.push(i);
      if (owner < group.key) group.key = owner;
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const random = seededRandom(options.seed);
  for (let i = ordered.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
  }
  const total = ordered.reduce((sum, group) => sum + group.posts.length, 0);
  const sum = options.fractions.train + options.fractions.val + options.fractions.test;
  const targets = splitNames.map((name) => (options.fractions[name] / (sum || 1)) * total);
  const filled = [0, 0, 0];
  const splits = new Int8Array(n).fill(splitCodes.none);
  for (const group of ordered) {
    let best = -1;
    let bestDeficit = -Infinity;
    for (let s = 0; s < 3; s++) {
      if (targets[s]! <= 0) continue;
      const deficit = (targets[s]! - filled[s]!) / targets[s]!;
      if (deficit > bestDeficit) {
        bestDeficit = deficit;
        best = s;
      }
    }
    if (best < 0) best = 0;
    for (const post of group.posts) splits[post] = best;
    filled[best]! += group.posts.length;
  }
  return splits;
}
