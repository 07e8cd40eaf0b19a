import type { ImportedPost, ImportedProfile } from '../../../../shared/posts/imported-post';
import { extractHashtags } from '../../../../shared/posts/hashtags';
import { booleanCell, CellError, countCell, hashtagsCell, idCell, imagesCell, textCell, timestampCell } from './cell-values';
import type { RawRecord } from './record-source';

/** The columns of FORMATS.md §2, plus `shortcode` and `is_video`. Every other column goes to `extra`. */
export const manifestColumns = [
  'post_id',
  'image',
  'owner_id',
  'owner_name',
  'followers',
  'likes',
  'comments',
  'posted_at',
  'captured_at',
  'hashtags',
  'caption',
  'shortcode',
  'is_video',
] as const;

const known = new Set<string>(manifestColumns);

export interface ManifestRowContext {
  /** Absolute path of the manifest. */
  file: string;
  /** Folder that relative image paths are resolved against. */
  baseDir: string;
  /** ISO time for rows without captured_at. */
  defaultCapturedAt: string;
}

/** One manifest row -> one post observation. Throws CellError for a value that is present but wrong. */
export function recordToPost(record: RawRecord, line: number, context: ManifestRowContext): ImportedPost {
  const postId = idCell('post_id', record.get('post_id'));
  if (postId === undefined || postId === '') throw new CellError('post_id', record.get('post_id'), 'is empty; every row needs a post id');
  const isVideo = booleanCell('is_video', record.get('is_video')) ?? false;
  const caption = textCell('caption', record.get('caption'));
  const post: ImportedPost = {
    postId,
    hashtags: hashtagsCell('hashtags', record.get('hashtags')) ?? extractHashtags(caption),
    isVideo,
    images: imagesCell('image', record.get('image'), context.baseDir, isVideo),
    videos: [],
    snapshot: {
      capturedAt: timestampCell('captured_at', record.get('captured_at')) ?? context.defaultCapturedAt,
      likes: countCell('likes', record.get('likes')) ?? null,
      comments: countCell('comments', record.get('comments')) ?? null,
    },
    extra: {},
    origin: { file: context.file, line },
  };
  const shortcode = idCell('shortcode', record.get('shortcode'));
  if (shortcode !== undefined) post.shortcode = shortcode;
  const ownerId = idCell('owner_id', record.get('owner_id'));
  if (ownerId !== undefined) post.ownerId = ownerId;
  const ownerName = textCell('owner_name', record.get('owner_name'))?.trim();
  if (ownerName) post.ownerName = ownerName;
  const followers = countCell('followers', record.get('followers'));
  if (followers !== undefined) {
    post.followers = followers;
    post.followersSource = 'manifest';
  }
  const postedAt = timestampCell('posted_at', record.get('posted_at'));
  if (postedAt !== undefined) post.postedAt = postedAt;
  if (caption !== undefined) post.caption = caption;
  for (const [name, value] of record) {
    if (known.has(name)) continue;
    const text = extraText(value);
    if (text === undefined) continue;
    if (name !== '__proto__') post.extra[name] = text;
    // A column literally named "__proto__" must become a key, not replace the object's prototype.
    else Object.defineProperty(post.extra, name, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return post;
}

/** Extra columns are kept as text: CSV cells as written, JSON scalars as text, objects as JSON; null is dropped. */
function extraText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One followers-file row -> one profile. Throws CellError when it names no owner or has no follower count. */
export function recordToProfile(record: RawRecord, file: string): ImportedProfile {
  const ownerId = idCell('owner_id', record.get('owner_id'));
  const ownerName = textCell('owner_name', record.get('owner_name'))?.trim() || undefined;
  if (ownerId === undefined && ownerName === undefined) {
    throw new CellError(record.has('owner_id') ? 'owner_id' : 'owner_name', '', 'is empty; the row names no owner (owner_id or owner_name)');
  }
  const followers = countCell('followers', record.get('followers'));
  if (followers === undefined) throw new CellError('followers', record.get('followers') ?? '', 'is empty; a followers row needs a count');
  const profile: ImportedProfile = { followers, source: 'followers-file', file };
  if (ownerId !== undefined) profile.ownerId = ownerId;
  if (ownerName !== undefined) profile.ownerName = ownerName;
  return profile;
}
