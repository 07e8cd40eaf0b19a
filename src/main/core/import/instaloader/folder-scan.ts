/**
 * Which file of an Instaloader target folder is what, by name only (FORMATS.md §1, "Files").
 * Images and videos are paired with metadata by their shared stem, never by a date regex: a custom
 * --filename-pattern may put anything ({shortcode}, {profile}, ...) in the stem.
 *   <stem>.json.xz | <stem>.json     metadata (post, profile, hashtag)
 *   <stem>.jpg|.webp|.png            a single image, or a video's thumbnail when <stem>.mp4 is beside it
 *   <stem>_<N>.jpg, <stem>_<N>.mp4   carousel child N (a video child has both)
 *   <stem>.txt                       caption;  <stem>_old_<NN>.txt  an older caption: two posts shared the stem
 *   *_profile_pic.jpg, iterator_*.json.xz, *_comments.json, *_location.txt, id: not posts
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedFile } from '../../../../shared/posts/imported-post';

export interface MetadataFile {
  path: string;
  stem: string;
  compressed: boolean;
}

export interface MediaFile {
  path: string;
  /** 1 for `<stem>.jpg`, N for carousel child `<stem>_N.jpg`. */
  index: number;
  /** `<stem>_N.*` rather than `<stem>.*`. */
  carouselChild: boolean;
  type: 'image' | 'video';
}

/** Media files that share a stem. */
export interface MediaGroup {
  stem: string;
  files: MediaFile[];
}

export interface TargetFolder {
  dir: string;
  /** Sorted by file name. */
  metadata: MetadataFile[];
  /** Media paired with a metadata stem. */
  mediaByStem: Map<string, MediaFile[]>;
  /** `<stem>.txt` by stem. */
  captionFiles: Map<string, string>;
  /** `<stem>_old_NN.txt` files: the stem was used by two posts (or the caption changed between runs). */
  collisionFiles: { path: string; stem: string }[];
  /** The profile folder's `id` file (the user id and a newline). */
  idFile?: string;
  skipped: SkippedFile[];
  /** Media without metadata, grouped into would-be posts by stem. */
  unpaired: MediaGroup[];
  /**
   * True when no media file pairs with any metadata file although there are media files: the download was made
   * with --no-metadata-json, so the media can only become posts known by their file names.
   */
  filenameOnly: boolean;
}

const imageExtensions = new Set(['jpg', 'jpeg', 'png', 'webp', 'heic', 'avif', 'gif']);
const videoExtensions = new Set(['mp4', 'mov', 'webm']);

/**
 * Resume files: `iterator_<magic>.json.xz` for a target's post list, `<stem>_iterator_<magic>.json.xz` for a post's
 * comments, `<target>_iterator_...` with a dirname pattern without {target}; magic is URL-safe base64.
 * (A custom --resume-prefix is caught later by its node_type, FrozenNodeIterator.)
 */
export const resumeStateName = /(?:^|_)iterator_[A-Za-z0-9_=-]+\.json(?:\.xz)?$/;
const oldCaptionName = /^(.*)_old_\d+\.txt$/;
const carouselChild = /^(.*)_(\d+)$/;

/** Reasons for files passed over on purpose (also used by the reader). */
export const skipReasons = {
  profilePicture: 'profile picture, not a post',
  resumeState: 'resume state of an interrupted download',
  hashtag: 'hashtag metadata',
  comments: 'comments of a post (not imported)',
  location: 'location of a post (not imported)',
  duplicateJson: 'the same metadata is also here as .json.xz, which is read instead',
  strayText: 'text file without a post',
  unknown: 'not a file Instaloader writes',
} as const;

/**
 * Every folder to read under `root`, root first, then sub-folders in name order at any depth (a download folder
 * holds one folder per target: `#selfie/`, `someuser/`). Hidden folders and symbolic links are not entered.
 */
export async function listTargetFolders(root: string, signal?: AbortSignal): Promise<string[]> {
  const folders: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    signal?.throwIfAborted();
    const dir = pending.shift()!;
    folders.push(dir);
    const entries = await readdir(dir, { withFileTypes: true });
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort(compareNames);
    pending.unshift(...children.map((name) => join(dir, name)));
  }
  return folders;
}

/** The direct, visible sub-folders of `dir`, sorted (for the cheap format check). */
export async function listSubfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name))
    .sort(compareNames);
}

/** The names of the plain files (and links to them) directly in `dir`, sorted. */
export async function listFileNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => entry.name)
    .sort(compareNames);
}

/** Is this a name Instaloader gives metadata it wrote (not comments, not resume state)? */
export function isMetadataName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.json.xz')) return false;
  return !resumeStateName.test(name) && !lower.endsWith('_comments.json');
}

