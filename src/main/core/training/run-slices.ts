/**
 * The facts behind a run's accuracy per slice (the math is src/shared/training/slices.ts): per predicted post, the
 * largest counted face's relative size (faces.json), the image's brightness and greyscale (measured here with sharp on
 * the cached thumbnail, then kept in cache/image-tone.json by content hash) and the hashtag count (posts.json).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { countsAsFace, relativeFaceSize } from '../../../shared/faces/face-rule';
import { hashtagCount, imageTone, runSlices, type RunSlices, type SliceFacts } from '../../../shared/training/slices';
import { thumbnailPath } from '../images/image-probe';
import type { ProjectSession } from '../projects/project-session';
import { writeFileAtomic } from '../storage/atomic-write';
import { RunsRepository } from './runs-repository';

/** cache/image-tone.json: sha256 → [brightness 0..1, greyscale 0|1]. Bump the version when the measure changes. */
interface ToneCacheFile {
  version: 1;
  tones: Record<string, [number, 0 | 1]>;
}

export function toneCacheFile(projectDir: string): string {
  return join(projectDir, 'cache', 'image-tone.json');
}

async function readToneCache(file: string): Promise<ToneCacheFile> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as Partial<ToneCacheFile>;
    if (json.version === 1 && json.tones && typeof json.tones === 'object') return { version: 1, tones: json.tones };
  } catch {
    // Missing or unreadable: a cache, measured again.
  }
  return { version: 1, tones: Object.create(null) as ToneCacheFile['tones'] };
}

/** Brightness and greyscale of an image, from a 64-pixel version of it (the thumbnail when there is one). */
export async function measureTone(file: string): Promise<{ brightness: number; greyscale: boolean }> {
  const { data, info } = await sharp(file, { failOn: 'none' }).rotate().resize(64, 64, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  return imageTone(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.channels);
}

/** Tone per sha256 for the given images, measuring (4 at a time) those not cached yet; the cache is saved when it grew. */
async function tonesOf(project: ProjectSession, images: Array<{ sha256: string; path: string }>): Promise<Map<string, [number, 0 | 1]>> {
  const file = toneCacheFile(project.dir);
  const cache = await readToneCache(file);
  const seen = new Set<string>();
  const missing = images.filter((image) => {
    if (Object.hasOwn(cache.tones, image.sha256) || seen.has(image.sha256)) return false;
    seen.add(image.sha256);
    return true;
  });
  let next = 0;
  let measured = 0;
  const worker = async () => {
    while (next < missing.length) {
      const image = missing[next++]!;
      const thumbnail = thumbnailPath(project.dir, image.sha256);
      try {
        const tone = await measureTone(existsSync(thumbnail) ? thumbnail : image.path);
        cache.tones[image.sha256] = [Math.round(tone.brightness * 10_000) / 10_000, tone.greyscale ? 1 : 0];
        measured++;
      } catch {
        // An unreadable image has no tone; its post counts as "unknown" in the brightness and greyscale tables.
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (measured > 0 && project.writable) {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(cache));
  }
  return new Map(Object.entries(cache.tones));
}

/** The largest face the face rule counts in the post's first image: 0 with none, null when faces were not detected. */
function faceSizeOf(project: ProjectSession, postId: string): number | null {
  const record = project.faceTable.get(postId, 0);
  if (!record || record.status !== 'ok') return null;
  const rule = project.project.data.settings.faceRule;
  let largest = 0;
  for (const detection of record.detections) {
    const size = relativeFaceSize(detection.box, record.width, record.height);
    if (countsAsFace(detection.score, size, rule) && size > largest) largest = size;
  }
  return largest;
}

/** Per predicted post (in the predictions' order), what the slices cut by. */
export async function sliceFactsOf(project: ProjectSession, postIds: readonly string[]): Promise<SliceFacts[]> {
  const table = project.postTable;
  const columns = table.file.columns;
  const rows = postIds.map((id) => table.rowOf(id));
  const images: Array<{ sha256: string; path: string }> = [];
  const shaOf = rows.map((row) => {
    const tuple = row === undefined ? undefined : columns.images[row]?.[0];
    if (!tuple || tuple[0] === null || tuple[4] === null || tuple[8] !== null) return null;
    images.push({ sha256: tuple[4], path: resolve(project.dir, tuple[0]) });
    return tuple[4];
  });
  const tones = await tonesOf(project, images);
  return postIds.map((postId, i) => {
    const row = rows[i];
    const sha = shaOf[i];
    const tone = sha ? tones.get(sha) : undefined;
    return {
      faceSize: row === undefined ? null : faceSizeOf(project, postId),
      brightness: tone ? tone[0] : null,
      greyscale: tone ? tone[1] === 1 : null,
      hashtags: row === undefined ? null : hashtagCount(columns.hashtags[row]),
    };
  });
}

/** Accuracy per slice on the run's validation and test posts, at `threshold` on p(good). */
export async function runSlicesOf(project: ProjectSession, runId: string, threshold?: number): Promise<RunSlices> {
  const runs = new RunsRepository(project.dir);
  await runs.get(runId); // a clear "no run" error before "no predictions"
  const all = await runs.predictions(runId);
  // Only labeled validation and test posts are sliced: no need to measure the tone of the whole population.
  const kept = all.postId.map((_, i) => i).filter((i) => (all.split[i] === 1 || all.split[i] === 2) && all.label[i] !== 0);
  const pick = <T>(column: readonly T[]) => kept.map((i) => column[i]!);
  const facts = await sliceFactsOf(project, pick(all.postId));
  return runSlices(runId, { split: pick(all.split), label: pick(all.label), pGood: pick(all.pGood) }, facts, threshold ?? all.threshold);
}
