import { open } from 'node:fs/promises';

/**
 * Recognising image bytes without decoding them: the type from the first bytes (magic numbers), and whether
 * the file is complete from its last bytes. Used on every downloaded body and on files already on disk.
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

export const imageTypes: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Bytes needed by sniffImageType (WebP's RIFF....WEBP is the longest signature). */
export const headLength = 12;
/** Bytes kept from the end for isCompleteImage. */
export const tailLength = 16;

export function sniffImageType(head: Uint8Array): ImageType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 4 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 4 && ascii(head, 0, 4) === 'GIF8') return 'image/gif';
  return null;
}

const pngEnd = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]; // "IEND" + its CRC

/**
 * Whether an image of this type ends where its format says it ends, i.e. was not cut short:
 * - JPEG: the last bytes are the EOI marker FF D9, ignoring trailing 0x00 padding. (We count a JPEG without
 *   EOI as truncated; camera files with data appended after EOI would fail this, Instagram's CDN never sends them.)
 * - PNG: ends with the IEND chunk.
 * - WebP: the RIFF header's size covers the file (size + 8 <= length).
 * - GIF: ends with the 0x3B trailer.
 */
export function isCompleteImage(type: ImageType, head: Uint8Array, tail: Uint8Array, size: number): boolean {
  switch (type) {
    case 'image/jpeg': {
      let end = tail.length;
      while (end > 0 && tail[end - 1] === 0x00) end--;
      return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
    }
    case 'image/png':
      return tail.length >= pngEnd.length && pngEnd.every((byte, index) => tail[tail.length - pngEnd.length + index] === byte);
    case 'image/webp': {
      if (head.length < 8) return false;
      const declared = (head[4]! | (head[5]! << 8) | (head[6]! << 16) | (head[7]! << 24)) >>> 0;
      return declared + 8 <= size;
    }
    case 'image/gif':
      return tail.length > 0 && tail[tail.length - 1] === 0x3b;
  }
}

/** 'complete' when `file` exists and is a whole image of a known type; 'incomplete' for anything else there. */
export async function imageFileState(file: string): Promise<'absent' | 'complete' | 'incomplete'> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(headLength, size));
    await handle.read(head, 0, head.length, 0);
    const type = sniffImageType(head);
    if (!type) return 'incomplete';
    const tail = new Uint8Array(Math.min(tailLength, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return isCompleteImage(type, head, tail, size) ? 'complete' : 'incomplete';
  } finally {
    await handle.close();
  }
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Keeps the first `headLength` and last `tailLength` bytes of a stream, for sniffing and completeness checks. */
export class HeadTail {
  readonly head = new Uint8Array(headLength);
  private headFilled = 0;
  private readonly tailBuffer = new Uint8Array(tailLength);
  private tailFilled = 0;
  size = 0;

  add(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.headFilled < headLength) {
      const take = Math.min(headLength - this.headFilled, chunk.length);
      this.head.set(chunk.subarray(0, take), this.headFilled);
      this.headFilled += take;
    }
    if (chunk.length >= tailLength) {
      this.tailBuffer.set(chunk.subarray(chunk.length - tailLength));
      this.tailFilled = tailLength;
    } else {
      const keep = Math.min(this.tailFilled, tailLength - chunk.length);
      this.tailBuffer.copyWithin(0, this.tailFilled - keep, this.tailFilled);
      this.tailBuffer.set(chunk, keep);
      this.tailFilled = keep + chunk.length;
    }
  }

  get headBytes(): Uint8Array {
    return this.head.subarray(0, this.headFilled);
  }

  get tailBytes(): Uint8Array {
    return this.tailBuffer.subarray(0, this.tailFilled);
  }
}
