import type { ImportedPost } from '../../../shared/posts/imported-post';
import type { Collection, LikeSnapshot, Post, PostImage } from '../../../shared/posts/post-types';
import type { ImageTuple, PostsFile, SnapshotTuple } from './posts-file';
import { columnNames } from './posts-file';

export type MergeOutcome = 'imported' | 'updated' | 'unchanged';

const toMs = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};
const toIso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The project's posts, held as the columns of posts.json. Rows are appended, never reordered, so a row
 * index identifies a post while the project is open. Merging an observation of a known post adds a like
 * snapshot; identical observations (a re-import of the same folder) change nothing.
 */
export class PostTable {
  private idIndex: Map<string, number> | null = null;
  private fileIndex: Map<string, number> | null = null;

  constructor(readonly file: PostsFile) {}

  get count(): number {
    return this.file.columns.id.length;
  }

  get collections(): Collection[] {
    return this.file.collections;
  }

  rowOf(id: string): number | undefined {
    return this.ids().get(id);
  }

  /** Finds or adds the collection for (kind, path); a re-import of the same path reuses it. */
  collectionFor(kind: Collection['kind'], path: string, target: string, capturedAt: string | null, now: Date): Collection {
    const existing = this.file.collections.find((c) => c.kind === kind && c.path === path);
    if (existing) {
      existing.importedAt = now.toISOString();
      if (capturedAt) existing.capturedAt = capturedAt;
      return existing;
    }
    const collection: Collection = { index: this.file.collections.length, kind, target, path, importedAt: now.toISOString(), capturedAt };
    this.file.collections.push(collection);
    return collection;
  }

