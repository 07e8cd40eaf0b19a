/** What the Dataset explorer receives: numeric columns for every post, and rows/details on demand. */
import type { Collection, LikeSnapshot, Post } from './post-types';

export interface PostsSummary {
  count: number;
  deleted: number;
  videos: number;
  /** Posts without a follower count. */
  missingFollowers: number;
  /** Posts without a like count captured at least `minDays` after posting (the labeled snapshot). */
  missingLabeledLikes: number;
  duplicates: { exact: number; near: number };
  imagesAnalysed: number;
  imagesFailed: number;
  imagesTotal: number;
  collections: Collection[];
  minDays: number;
}

/**
 * One entry per post, by row. Missing values are null. `likes`/`comments` are the labeled snapshot's
 * (first captured ≥ minDays after posting); `ageDays` is the post's age at that capture.
 */
export interface PostColumnsPayload {
  count: number;
  minDays: number;
  followers: Array<number | null>;
  likes: Array<number | null>;
  comments: Array<number | null>;
  ageDays: Array<number | null>;
  hashtags: number[];
  postedAt: Array<number | null>;
  deleted: Array<0 | 1>;
  /** 0 unique, 1 exact duplicate, 2 near duplicate of an earlier post. */
  duplicate: Array<0 | 1 | 2>;
  isVideo: Array<0 | 1>;
  snapshots: number[];
}

export interface PostRow {
  row: number;
  id: string;
  shortcode: string | null;
  ownerId: string | null;
  ownerName: string | null;
  followers: number | null;
  likes: number | null;
  comments: number | null;
  postedAt: string | null;
  ageDays: number | null;
  hashtags: string[];
  deleted: boolean;
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  isVideo: boolean;
  imageCount: number;
  /** Why the first image cannot be shown, if it cannot. */
  imageError: string | null;
  snapshotCount: number;
}

export interface PostDetail {
  post: Post;
  /** The snapshot the post is labeled with, or null when none qualifies. */
  labeled: LikeSnapshot | null;
  /** Collections its snapshots came from. */
  collections: Collection[];
  minDays: number;
}
