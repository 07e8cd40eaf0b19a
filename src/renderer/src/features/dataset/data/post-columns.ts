import type { PostColumnsPayload } from '../../../../../shared/posts/post-views';

/**
 * Every post's numbers as typed arrays, indexed by row (the project's post table order). Built once per load, so
 * sorting and filtering 500k posts never touches objects. Missing values are NaN.
 */
export interface PostColumns {
  count: number;
  /** A snapshot labels a post when captured at least this many days after posting. */
  minDays: number;
  followers: Float64Array;
  /** The labeled snapshot's likes (first captured ≥ minDays after posting). */
  likes: Float64Array;
  comments: Float64Array;
  /** The post's age in days when its labeled snapshot was captured. */
  ageDays: Float64Array;
  hashtags: Float64Array;
  /** Milliseconds since the epoch. */
  postedAt: Float64Array;
  /** (1 + likes) / (1 + followers): the study's popularity ratio, NaN when either is missing. */
  likesPerFollower: Float64Array;
  deleted: Uint8Array;
  /** 0 unique, 1 exact duplicate, 2 near duplicate of an earlier post. */
  duplicate: Uint8Array;
  isVideo: Uint8Array;
  snapshots: Int32Array;
}

function floats(values: ReadonlyArray<number | null>, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    const value = values[row];
    out[row] = value === null || value === undefined ? Number.NaN : value;
  }
  return out;
}

export function toPostColumns(payload: PostColumnsPayload): PostColumns {
  const n = payload.count;
  const followers = floats(payload.followers, n);
  const likes = floats(payload.likes, n);
  const likesPerFollower = new Float64Array(n);
  for (let row = 0; row < n; row++) likesPerFollower[row] = (1 + likes[row]!) / (1 + followers[row]!);
  return {
    count: n,
    minDays: payload.minDays,
    followers,
    likes,
    comments: floats(payload.comments, n),
    ageDays: floats(payload.ageDays, n),
    hashtags: floats(payload.hashtags, n),
    postedAt: floats(payload.postedAt, n),
    likesPerFollower,
    deleted: Uint8Array.from(payload.deleted),
    duplicate: Uint8Array.from(payload.duplicate),
    isVideo: Uint8Array.from(payload.isVideo),
    snapshots: Int32Array.from(payload.snapshots),
  };
}