  merge(observation: ImportedPost, collection: number): MergeOutcome {
    const row = this.rowOf(observation.postId);
    const snapshot: SnapshotTuple = [toMs(observation.snapshot.capturedAt), observation.snapshot.likes, observation.snapshot.comments, collection];
    if (row === undefined) {
      this.append(observation, snapshot);
      return 'imported';
    }
    const c = this.file.columns;
    let changed = this.fillMissing(row, observation);
    const snapshots = c.snapshots[row]!;
    const duplicate = snapshots.some((s) => s[0] === snapshot[0] && s[1] === snapshot[1] && s[2] === snapshot[2] && s[3] === snapshot[3]);
    if (!duplicate) {
      // The same capture of the same collection with new numbers replaces the old ones (a re-downloaded folder).
      const sameCapture = snapshots.findIndex((s) => s[0] === snapshot[0] && s[3] === snapshot[3]);
      if (sameCapture >= 0) snapshots[sameCapture] = snapshot;
      else snapshots.push(snapshot);
      snapshots.sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity));
      changed = true;
    }
    return changed ? 'updated' : 'unchanged';
  }

  /** Fills fields the post lacks from a later observation; returns whether anything changed. */
  private fillMissing(row: number, o: ImportedPost): boolean {
    const c = this.file.columns;
    let changed = false;
    const fill = <K extends 'shortcode' | 'mediaId' | 'ownerId' | 'ownerName' | 'caption' | 'typename'>(column: K, value: string | undefined) => {
      if (value !== undefined && c[column][row] === null) {
        c[column][row] = value;
        changed = true;
      }
    };
    fill('shortcode', o.shortcode);
    fill('mediaId', o.mediaId);
    fill('ownerId', o.ownerId);
    fill('ownerName', o.ownerName);
    fill('caption', o.caption);
    fill('typename', o.typename);
    if (c.followers[row] === null && o.followers !== undefined) {
      c.followers[row] = o.followers;
      c.followersSource[row] = o.followersSource ?? null;
      changed = true;
    }
    if (c.postedAt[row] === null && o.postedAt) {
      c.postedAt[row] = toMs(o.postedAt);
      changed = true;
    }
    if (c.hashtags[row] === '' && o.hashtags.length > 0) {
      c.hashtags[row] = o.hashtags.join(' ');
      changed = true;
    }
    if (c.images[row]!.length === 0 && o.images.length > 0) {
      c.images[row] = o.images.map(imageTuple);
      changed = true;
    }
    if (Object.keys(o.extra).length > 0) {
      const extra = (c.extra[row] ??= {});
      for (const [key, value] of Object.entries(o.extra)) {
        if (extra[key] === undefined) {
          extra[key] = value;
          changed = true;
        }
      }
    }
    return changed;
  }

  private append(o: ImportedPost, snapshot: SnapshotTuple): void {
    const c = this.file.columns;
    const row = c.id.length;
    c.id.push(o.postId);
    c.shortcode.push(o.shortcode ?? null);
    c.mediaId.push(o.mediaId ?? null);
    c.ownerId.push(o.ownerId ?? null);
    c.ownerName.push(o.ownerName ?? null);
    c.followers.push(o.followers ?? null);
    c.followersSource.push(o.followers === undefined ? null : (o.followersSource ?? null));
    c.postedAt.push(toMs(o.postedAt));
    c.caption.push(o.caption ?? null);
    c.hashtags.push(o.hashtags.join(' '));
    c.typename.push(o.typename ?? null);
    c.isVideo.push(o.isVideo ? 1 : 0);
    c.images.push(o.images.map(imageTuple));
    c.videos.push(o.videos.length > 0 ? [...o.videos] : null);
    c.snapshots.push([snapshot]);
    c.deleted.push(0);
    c.duplicateOf.push(null);
    c.duplicateKind.push(null);
    c.extra.push(Object.keys(o.extra).length > 0 ? { ...o.extra } : null);
    c.originFile.push(this.fileNumber(o.origin.file));
    c.originLine.push(o.origin.line ?? null);
    this.ids().set(o.postId, row);
  }

  /** Sets followers where a post has none; returns whether it did. */
  setFollowers(row: number, followers: number, source: string): boolean {
    const c = this.file.columns;
    if (c.followers[row] !== null) return false;
    c.followers[row] = followers;
    c.followersSource[row] = source;
    return true;
  }

  post(row: number): Post {
    const c = this.file.columns;
    return {
      row,
      id: c.id[row]!,
      shortcode: c.shortcode[row]!,
      mediaId: c.mediaId[row]!,
      ownerId: c.ownerId[row]!,
      ownerName: c.ownerName[row]!,
      followers: c.followers[row]!,
      followersSource: c.followersSource[row] as Post['followersSource'],
      postedAt: toIso(c.postedAt[row]!),
      caption: c.caption[row]!,
      hashtags: c.hashtags[row] ? c.hashtags[row]!.split(' ') : [],
      typename: c.typename[row]!,
      isVideo: c.isVideo[row] === 1,
      images: c.images[row]!.map(postImage),
      videos: c.videos[row] ?? [],
      snapshots: c.snapshots[row]!.map(likeSnapshot),
      deleted: c.deleted[row] === 1,
      duplicateOf: c.duplicateOf[row]!,
      duplicateKind: c.duplicateKind[row]!,
      extra: { ...(c.extra[row] ?? {}) },
      origin: { file: this.file.files[c.originFile[row]!] ?? '', line: c.originLine[row]! },
    };
  }

  snapshotsOf(row: number): LikeSnapshot[] {
    return this.file.columns.snapshots[row]!.map(likeSnapshot);
  }

  private ids(): Map<string, number> {
    if (!this.idIndex) {
      this.idIndex = new Map();
      this.file.columns.id.forEach((id, row) => this.idIndex!.set(id, row));
    }
    return this.idIndex;
  }

  private fileNumber(file: string): number {
    if (!this.fileIndex) {
      this.fileIndex = new Map();
      this.file.files.forEach((name, index) => this.fileIndex!.set(name, index));
    }
    let index = this.fileIndex.get(file);
    if (index === undefined) {
      index = this.file.files.length;
      this.file.files.push(file);
      this.fileIndex.set(file, index);
    }
    return index;
  }

  /** For tests and migrations: every column has one entry per post. */
  consistent(): boolean {
    return columnNames.every((name) => (this.file.columns[name] as unknown[]).length === this.count);
  }
}

function imageTuple(image: ImportedPost['images'][number]): ImageTuple {
  return [image.path ?? null, image.url ?? null, image.index, image.kind === 'video-thumbnail' ? 1 : 0, null, null, null, null, null];
}

export function postImage(tuple: ImageTuple): PostImage {
  const image: PostImage = { path: tuple[0], url: tuple[1], index: tuple[2], kind: tuple[3] === 1 ? 'video-thumbnail' : 'image' };
  if (tuple[4] !== null) image.sha256 = tuple[4];
  if (tuple[5] !== null) image.dhash = tuple[5];
  if (tuple[6] !== null) image.width = tuple[6];
  if (tuple[7] !== null) image.height = tuple[7];
  if (tuple[8] !== null) image.error = tuple[8];
  return image;
}

function likeSnapshot(tuple: SnapshotTuple): LikeSnapshot {
  return { capturedAt: toIso(tuple[0]), likes: tuple[1], comments: tuple[2], collection: tuple[3] };
}
