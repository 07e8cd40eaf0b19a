/** Posts as the project stores them, after merging every imported observation. */
import type { FollowersSource } from './imported-post';

/** One import source: a folder or a manifest, i.e. one collection of a target (hashtag, profile, manifest). */
export interface Collection {
  /** Stable id within the project (index in the collections list). */
  index: number;
  kind: 'instaloader' | 'csv' | 'jsonl';
  /** What was collected: '#selfie', a profile name, or a manifest's --target (default: its file stem). */
  target: string;
  /** Absolute path that was imported. */
  path: string;
  importedAt: string;
  /** When the collection was captured: --captured-at, or the earliest snapshot time seen in it. */
  capturedAt: string | null;
}

export interface LikeSnapshot {
  capturedAt: string | null;
  likes: number | null;
  comments: number | null;
  /** Collection index it came from. */
  collection: number;
}

export interface PostImage {
  path: string | null;
  url: string | null;
  index: number;
  kind: 'image' | 'video-thumbnail';
  /** Filled by image analysis: */
  sha256?: string;
  /** 64-bit difference hash, 16 hex digits. */
  dhash?: string;
  width?: number;
  height?: number;
  /** Why the image could not be read (missing, corrupt, download failed). */
  error?: string;
}

export interface Post {
  /** Row index in the project's post table (stable while the project is open). */
  row: number;
  id: string;
  shortcode: string | null;
  mediaId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  followers: number | null;
  followersSource: FollowersSource | null;
  postedAt: string | null;
  caption: string | null;
  hashtags: string[];
  typename: string | null;
  isVideo: boolean;
  images: PostImage[];
  videos: string[];
  /** Sorted by capture time (unknown times last). */
  snapshots: LikeSnapshot[];
  /** Missing from a later collection of the same target. */
  deleted: boolean;
  /** Exact (same bytes) or near (dHash) duplicate of an earlier post: flagged, never removed. */
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  extra: Record<string, string>;
  origin: { file: string; line: number | null };
}