/** Groups the files of one folder by what they are. Pure: names in, structure out. */
export function groupTargetFolder(dir: string, names: readonly string[]): TargetFolder {
  const folder: TargetFolder = {
    dir,
    metadata: [],
    mediaByStem: new Map(),
    captionFiles: new Map(),
    collisionFiles: [],
    skipped: [],
    unpaired: [],
    filenameOnly: false,
  };
  const skip = (name: string, reason: string) => folder.skipped.push({ file: join(dir, name), reason });
  const media: { name: string; base: string; type: 'image' | 'video' }[] = [];
  const textStems: string[] = [];

  for (const name of names) {
    if (name.startsWith('.')) continue; // .DS_Store and friends: not worth a line in any report
    const lower = name.toLowerCase();
    if (name === 'id') {
      folder.idFile = join(dir, name);
    } else if (resumeStateName.test(name)) {
      skip(name, skipReasons.resumeState);
    } else if (lower.endsWith('_comments.json')) {
      skip(name, skipReasons.comments);
    } else if (lower.endsWith('.json.xz')) {
      folder.metadata.push({ path: join(dir, name), stem: name.slice(0, -'.json.xz'.length), compressed: true });
    } else if (lower.endsWith('.json')) {
      folder.metadata.push({ path: join(dir, name), stem: name.slice(0, -'.json'.length), compressed: false });
    } else if (lower.endsWith('_location.txt')) {
      skip(name, skipReasons.location);
    } else if (lower.endsWith('.txt')) {
      const old = oldCaptionName.exec(name);
      if (old) folder.collisionFiles.push({ path: join(dir, name), stem: old[1]! });
      else textStems.push(name.slice(0, -'.txt'.length));
    } else {
      const dot = name.lastIndexOf('.');
      const base = dot > 0 ? name.slice(0, dot) : name;
      const extension = dot > 0 ? lower.slice(dot + 1) : '';
      const type = imageExtensions.has(extension) ? 'image' : videoExtensions.has(extension) ? 'video' : undefined;
      if (type === undefined) skip(name, skipReasons.unknown);
      else if (base.endsWith('_profile_pic')) skip(name, skipReasons.profilePicture);
      else media.push({ name, base, type });
    }
  }

  // Re-running with and without --no-compress-json leaves both: read the .json.xz, pass over the .json.
  const compressedStems = new Set(folder.metadata.filter((file) => file.compressed).map((file) => file.stem));
  folder.metadata = folder.metadata.filter((file) => {
    if (file.compressed || !compressedStems.has(file.stem)) return true;
    folder.skipped.push({ file: file.path, reason: skipReasons.duplicateJson });
    return false;
  });
  const metadataStems = new Set(folder.metadata.map((file) => file.stem));

  // Pair media with metadata: the exact stem first (a stem may itself end in _<digits>), then carousel children.
  const unpaired: typeof media = [];
  for (const file of media) {
    const child = carouselChild.exec(file.base);
    const paired = metadataStems.has(file.base)
      ? { stem: file.base, index: 1, carouselChild: false }
      : child && metadataStems.has(child[1]!)
        ? { stem: child[1]!, index: Number(child[2]), carouselChild: true }
        : undefined;
    if (paired) {
      const { stem, ...position } = paired;
      addMedia(folder.mediaByStem, stem, { path: join(dir, file.name), ...position, type: file.type });
    }
    else unpaired.push(file);
  }
  folder.filenameOnly = unpaired.length > 0 && folder.mediaByStem.size === 0;

  // Media without metadata, grouped as Instaloader would have named them: `<stem>_<N>` is a carousel child when
  // the folder has `<stem>.txt` or a first child `<stem>_1`.
  const textStemSet = new Set(textStems);
  const unpairedBases = new Set(unpaired.map((file) => file.base));
  const unpairedGroups = new Map<string, MediaFile[]>();
  for (const file of unpaired) {
    const child = carouselChild.exec(file.base);
    const isChild = child !== null && (textStemSet.has(child[1]!) || unpairedBases.has(`${child[1]}_1`));
    const stem = isChild ? child[1]! : file.base;
    const index = isChild ? Number(child[2]) : 1;
    addMedia(unpairedGroups, stem, { path: join(dir, file.name), index, carouselChild: isChild, type: file.type });
  }
  folder.unpaired = [...unpairedGroups].map(([stem, files]) => ({ stem, files }));

  for (const stem of textStems) {
    if (metadataStems.has(stem) || unpairedGroups.has(stem)) folder.captionFiles.set(stem, join(dir, `${stem}.txt`));
    else skip(`${stem}.txt`, skipReasons.strayText);
  }
  return folder;
}

function addMedia(map: Map<string, MediaFile[]>, stem: string, file: MediaFile): void {
  const files = map.get(stem);
  if (files) files.push(file);
  else map.set(stem, [file]);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
