import { labeledSnapshot } from '../../../shared/posts/snapshots';
import type { PostTable } from '../posts/post-table';
import type { Cell } from './table-writer';

/** The columns of `selfie-lab export posts` (issue: at least these), then any extra manifest columns. */
export const postExportColumns = [
  'post_id', 'shortcode', 'owner_id', 'owner_name', 'followers', 'likes', 'comments', 'posted_at', 'captured_at',
  'n_snapshots', 'deleted', 'n_hashtags', 'hashtags', 'n_images', 'image', 'is_video', 'duplicate_of', 'duplicate_kind',
] as const;

export function extraColumnNames(table: PostTable): string[] {
  const names = new Set<string>();
  for (const extra of table.file.columns.extra) if (extra) for (const key of Object.keys(extra)) names.add(key);
  return [...names].sort();
}

/** One row per post: likes/comments/captured_at are those of the labeled snapshot (first ≥ minDays after posting). */
export function* postExportRows(table: PostTable, minDays: number, extras: readonly string[]): Generator<Cell[]> {
  for (let row = 0; row < table.count; row++) {
    const post = table.post(row);
    const labeled = labeledSnapshot(post.postedAt, post.snapshots, minDays);
    const first = post.images[0];
    yield [
      post.id,
      post.shortcode,
      post.ownerId,
      post.ownerName,
      post.followers,
      labeled?.likes ?? null,
      labeled?.comments ?? null,
      post.postedAt,
      labeled?.capturedAt ?? null,
      post.snapshots.length,
      post.deleted,
      post.hashtags.length,
      post.hashtags.join(' '),
      post.images.length,
      first?.path ?? first?.url ?? null,
      post.isVideo,
      post.duplicateOf,
      post.duplicateKind,
      ...extras.map((name) => post.extra[name] ?? null),
    ];
  }
}
