import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/main/core/import/download/http-attempt';
import { HeadTail, isCompleteImage, sniffImageType } from '../../../src/main/core/import/download/image-bytes';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe('recognising image bytes', () => {
  it('knows JPEG, PNG, WebP and GIF by their magic numbers, and nothing else', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x89, 'PNG\r\n', 0x1a, '\n'))).toBe('image/png');
    expect(sniffImageType(bytes('RIFF', 1, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', 1, 0, 0, 0, 'WAVE'))).toBeNull();
    expect(sniffImageType(bytes('<!doctype html>'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
  });

  it('tells a whole image from one cut short', () => {
    const jpegHead = bytes(0xff, 0xd8, 0xff);
    expect(isCompleteImage('image/jpeg', jpegHead, bytes(1, 2, 0xff, 0xd9), 100)).toBe(true);
    expect(isCompleteImage('image/jpeg', jpegHead, bytes(0xff, 0xd9, 0, 0), 100)).toBe(true); // zero padding
    expect(isCompleteImage('image/jpeg', jpegHead, bytes(0xd9, 0xff), 100)).toBe(false);
    const iend = bytes(0, 0, 0, 0, 'IEND', 0xae, 0x42, 0x60, 0x82);
    expect(isCompleteImage('image/png', bytes(0x89, 'PNG'), iend, 100)).toBe(true);
    expect(isCompleteImage('image/png', bytes(0x89, 'PNG'), iend.subarray(0, 11), 100)).toBe(false);
    const webpHead = bytes('RIFF', 92, 0, 0, 0, 'WEBP'); // RIFF size 92 -> 100 bytes in all
    expect(isCompleteImage('image/webp', webpHead, bytes(0), 100)).toBe(true);
    expect(isCompleteImage('image/webp', webpHead, bytes(0), 99)).toBe(false);
    expect(isCompleteImage('image/gif', bytes('GIF8'), bytes(0, 0x3b), 50)).toBe(true);
    expect(isCompleteImage('image/gif', bytes('GIF8'), bytes(0x3b, 0), 50)).toBe(false);
  });

  it('keeps the first and last bytes of a stream however it is chunked', () => {
    const data = Uint8Array.from({ length: 100 }, (_, index) => index);
    for (const size of [1, 3, 7, 16, 17, 50, 100]) {
      const kept = new HeadTail();
      for (let at = 0; at < data.length; at += size) kept.add(data.subarray(at, at + size));
      expect(kept.size).toBe(100);
      expect([...kept.headBytes]).toEqual([...data.subarray(0, 12)]);
      expect([...kept.tailBytes], `chunks of ${size}`).toEqual([...data.subarray(84)]);
    }
    const short = new HeadTail();
    short.add(bytes(1, 2, 3));
    expect([...short.headBytes]).toEqual([1, 2, 3]);
    expect([...short.tailBytes]).toEqual([1, 2, 3]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
