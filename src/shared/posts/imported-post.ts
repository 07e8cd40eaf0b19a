/**
 * What a source reader (Instaloader folder, CSV/JSONL manifest) yields, before posts are merged into the
 * project. One ImportedPost is one observation of one post: importing day 0 and day 7 folders yields two
 * observations of the same postId, which the import merges into one post with two like snapshots.
 */

export interface ImportedSnapshot {
  /** ISO 8601; from the manifest's captured_at, --captured-at, or the metadata file's mtime. Null when unknown. */
  capturedAt: string | null;
  /** Null when missing or hidden (Instaloader's -1 / like_and_view_counts_disabled): never 0 in its place. */
  likes: number | null;
  comments: number | null;
}

export interface ImportedImage {
  /** Absolute local path, when the image is a file. */
  path?: string;
  /** http(s) URL, when it must be downloaded. */
  url?: string;
  /** Carousel position (1-based; 1 for single-image posts). */
  index: number;
  /** A video's thumbnail stands in for the video as an image. */
  kind: 'image' | 'video-thumbnail';
}

export type FollowersSource = 'embedded' | 'manifest' | 'profile' | 'followers-file';

export interface ImportedPost {
  /** The join key: the shortcode for Instaloader posts, post_id for manifests. Always a string (ids exceed 2^53). */
  postId: string;
  shortcode?: string;
  /** Instagram's numeric media id, as a string. */
  mediaId?: string;
  ownerId?: string;
  ownerName?: string;
  followers?: number;
  followersSource?: FollowersSource;
  /** ISO 8601 UTC. */
  postedAt?: string;
  caption?: string;
  /** Lower-case, without '#', distinct, in order of first appearance. */
  hashtags: string[];
  /** GraphImage / GraphSidecar / GraphVideo when known. */
  typename?: string;
  isVideo: boolean;
  images: ImportedImage[];
  /** Video files (recorded, never used as images). */
  videos: string[];
  snapshot: ImportedSnapshot;
  /** Columns the manifest has beyond FORMATS.md §2 (e.g. the simulator's true_quality), kept as text. */
  extra: Record<string, string>;
  /** Where this observation came from, for reports: the metadata file or manifest, and its line. */
  origin: { file: string; line?: number };
}

/** A follower count learned from a profile JSON, an `id` file + profile, or a followers CSV. */
export interface ImportedProfile {
  ownerId?: string;
  ownerName?: string;
  followers: number;
  source: FollowersSource;
  file: string;
}

export type ImportProblemCode =
  | 'BAD_ROW' // a manifest row that cannot be read (wrong type, missing post_id, unparseable date...)
  | 'MISSING_COLUMN' // a manifest lacks a required column (post_id)
  | 'CORRUPT_FILE' // a truncated .json.xz, invalid JSON, an unreadable image
  | 'NOT_INSTALOADER' // JSON that is not an Instaloader structure
  | 'MISSING_IMAGE' // metadata without its image file
  | 'ORPHAN_IMAGE' // an image without metadata
  | 'COLLISION' // two posts in the same second under the default filename pattern
  | 'DOWNLOAD_FAILED'
  | 'UNSUPPORTED'; // e.g. a format we recognise but do not read

export interface ImportProblem {
  severity: 'error' | 'warning';
  code: ImportProblemCode;
  file: string;
  line?: number;
  message: string;
}

/** Files a reader passed over on purpose (profile pictures, resume files, ...), with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** What readers stream, so a 500k-row manifest never has to sit in memory as one array of events. */
export type SourceEvent =
  | { type: 'post'; post: ImportedPost }
  | { type: 'profile'; profile: ImportedProfile }
  | { type: 'problem'; problem: ImportProblem }
  | { type: 'skipped'; skipped: SkippedFile }
  | { type: 'progress'; done: number; total: number };
