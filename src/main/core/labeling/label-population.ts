import type { LabelRuleParams } from '../../../shared/labeling/label-set';
import type { PostTable } from '../posts/post-table';
import { labeledTuple } from '../posts/post-queries';

const dayMs = 86_400_000;

/** The posts a rule labels, by column (indices into these arrays are "population positions"). */
export interface LabelPopulation {
  /** Post table row of each population post. */
  rows: Uint32Array;
  ids: string[];
  owners: Array<string | null>;
  likes: Float64Array;
  followers: Float64Array;
  hashtags: Float64Array;
  /** Simulated latent quality (extra column true_quality), NaN when unknown. */
  quality: Float64Array;
  /** Population position of the post this one reposts, or -1. */
  duplicateOf: Int32Array;
  /** Why the other posts were left out, with counts. */
  excluded: Record<string, number>;
}

/** Face-rule verdict per post row: true pass, false fail, null when no detection exists yet. */
export type FacePass = (row: number) => boolean | null;

/**
 * Population (issue "Labeling lab"): posts with a labeled like count and followers, not deleted, not videos,
 * passing the face rule (unless faces: ignore), within the optional follower/hashtag/age filters.
 */
export function labelPopulation(table: PostTable, params: LabelRuleParams, minDays: number, facePass: FacePass | null): LabelPopulation {
  const c = table.file.columns;
  const excluded: Record<string, number> = {};
  const out = (reason: string) => {
    excluded[reason] = (excluded[reason] ?? 0) + 1;
  };
  const rows: number[] = [];
  const likes: number[] = [];
  const hashtagCounts: number[] = [];
  for (let row = 0; row < table.count; row++) {
    if (c.deleted[row]) {
      out('deleted before a later snapshot');
      continue;
    }
    if (c.isVideo[row]) {
      out('video');
      continue;
    }
    const snapshot = labeledTuple(c.postedAt[row]!, c.snapshots[row]!, minDays);
    if (!snapshot || snapshot[1] === null) {
      out(`no like count captured ≥ ${minDays} days after posting`);
      continue;
    }
    const followers = c.followers[row];
    if (followers === null || followers === undefined) {
      out('no follower count');
      continue;
    }
    if (params.minFollowers !== undefined && followers < params.minFollowers) {
      out('fewer followers than the minimum');
      continue;
    }
    if (params.maxFollowers !== undefined && followers > params.maxFollowers) {
      out('more followers than the maximum');
      continue;
    }
    const tags = c.hashtags[row] ? c.hashtags[row]!.split(' ').length : 0;
    if (params.maxHashtags !== undefined && tags > params.maxHashtags) {
      out('more hashtags than the maximum');
      continue;
    }
    if (params.minAgeDays !== undefined && (snapshot[0]! - c.postedAt[row]!) / dayMs < params.minAgeDays) {
      out('younger than the minimum age at capture');
      continue;
    }
    if (params.faces === 'required') {
      const verdict = facePass ? facePass(row) : null;
      if (verdict === null) {
        out('faces not detected yet');
        continue;
      }
      if (!verdict) {
        out('does not pass the face rule');
        continue;
      }
    }
    rows.push(row);
    likes.push(snapshot[1]);
    hashtagCounts.push(tags);
  }
  const n = rows.length;
  const population: LabelPopulation = {
    rows: Uint32Array.from(rows),
    ids: rows.map((row) => c.id[row]!),
    owners: rows.map((row) => c.ownerId[row] ?? c.ownerName[row] ?? null),
    likes: Float64Array.from(likes),
    followers: Float64Array.from(rows, (row) => c.followers[row]!),
    hashtags: Float64Array.from(hashtagCounts),
    quality: Float64Array.from(rows, (row) => {
      const value = c.extra[row]?.true_quality;
      return value === undefined ? Number.NaN : Number(value);
    }),
    duplicateOf: new Int32Array(n).fill(-1),
    excluded,
  };
  const position = new Map(population.ids.map((id, i) => [id, i]));
  rows.forEach((row, i) => {
    const original = c.duplicateOf[row];
    if (original) population.duplicateOf[i] = position.get(original) ?? -1;
  });
  return population;
}
