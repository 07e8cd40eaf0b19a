/**
 * Images and videos that no metadata file claims.
 *
 * Decision: in a folder that has post metadata, such a file is an ORPHAN_IMAGE warning and is not imported: with
 * no shortcode it could not be joined with other snapshots, and it may be left over from a same-second collision.
 * In a folder where no media file has metadata at all (a --no-metadata-json download) the images are still worth
 * importing, e.g. for face filtering and human ratings: each stem becomes a post whose postId is the stem (not a
 * shortcode), with the caption from `<stem>.txt`, postedAt from a default `{date_utc}_UTC` name, and no likes,
 * comments or owner; one ORPHAN_IMAGE warning for the folder says so. Its capturedAt is only the one given: the
 * media files' mtimes are the posting time (Instaloader sets them so), not when they were downloaded.
 */
import { basename } from 'node:path';
import type { ImportedPost, SourceEvent } from '../../../../shared/posts/imported-post';
import { extractHashtags } from '../../../../shared/posts/hashtags';
import { mapInOrder } from './bounded-map';
import type { MediaGroup, TargetFolder } from './folder-scan';
import { readCaptionFile } from './metadata-file';
import { mediaForPost } from './post-media';

const defaultStem = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})_UTC$/;

export async function* unpairedMediaEvents(
  folder: TargetFolder,
  capturedAt: string | undefined,
  concurrency: number,
  signal?: AbortSignal,
): AsyncGenerator<SourceEvent> {
  if (folder.unpaired.length === 0) return;
  if (!folder.filenameOnly) {
    for (const group of folder.unpaired) {
      for (const file of group.files) {
        const message = `${basename(file.path)} has no metadata file (${group.stem}.json.xz or .json) beside it: not imported.`;
        yield { type: 'problem', problem: { severity: 'warning', code: 'ORPHAN_IMAGE', file: file.path, message } };
      }
    }
    return;
  }
  const message =
    `${folder.dir} holds the images of ${folder.unpaired.length} posts but no metadata JSON (downloaded with --no-metadata-json?): ` +
    'they are imported by file name only, with the file stem as post id and no likes, comments, owner or shortcode.';
  yield { type: 'problem', problem: { severity: 'warning', code: 'ORPHAN_IMAGE', file: folder.dir, message } };
  const posts = mapInOrder(folder.unpaired, concurrency, (group) => filenameOnlyPost(folder, group, capturedAt), signal);
  for await (const events of posts) yield* events;
}

async function filenameOnlyPost(folder: TargetFolder, group: MediaGroup, capturedAt: string | undefined): Promise<SourceEvent[]> {
  const captionFile = folder.captionFiles.get(group.stem);
  const caption = captionFile === undefined ? undefined : await readCaptionFile(captionFile);
  const isVideo = group.files.some((file) => file.type === 'video' && !file.carouselChild);
  const { images, videos } = mediaForPost(group.files, { isVideo, videoChildren: [] });
  const postedAt = postedAtFromDefaultStem(group.stem);
  const origin = group.files[0]!.path;
  const post: ImportedPost = {
    postId: group.stem,
    ...(postedAt === undefined ? {} : { postedAt }),
    ...(caption === undefined ? {} : { caption }),
    hashtags: extractHashtags(caption),
    isVideo,
    images,
    videos,
    snapshot: { capturedAt: capturedAt ?? null, likes: null, comments: null },
    extra: {},
    origin: { file: origin },
  };
  const events: SourceEvent[] = [];
  if (images.length === 0) {
    const message = `${basename(origin)} is a video without an image or thumbnail: imported without images.`;
    events.push({ type: 'problem', problem: { severity: 'warning', code: 'MISSING_IMAGE', file: origin, message } });
  }
  events.push({ type: 'post', post });
  return events;
}

/** Instaloader's default name `{date_utc}_UTC` is the posting time in UTC. */
export function postedAtFromDefaultStem(stem: string): string | undefined {
  const match = defaultStem.exec(stem);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
