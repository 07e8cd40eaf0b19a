import { createRequire } from 'node:module';
import type { XzReadableStream as XzReadableStreamType } from 'xz-decompress';

// xz-decompress is a CommonJS (webpack) bundle whose named export Node's ESM loader cannot see: require it.
const { XzReadableStream } = createRequire(import.meta.url)('xz-decompress') as {
  XzReadableStream: typeof XzReadableStreamType;
};

/** Instaloader's metadata is tens of KB; anything this large is not one of its files (or is a decompression bomb). */
const maxDecodedBytes = 64 * 1024 * 1024;

/** xz-embedded's return codes (xz.h), for messages a researcher can act on. */
const xzErrors: Record<string, string> = {
  '5': 'it is not an xz file',
  '6': 'it uses xz options this decoder does not support',
  '7': 'its compressed data is corrupt',
  '8': 'it is truncated (an interrupted download or copy?)',
};

export class XzDecodeError extends Error {
  override readonly name = 'XzDecodeError';
}

/**
 * Decodes a whole .xz file (Instaloader writes LZMA2 with integrity check NONE). Throws XzDecodeError with a
 * readable reason for empty, truncated or corrupt input; never hangs on it.
 */
export async function decodeXz(compressed: Uint8Array): Promise<Uint8Array> {
  // The library fails on empty input with a TypeError deep inside; say what is wrong instead.
  if (compressed.byteLength === 0) throw new XzDecodeError('the file is empty');
  // The decoder holds a process-wide lock from start until the stream ends or fails: always read it to the end
  // (or cancel it), or every later decode would wait forever.
  const reader = new XzReadableStream(new Blob([compressed as Uint8Array<ArrayBuffer>]).stream()).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxDecodedBytes) {
        await reader.cancel();
        throw new XzDecodeError(`it decompresses to more than ${maxDecodedBytes / 1024 / 1024} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof XzDecodeError) throw error;
    const code = /error code (\d+)/.exec(String((error as Error)?.message ?? error))?.[1];
    throw new XzDecodeError((code && xzErrors[code]) ?? `it cannot be decompressed (${String((error as Error)?.message ?? error)})`);
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
