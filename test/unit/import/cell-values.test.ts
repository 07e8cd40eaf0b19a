import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { booleanCell, CellError, countCell, hashtagsCell, idCell, imagesCell, textCell } from '../../../src/main/core/import/manifest/cell-values';

function reason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof CellError) return error.message;
    throw error;
  }
  throw new Error('expected a CellError');
}

describe('manifest cells', () => {
  it('reads counts as non-negative whole numbers, empty as missing, never coerced', () => {
    expect(countCell('likes', '12')).toBe(12);
    expect(countCell('likes', ' 12 ')).toBe(12);
    expect(countCell('likes', '12.0')).toBe(12);
    expect(countCell('likes', 0)).toBe(0);
    expect(countCell('likes', '0')).toBe(0);
    expect(countCell('likes', '')).toBeUndefined();
    expect(countCell('likes', null)).toBeUndefined();
    for (const bad of ['abc', '-5', '1.5', '1e3', '1,234', -1, 1.5, '9007199254740993', true, 'NaN']) {
      expect(reason(() => countCell('likes', bad)), String(bad)).toMatch(/^column "likes" has .* which is not a whole number of 0 or more$/);
    }
  });

  it('keeps ids as text exactly as written', () => {
    expect(idCell('post_id', ' 00123 ')).toBe('00123');
    expect(idCell('post_id', 123)).toBe('123');
    expect(idCell('post_id', '2345678901234567890')).toBe('2345678901234567890');
    expect(idCell('post_id', '')).toBeUndefined();
    expect(reason(() => idCell('post_id', 1.5))).toContain('not an id');
    expect(reason(() => idCell('post_id', { a: 1 }))).toContain('{"a":1}');
  });

  it('reads booleans and text', () => {
    expect([true, 'true', 'TRUE', '1', 1, 'yes'].map((v) => booleanCell('is_video', v))).toEqual([true, true, true, true, true, true]);
    expect([false, 'false', '0', 0, 'No'].map((v) => booleanCell('is_video', v))).toEqual([false, false, false, false, false]);
    expect(booleanCell('is_video', '')).toBeUndefined();
    expect(reason(() => booleanCell('is_video', 'maybe'))).toContain('true/false/1/0');
    expect(textCell('caption', ' kept as is ')).toBe(' kept as is ');
    expect(textCell('caption', 5)).toBe('5');
    expect(textCell('caption', '')).toBeUndefined();
  });

  it('reads hashtag lists, or nothing so that the caption decides', () => {
    expect(hashtagsCell('hashtags', '#Selfie, me  #ME')).toEqual(['selfie', 'me']);
    expect(hashtagsCell('hashtags', ['Selfie', '#me'])).toEqual(['selfie', 'me']);
    expect(hashtagsCell('hashtags', '')).toBeUndefined();
    expect(hashtagsCell('hashtags', '#')).toBeUndefined();
    expect(reason(() => hashtagsCell('hashtags', [1]))).toContain('not a list of hashtags');
  });

  it('tells URLs from paths, resolving paths against the manifest folder', () => {
    const base = resolve('/data/study');
    expect(imagesCell('image', 'img/a.jpg', base, false)).toEqual([{ path: join(base, 'img', 'a.jpg'), index: 1, kind: 'image' }]);
    expect(imagesCell('image', '../b.jpg', base, false)).toEqual([{ path: resolve(base, '..', 'b.jpg'), index: 1, kind: 'image' }]);
    expect(imagesCell('image', 'HTTPS://cdn.example.org/a.jpg', base, true)).toEqual([{ url: 'HTTPS://cdn.example.org/a.jpg', index: 1, kind: 'video-thumbnail' }]);
    expect(imagesCell('image', 'file:///data/c.jpg', base, false)).toEqual([{ path: resolve('/data/c.jpg'), index: 1, kind: 'image' }]);
    expect(imagesCell('image', ['https://x.org/1.jpg', '', '2.jpg'], base, false)).toEqual([
      { url: 'https://x.org/1.jpg', index: 1, kind: 'image' },
      { path: join(base, '2.jpg'), index: 2, kind: 'image' },
    ]);
    expect(imagesCell('image', '', base, false)).toEqual([]);
    expect(reason(() => imagesCell('image', 'ftp://x.org/a.jpg', base, false))).toContain('only http(s) URLs and file paths');
    expect(reason(() => imagesCell('image', 'http://', base, false))).toContain('not a valid URL');
  });
});
