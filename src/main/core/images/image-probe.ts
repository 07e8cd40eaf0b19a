import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { differenceHash } from '../../../shared/posts/dhash';

export interface ImageFacts {
  sha256: string;
  /** 64-bit dHash of the EXIF-rotated greyscale image, 16 hex digits. */
  dhash: string;
  width: number;
  height: number;
}

export const thumbnailSize = 320;

/** cache/thumbs/ab/abcdef….webp — by content, so a repost's thumbnail is made once. */
export function thumbnailPath(projectDir: string, sha256: string): string {
  return join(projectDir, 'cache', 'thumbs', sha256.slice(0, 2), `${sha256}.webp`);
}

/**
 * Reads an image with libvips (sharp): hashes its bytes, decodes it fully (a corrupt or truncated file fails
 * here, with libvips' reason), computes its dHash and caches a thumbnail. sharp runs on libuv's thread pool,
 * so this never blocks the event loop.
 */
export async function probeImage(path: string, projectDir: string): Promise<ImageFacts> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // failOn 'warning' turns libjpeg's "premature end of data" into an error instead of a grey half-image.
  const decoder = () => sharp(bytes, { failOn: 'warning' }).rotate();
  const grey = await decoder().greyscale().resize(9, 8, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer();
  const meta = await sharp(bytes).metadata();
  const upright = (meta.orientation ?? 1) >= 5;
  const width = (upright ? meta.height : meta.width) ?? 0;
  const height = (upright ? meta.width : meta.height) ?? 0;
  const thumbnail = thumbnailPath(projectDir, sha256);
  if (!(await exists(thumbnail))) {
    await mkdir(dirname(thumbnail), { recursive: true });
    // Reposts share a thumbnail and may be probed at the same moment: each writes its own temp file.
    const temp = `${thumbnail}.${randomBytes(6).toString('hex')}.tmp`;
    await decoder().resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toFile(temp);
    await rename(temp, thumbnail);
  }
  return { sha256, dhash: differenceHash(grey), width, height };
}

/** A thumbnail for an image not analysed yet (made on demand, not cached by content). */
export async function makeThumbnail(path: string, size = thumbnailSize): Promise<Buffer> {
  return sharp(path, { failOn: 'warning' }).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** libvips errors are long and multi-line; keep the first line, which says what is wrong. */
export function describeImageError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/^Input (buffer|file) /, '').slice(0, 200);
}
