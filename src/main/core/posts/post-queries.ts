import type { PostColumnsPayload, PostDetail, PostRow, PostsSummary } from '../../../shared/posts/post-views';
import { ageAtCaptureDays, labeledSnapshot } from '../../../shared/posts/snapshots';
import { AppFailure } from '../../../shared/result';
import type { SnapshotTuple } from './posts-file';
import type { PostTable } from './post-table';

const dayMs = 86_400_000;

/** The snapshot a row is labeled with, straight from the tuples (hot path for 500k rows); see shared/posts/snapshots.ts. */
export function labeledTuple(postedAt: number | null, snapshots: readonly SnapshotTuple[], minDays: number): SnapshotTuple | null {
  if (postedAt === null) return null;
  let best: SnapshotTuple | null = null;
  for (const snapshot of snapshots) {
    const captured = snapshot[0];
    if (captured === null || captured - postedAt < minDays * dayMs) continue;
    if (best === null || captured < best[0]!) best = snapshot;
  }
  return best;
}

export function postColumns(table: PostTable, minDays: number): PostColumnsPayload {
  const c = table.file.columns;
  const n = table.count;
  const payload: PostColumnsPayload = {
    count: n,
    minDays,
    followers: c.followers,
    likes: new Array(n),
    comments: new Array(n),
    ageDays: new Array(n),
    hashtags: new Array(n),
    postedAt: c.postedAt,
    deleted: c.deleted,
    duplicate: new Array(n),
    isVideo: c.isVideo,
    snapshots: new Array(n),
  };
  for (let row = 0; row < n; row++) {
    const labeled = labeledTuple(c.postedAt[row]!, c.snapshots[row]!, minDays);
    payload.likes[row] = labeled ? labeled[1] : null;
    payload.comments[row] = labeled ? labeled[2] : null;
    payload.ageDays[row] = labeled ? (labeled[0]! - c.postedAt[row]!) / dayMs : null;
    const tags = c.hashtags[row]!;
    payload.hashtags[row] = tags === '' ? 0 : tags.split(' ').length;
    payload.duplicate[row] = c.duplicateKind[row] === 'exact' ? 1 : c.duplicateKind[row] === 'near' ? 2 : 0;
    payload.snapshots[row] = c.snapshots[row]!.length;
  }
  return payload;
}

export function postsSummary(table: PostTable, minDays: number): PostsSummary {
  const c = table.file.columns;
  const summary: PostsSummary = {
    count: table.count,
    deleted: 0,
    videos: 0,
    missingFollowers: 0,
    missingLabeledLikes: 0,
    duplicates: { exact: 0, near: 0 },
    imagesAnalysed: 0,
    imagesFailed: 0,
    imagesTotal: 0,
    collections: table.collections,
    minDays,
  };
  for (let row = 0; row < table.count; row++) {
    if (c.deleted[row]) summary.deleted++;
    if (c.isVideo[row]) summary.videos++;
    if (c.followers[row] === null) summary.missingFollowers++;
    const labeled = labeledTuple(c.postedAt[row]!, c.snapshots[row]!, minDays);
    if (!labeled || labeled[1] === null) summary.missingLabeledLikes++;
    const kind = c.duplicateKind[row];
    if (kind) summary.duplicates[kind]++;
    for (const image of c.images[row]!) {
      summary.imagesTotal++;
      if (image[4] !== null) summary.imagesAnalysed++;
      if (image[8] !== null) summary.imagesFailed++;
    }
  }
  return summary;
}

export function postRows(table: PostTable, rows: readonly number[], minDays: number): PostRow[] {
  const c = table.file.columns;
  return rows
    .filter((row) => row < table.count)
    .map((row) => {
      const labeled = labeledTuple(c.postedAt[row]!, c.snapshots[row]!, minDays);
      const first = c.images[row]![0];
      return {
        row,
        id: c.id[row]!,
        shortcode: c.shortcode[row]!,
        ownerId: c.ownerId[row]!,
        ownerName: c.ownerName[row]!,
        followers: c.followers[row]!,
        likes: labeled ? labeled[1] : null,
        comments: labeled ? labeled[2] : null,
        postedAt: c.postedAt[row] === null ? null : new Date(c.postedAt[row]!).toISOString(),
        ageDays: labeled ? (labeled[0]! - c.postedAt[row]!) / dayMs : null,
        hashtags: c.hashtags[row] ? c.hashtags[row]!.split(' ') : [],
        deleted: c.deleted[row] === 1,
        duplicateOf: c.duplicateOf[row]!,
        duplicateKind: c.duplicateKind[row]!,
        isVideo: c.isVideo[row] === 1,
        imageCount: c.images[row]!.length,
        imageError: first ? first[8] ?? (first[0] ? null : 'no local image') : 'no image',
        snapshotCount: c.snapshots[row]!.length,
      };
    });
}

export function postDetail(table: PostTable, id: string, minDays: number): PostDetail {
  const row = table.rowOf(id);
  if (row === undefined) throw new AppFailure('INVALID_INPUT', `No post with id "${id}" in this project.`, { id });
  const post = table.post(row);
  const labeled = labeledSnapshot(post.postedAt, post.snapshots, minDays);
  const used = new Set(post.snapshots.map((s) => s.collection));
  return { post, labeled, collections: table.collections.filter((c) => used.has(c.index)), minDays };
}

export { ageAtCaptureDays };
