/**
 * One metadata file of a target folder -> the events it stands for: a post (with its images, videos and caption
 * file), a profile's follower count, a skipped file, or a problem naming the file. Never throws: whatever goes
 * wrong with one file is reported and the import carries on with the next.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportedPost, ImportProblem, SourceEvent } from '../../../../shared/posts/imported-post';
import { extractHashtags } from '../../../../shared/posts/hashtags';
import { skipReasons, type MetadataFile, type TargetFolder } from './folder-scan';
import { parseJsonKeepingBigIntegers } from '../../../../shared/json/big-integer-json';
import { classifyDocument, readId, readPostNode, readProfileNode } from './post-node';
import { mediaForPost } from './post-media';
import { decodeXz, XzDecodeError } from './xz';

/** Instaloader's metadata is tens of KB; a file far larger is something else, and is not read into memory. */
const maxMetadataBytes = 32 * 1024 * 1024;

export interface FolderContext {
  folder: TargetFolder;
  /** The capture time to give every snapshot, or undefined to use each metadata file's mtime. */
  capturedAt?: string;
  /** The user id in the folder's `id` file (read once, on first use). */
  folderUserId(): Promise<string | undefined>;
}

export interface MetadataResult {
  events: SourceEvent[];
  /** A post's stem and shortcode, for the folder-wide check that files are named after their shortcode. */
  naming?: { file: string; stem: string; shortcode: string };
}

export async function readMetadataFile(file: MetadataFile, context: FolderContext): Promise<MetadataResult> {
  const name = basename(file.path);
  const problem = (severity: ImportProblem['severity'], code: ImportProblem['code'], message: string): MetadataResult => ({
    events: [{ type: 'problem', problem: { severity, code, file: file.path, message } }],
  });
  let value: unknown;
  let modifiedAt: Date;
  try {
    const info = await stat(file.path);
    modifiedAt = info.mtime;
    if (info.size > maxMetadataBytes) {
      return problem('warning', 'NOT_INSTALOADER', `${name} is ${Math.round(info.size / 1024 / 1024)} MB, far larger than Instaloader metadata: not read.`);
    }
    const bytes = await readFile(file.path);
    const text = new TextDecoder().decode(file.compressed ? await decodeXz(bytes) : bytes);
    value = parseJsonKeepingBigIntegers(text);
  } catch (error) {
    const reason =
      error instanceof XzDecodeError
        ? error.message
        : error instanceof SyntaxError
          ? `it is not valid JSON (${error.message})`
          : `it cannot be read (${error instanceof Error ? error.message : String(error)})`;
    const media = context.folder.mediaByStem.get(file.stem)?.length ?? 0;
    const alsoMedia = media > 0 ? ` Its ${media} image/video file(s) are not imported either.` : '';
    return problem('error', 'CORRUPT_FILE', `${name} was not imported: ${reason}.${alsoMedia}`);
  }

  const document = classifyDocument(value);
  switch (document.kind) {
    case 'post':
      return readPost(file, document.node, context, modifiedAt);
    case 'profile': {
      const profile = readProfileNode(document.node);
      const ownerId = profile.ownerId ?? (await context.folderUserId()) ?? userIdFromProfileFileName(file.stem, profile.ownerName);
      if (profile.followers === undefined) {
        return { events: [{ type: 'skipped', skipped: { file: file.path, reason: 'profile metadata without a follower count' } }] };
      }
      const event: SourceEvent = {
        type: 'profile',
        profile: { ...defined({ ownerId, ownerName: profile.ownerName }), followers: profile.followers, source: 'profile', file: file.path },
      };
      return { events: [event] };
    }
    case 'hashtag':
      return { events: [{ type: 'skipped', skipped: { file: file.path, reason: skipReasons.hashtag } }] };
    case 'resume-state':
      return { events: [{ type: 'skipped', skipped: { file: file.path, reason: skipReasons.resumeState } }] };
    case 'other':
      return problem('warning', 'UNSUPPORTED', `${name} is Instaloader ${document.nodeType} metadata, which is not a post: not imported.`);
    case 'foreign':
      return problem('warning', 'NOT_INSTALOADER', `${name} is JSON but not Instaloader metadata (no "node"/"instaloader" envelope, no "shortcode"): not imported.`);
  }
}

async function readPost(file: MetadataFile, node: Record<string, unknown>, context: FolderContext, modifiedAt: Date): Promise<MetadataResult> {
  const name = basename(file.path);
  const fields = readPostNode(node);
  if (fields.shortcode === undefined) {
    const problem: ImportProblem = { severity: 'warning', code: 'CORRUPT_FILE', file: file.path, message: `${name} is Instaloader post metadata without a shortcode: not imported.` };
    return { events: [{ type: 'problem', problem }] };
  }
  const events: SourceEvent[] = [];
  let caption = fields.caption;
  let hashtags = fields.hashtags;
  const captionFile = context.folder.captionFiles.get(file.stem);
  // The .txt is the caption only by default (--post-metadata-txt may put anything there): use it as a fallback.
  if (caption === undefined && captionFile !== undefined) {
    caption = await readCaptionFile(captionFile);
    hashtags = extractHashtags(caption);
  }
  const { images, videos } = mediaForPost(context.folder.mediaByStem.get(file.stem) ?? [], fields);
  if (images.length === 0) {
    const message =
      videos.length > 0
        ? `${name} (post ${fields.shortcode}) has only its video beside it, no image or thumbnail: imported without images.`
        : `${name} (post ${fields.shortcode}) has no image file beside it named ${file.stem}.jpg (or _1.jpg, .webp, .png): imported without images.`;
    events.push({ type: 'problem', problem: { severity: 'warning', code: 'MISSING_IMAGE', file: file.path, message } });
  }
  const post: ImportedPost = {
    postId: fields.shortcode,
    shortcode: fields.shortcode,
    ...defined({
      mediaId: fields.mediaId,
      ownerId: fields.ownerId,
      ownerName: fields.ownerName,
      followers: fields.followers,
      followersSource: fields.followers === undefined ? undefined : ('embedded' as const),
      postedAt: fields.postedAt,
      caption,
      typename: fields.typename,
    }),
    hashtags,
    isVideo: fields.isVideo,
    images,
    videos,
    snapshot: { capturedAt: context.capturedAt ?? modifiedAt.toISOString(), likes: fields.likes, comments: fields.comments },
    extra: {},
    origin: { file: file.path },
  };
  events.push({ type: 'post', post });
  return { events, naming: { file: file.path, stem: file.stem, shortcode: fields.shortcode } };
}

/** A caption file as Instaloader writes it: the text and one newline. Undefined when empty or unreadable. */
export async function readCaptionFile(path: string): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const caption = text?.replace(/\r?\n$/, '');
  return caption && caption.trim() !== '' ? caption : undefined;
}

/** Reads a profile folder's `id` file: the user id and a newline. */
export async function readUserIdFile(path: string): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const id = text?.trim();
  return id && /^\d+$/.test(id) ? readId(id) : undefined;
}

/** `<user>_<userid>.json.xz` names the user id too: the last resort when neither the JSON nor `id` has it. */
function userIdFromProfileFileName(stem: string, username: string | undefined): string | undefined {
  const match = /^(.+)_(\d+)$/.exec(stem);
  return match && (username === undefined || match[1] === username) ? match[2] : undefined;
}

/** The entries whose value is not undefined (keeps optional fields absent rather than `undefined`). */
function defined<T extends Record<string, unknown>>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Partial<T>;
}
