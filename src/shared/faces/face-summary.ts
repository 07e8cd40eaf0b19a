/** What the face filter's API methods answer (src/shared/api/contract.ts: faces.*). */
import type { PostDecisionCounts } from './face-columns';
import type { FaceBucketCounts, FaceRule, PostFaceStatus } from './face-rule';
import type { FaceDetectorName, FaceImageRecord, FaceOverride } from './face-types';

export interface FacesSummary {
  rule: FaceRule;
  /** Detections below this score were not stored. */
  storedMinScore: number;
  /** The detector of most detected images (null before the first run), with its version and backend. */
  detector: { name: FaceDetectorName; version: string; backend: string | null; images: number } | null;
  /** Images whose record is from another detector or version (after switching detector without re-running every image). */
  otherDetectorImages: number;
  /** Images by faces counted under the rule: none (0), one, many (2+), error, pending (not detected yet). */
  images: FaceBucketCounts & { total: number };
  /** Posts under the rule, its carousel rule and the overrides. */
  posts: PostDecisionCounts & { total: number };
  /** Images shown padded (no confident face as they were), and how many of those have a counted face only found padded. */
  padded: { retried: number; found: number };
}

export interface FaceImageView {
  postId: string;
  /** Post table row (as in posts.columns and posts.thumbnails). */
  row: number;
  imageIndex: number;
  /** The local file, and the URL it came from. */
  path: string | null;
  url: string | null;
  /** Null before detection. Boxes and landmarks are in the original image's pixels (upright). */
  record: FaceImageRecord | null;
  /** Faces counted under the rule (null: unreadable or not detected yet). */
  faces: number | null;
  /** Per detection of the record, in order: whether it counts under the rule. */
  counted: boolean[];
  override: FaceOverride | null;
  /** The post's status under the rule, the carousel rule and the override. */
  post: PostFaceStatus;
}

export interface FacePostDecision {
  postId: string;
  row: number;
  override: FaceOverride | null;
  status: PostFaceStatus;
}
