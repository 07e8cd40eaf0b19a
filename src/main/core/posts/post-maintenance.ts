import type { ImportedProfile } from '../../../shared/posts/imported-post';
import type { PostTable } from './post-table';

/**
 * Marks posts that vanished between collections of the same target (FORMATS.md: "mark posts missing from a
 * later snapshot as deleted"): a post is deleted when its target has a collection captured later than every
 * collection of that target the post appears in. Recomputed from scratch, so it is the same whatever the import order.
 */
export function markDeleted(table: PostTable): number {
  const { collections, columns } = table.file;
  const collectionTime = collections.map((c) => (c.capturedAt ? Date.parse(c.capturedAt) : Number.NEGATIVE_INFINITY));
  const latestOfTarget = new Map<string, number>();
  for (const collection of collections) {
    const time = collectionTime[collection.index]!;
    latestOfTarget.set(collection.target, Math.max(latestOfTarget.get(collection.target) ?? Number.NEGATIVE_INFINITY, time));
  }
  let deleted = 0;
  for (let row = 0; row < table.count; row++) {
    const lastSeen = new Map<string, number>();
    for (const snapshot of columns.snapshots[row]!) {
      const collection = collections[snapshot[3]];
      if (!collection) continue;
      const time = collectionTime[collection.index]!;
      lastSeen.set(collection.target, Math.max(lastSeen.get(collection.target) ?? Number.NEGATIVE_INFINITY, time));
    }
    let gone = false;
    for (const [target, seen] of lastSeen) {
      if (seen < latestOfTarget.get(target)!) gone = true;
    }
    columns.deleted[row] = gone ? 1 : 0;
    if (gone) deleted++;
  }
  return deleted;
}

export interface FollowerJoin {
  filled: number;
  /** Posts still lacking a follower count after the join. */
  missing: number;
  /** The first few of them, for the report. */
  missingExamples: Array<{ id: string; ownerId: string | null; ownerName: string | null }>;
}

/** Gives posts without a follower count the one from a profile JSON or followers file, by owner id, then name. */
export function joinFollowers(table: PostTable, profiles: readonly ImportedProfile[], exampleLimit = 20): FollowerJoin {
  const byId = new Map<string, ImportedProfile>();
  const byName = new Map<string, ImportedProfile>();
  for (const profile of profiles) {
    if (profile.ownerId) byId.set(profile.ownerId, profile);
    if (profile.ownerName) byName.set(profile.ownerName.toLowerCase(), profile);
  }
  const { columns } = table.file;
  const result: FollowerJoin = { filled: 0, missing: 0, missingExamples: [] };
  for (let row = 0; row < table.count; row++) {
    if (columns.followers[row] !== null) continue;
    const ownerId = columns.ownerId[row]!;
    const ownerName = columns.ownerName[row]!;
    const profile = (ownerId ? byId.get(ownerId) : undefined) ?? (ownerName ? byName.get(ownerName.toLowerCase()) : undefined);
    if (profile && table.setFollowers(row, profile.followers, profile.source)) {
      result.filled++;
      if (!ownerId && profile.ownerId) columns.ownerId[row] = profile.ownerId;
      if (!ownerName && profile.ownerName) columns.ownerName[row] = profile.ownerName;
      continue;
    }
    result.missing++;
    if (result.missingExamples.length < exampleLimit) result.missingExamples.push({ id: columns.id[row]!, ownerId, ownerName });
  }
  return result;
}
