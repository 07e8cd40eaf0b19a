// The pieces of the Instaloader reader on their own: the big-integer JSON scanner, the xz decoder, the post node
// readers (FORMATS.md's "where each field lives" table) and the grouping of a folder's files by stem.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupTargetFolder, isMetadataName } from '../../../src/main/core/import/instaloader/folder-scan';
import { parseJsonKeepingBigIntegers, quoteLongIntegers } from '../../../src/shared/json/big-integer-json';
import { classifyDocument, readPostNode, readProfileNode } from '../../../src/main/core/import/instaloader/post-node';
import { mediaForPost } from '../../../src/main/core/import/instaloader/post-media';
import { postedAtFromDefaultStem } from '../../../src/main/core/import/instaloader/unpaired-media';
import { decodeXz, XzDecodeError } from '../../../src/main/core/import/instaloader/xz';

// ('#' starts a URL fragment: join the folder name as a path, not inside the URL.)
const selfie = join(fileURLToPath(new URL('../../fixtures/instaloader/download/', import.meta.url)), '#selfie');

describe('the big-integer JSON scanner', () => {
  it('keeps integers of more than 15 digits exact, as strings, where JSON.parse rounds them', () => {
    const text = '{"pk": 18446744073709551615, "id": 3091234567890123456, "small": 123456789012345}';
    expect(JSON.parse(text).pk).toBe(18446744073709552000);
    expect(parseJsonKeepingBigIntegers(text)).toEqual({ pk: '18446744073709551615', id: '3091234567890123456', small: 123456789012345 });
    expect(parseJsonKeepingBigIntegers('9007199254740993')).toBe('9007199254740993');
  });

  it('leaves digits inside strings alone, escaped quotes included', () => {
    const text = String.raw`{"caption": "call 18446744073709551615 \"now\" \\", "url": "x\"12345678901234567\"", "n": 12345678901234567}`;
    expect(quoteLongIntegers(text)).toBe(
      String.raw`{"caption": "call 18446744073709551615 \"now\" \\", "url": "x\"12345678901234567\"", "n": "12345678901234567"}`,
    );
    expect(parseJsonKeepingBigIntegers(text)).toEqual({
      caption: 'call 18446744073709551615 "now" \\',
      url: 'x"12345678901234567"',
      n: '12345678901234567',
    });
  });

  it('handles negative numbers, floats and exponent forms', () => {
    expect(parseJsonKeepingBigIntegers('[-18446744073709551615, -1, -0.5, 1.5e3, 12345678901234567.5, 1234567890123456789e2, 2E-3, 0]')).toEqual([
      '-18446744073709551615',
      -1,
      -0.5,
      1500,
      Number('12345678901234567.5'),
      Number('1234567890123456789e2'),
      0.002,
      0,
    ]);
    // Arrays, nesting and no whitespace at all.
    expect(parseJsonKeepingBigIntegers('{"a":[{"b":11111111111111111}],"c":{"d":-22222222222222222}}')).toEqual({
      a: [{ b: '11111111111111111' }],
      c: { d: '-22222222222222222' },
    });
    // Unchanged text is returned as is.
    const plain = '{"likes": 120, "caption": "#selfie"}';
    expect(quoteLongIntegers(plain)).toBe(plain);
  });

  it('still rejects invalid JSON (a leading zero is not made valid by quoting)', () => {
    expect(() => parseJsonKeepingBigIntegers('{"a": 01234567890123456789}')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingBigIntegers('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingBigIntegers('{"a": "unterminated 12345678901234567')).toThrow(SyntaxError);
  });
});

describe('the xz decoder', () => {
  const good = join(selfie, '2023-05-01_10-00-00_UTC.json.xz');

  it("decodes Instaloader's .json.xz (LZMA2, check NONE)", async () => {
    const text = new TextDecoder().decode(await decodeXz(await readFile(good)));
    expect(text.startsWith('{"node":{')).toBe(true);
    expect(text).toContain('"node_type":"Post"');
  });

  it('rejects truncated, foreign and empty input with a reason, and keeps working afterwards', async () => {
    const bytes = await readFile(good);
    await expect(decodeXz(bytes.subarray(0, bytes.length - 3))).rejects.toThrow(/truncated/);
    await expect(decodeXz(bytes.subarray(0, 20))).rejects.toBeInstanceOf(XzDecodeError);
    await expect(decodeXz(new TextEncoder().encode('{"plain": "json"}'))).rejects.toThrow('it is not an xz file');
    await expect(decodeXz(new Uint8Array())).rejects.toThrow('the file is empty');
    // The library serialises decoders with a lock: a failure must have released it.
    const again = await Promise.all([decodeXz(bytes), decodeXz(bytes)]);
    expect(again.map((out) => out.byteLength)).toEqual([again[0]!.byteLength, again[0]!.byteLength]);
  });
});

describe("a post node's fields (first location present wins)", () => {
  it('classifies 4.x envelopes, 3.x bare nodes and foreign JSON', () => {
    const wrap = (nodeType: string) => ({ node: { shortcode: 'x' }, instaloader: { version: '4.13', node_type: nodeType } });
    expect(classifyDocument(wrap('Post'))).toEqual({ kind: 'post', node: { shortcode: 'x' }, version: '4.13' });
    expect(classifyDocument(wrap('Profile')).kind).toBe('profile');
    expect(classifyDocument(wrap('Hashtag')).kind).toBe('hashtag');
    expect(classifyDocument(wrap('FrozenNodeIterator')).kind).toBe('resume-state');
    expect(classifyDocument(wrap('StoryItem'))).toEqual({ kind: 'other', nodeType: 'StoryItem' });
    expect(classifyDocument({ node: { shortcode: 'x' }, instaloader: { version: '4.0' } })).toEqual({ kind: 'post', node: { shortcode: 'x' }, version: '4.0' });
    expect(classifyDocument({ node: { id: '1' }, instaloader: {} })).toEqual({ kind: 'other', nodeType: '(no node_type)' });
    expect(classifyDocument({ shortcode: 'BX1' })).toEqual({ kind: 'post', node: { shortcode: 'BX1' } });
    expect(classifyDocument({ username: 'u', edge_followed_by: { count: 1 } }).kind).toBe('profile');
    expect(classifyDocument({ rows: [] }).kind).toBe('foreign');
    expect(classifyDocument([{ shortcode: 'x' }]).kind).toBe('foreign');
    expect(classifyDocument(null).kind).toBe('foreign');
  });

  it('reads likes from the first location present, and hidden likes as null', () => {
    const likes = (node: Record<string, unknown>) => readPostNode(node).likes;
    expect(likes({ edge_media_preview_like: { count: 5 }, edge_liked_by: { count: 6 }, iphone_struct: { like_count: 7 } })).toBe(5);
    expect(likes({ edge_media_preview_like: { count: null }, edge_liked_by: { count: 6 } })).toBe(6);
    expect(likes({ iphone_struct: { like_count: 7 } })).toBe(7);
    expect(likes({ edge_media_preview_like: { count: 0 } })).toBe(0);
    expect(likes({ edge_media_preview_like: { count: -1 }, iphone_struct: { like_count: 7 } })).toBeNull();
    expect(likes({ edge_media_preview_like: { count: 3 }, like_and_view_counts_disabled: true })).toBeNull();
    expect(likes({ iphone_struct: { like_count: 3, like_and_view_counts_disabled: true } })).toBeNull();
    expect(likes({})).toBeNull();
  });

  it('reads comments, time, type, caption and owner from each of their locations', () => {
    expect(readPostNode({ edge_media_to_comment: { count: 1 }, edge_media_to_parent_comment: { count: 2 }, comments: 3 }).comments).toBe(1);
    expect(readPostNode({ edge_media_to_parent_comment: { count: 2 }, comments: 3 }).comments).toBe(2);
    expect(readPostNode({ comments: 3 }).comments).toBe(3);
    expect(readPostNode({}).comments).toBeNull();

    expect(readPostNode({ taken_at_timestamp: 1682935200, date: 1 }).postedAt).toBe('2023-05-01T10:00:00.000Z');
    expect(readPostNode({ date: 1682935200 }).postedAt).toBe('2023-05-01T10:00:00.000Z');
    expect(readPostNode({ taken_at_timestamp: 'soon' }).postedAt).toBeUndefined();

    expect(readPostNode({ __typename: 'GraphVideo' })).toMatchObject({ typename: 'GraphVideo', isVideo: true });
    expect(readPostNode({ is_video: true })).toMatchObject({ typename: undefined, isVideo: true });
    expect(readPostNode({ iphone_struct: { media_type: 8 } })).toMatchObject({ typename: 'GraphSidecar', isVideo: false });

    const edge = { edges: [{ node: { text: 'from the edge #a' } }] };
    expect(readPostNode({ edge_media_to_caption: edge, caption: 'plain #b' })).toMatchObject({ caption: 'from the edge #a', hashtags: ['a'] });
    expect(readPostNode({ edge_media_to_caption: { edges: [] }, caption: 'plain #b' })).toMatchObject({ caption: 'plain #b', hashtags: ['b'] });
    expect(readPostNode({ caption: null })).toMatchObject({ caption: undefined, hashtags: [] });

    expect(readPostNode({ owner: { id: 42, username: 'o' }, iphone_struct: { user: { pk: 7, username: 'i' } } })).toMatchObject({
      ownerId: '42',
      ownerName: 'o',
      followers: undefined,
    });
    expect(readPostNode({ iphone_struct: { user: { pk: '18446744073709551615', username: 'i' } } })).toMatchObject({
      ownerId: '18446744073709551615',
      ownerName: 'i',
    });
    // Followers only from a full embedded owner profile.
    expect(readPostNode({ owner: { id: '1', edge_followed_by: { count: 10 } } }).followers).toBe(10);
    expect(readPostNode({ owner: { id: '1' }, follower_count: 10 }).followers).toBeUndefined();
  });

  it("reads the media id, including the app API's <media>_<owner> form, and carousel video children", () => {
    expect(readPostNode({ id: '3091234567890123456_18446744073709551615' }).mediaId).toBe('3091234567890123456');
    expect(readPostNode({ id: 12345 }).mediaId).toBe('12345');
    expect(readPostNode({ id: 1.5 }).mediaId).toBeUndefined();
    const sidecar = { edge_sidecar_to_children: { edges: [{ node: { is_video: false } }, { node: { __typename: 'GraphVideo' } }, { node: { is_video: true } }] } };
    expect(readPostNode(sidecar).videoChildren).toEqual([2, 3]);
  });

  it('reads a profile: id or pk, username, followers from edge_followed_by or follower_count', () => {
    expect(readProfileNode({ id: '1', username: 'a', edge_followed_by: { count: 10 }, follower_count: 11 })).toEqual({ ownerId: '1', ownerName: 'a', followers: 10 });
    expect(readProfileNode({ pk: 18446744073709551615n.toString(), username: 'b', follower_count: 11 })).toEqual({
      ownerId: '18446744073709551615',
      ownerName: 'b',
      followers: 11,
    });
    expect(readProfileNode({ username: 'c' })).toEqual({ ownerId: undefined, ownerName: 'c', followers: undefined });
  });
});

describe("grouping a folder's files by stem", () => {
  it('pairs exact stems before carousel children, orders children numerically, and marks video thumbnails', () => {
    const names = [
      'p.json.xz',
      'p_1.jpg',
      'p_10.jpg',
      'p_2.JPG',
      'p_2.mp4',
      'p_9.jpg',
      'q_2.json',
      'q_2.jpg',
      'r.json.xz',
      'r.jpg',
      'x_profile_pic.jpg',
      'p_iterator_AbC-_123.json.xz',
      'p_comments.json',
      'readme.md',
      '.DS_Store',
    ];
    const folder = groupTargetFolder('/d', names);
    expect(folder.metadata.map((file) => file.stem)).toEqual(['p', 'q_2', 'r']);
    const p = mediaForPost(folder.mediaByStem.get('p')!, { typename: 'GraphSidecar', isVideo: false, videoChildren: [9] });
    expect(p.images).toEqual([
      { path: '/d/p_1.jpg', index: 1, kind: 'image' },
      { path: '/d/p_2.JPG', index: 2, kind: 'video-thumbnail' },
      { path: '/d/p_9.jpg', index: 9, kind: 'video-thumbnail' },
      { path: '/d/p_10.jpg', index: 10, kind: 'image' },
    ]);
    expect(p.videos).toEqual(['/d/p_2.mp4']);
    // A stem that itself ends in _<digits> keeps its image as a single one.
    expect(folder.mediaByStem.get('q_2')).toEqual([{ path: '/d/q_2.jpg', index: 1, carouselChild: false, type: 'image' }]);
    // --no-videos: the metadata says video, only the thumbnail is there.
    expect(mediaForPost(folder.mediaByStem.get('r')!, { typename: 'GraphVideo', isVideo: true, videoChildren: [] }).images).toEqual([
      { path: '/d/r.jpg', index: 1, kind: 'video-thumbnail' },
    ]);
    expect(folder.skipped).toEqual([
      { file: '/d/x_profile_pic.jpg', reason: 'profile picture, not a post' },
      { file: '/d/p_iterator_AbC-_123.json.xz', reason: 'resume state of an interrupted download' },
      { file: '/d/p_comments.json', reason: 'comments of a post (not imported)' },
      { file: '/d/readme.md', reason: 'not a file Instaloader writes' },
    ]);
    expect(folder.unpaired).toEqual([]);
    expect(folder.filenameOnly).toBe(false);
  });

  it('groups media without metadata into would-be posts, and knows a metadata name', () => {
    const folder = groupTargetFolder('/d', ['a.jpg', 'b_1.jpg', 'b_2.jpg', 'c.txt', 'c_3.jpg', 'stray.txt']);
    expect(folder.filenameOnly).toBe(true);
    expect(folder.unpaired.map((group) => [group.stem, group.files.map((file) => file.index)])).toEqual([
      ['a', [1]],
      ['b', [1, 2]],
      ['c', [3]],
    ]);
    expect(folder.captionFiles).toEqual(new Map([['c', '/d/c.txt']]));
    expect(folder.skipped).toEqual([{ file: '/d/stray.txt', reason: 'text file without a post' }]);
    expect(['x.json', 'x.json.xz', 'x_comments.json', 'iterator_ab.json.xz', 'x.jpg'].map(isMetadataName)).toEqual([true, true, false, false, false]);
  });

  it("reads a default stem's posting time", () => {
    expect(postedAtFromDefaultStem('2023-07-01_10-00-00_UTC')).toBe('2023-07-01T10:00:00.000Z');
    expect(postedAtFromDefaultStem('2023-07-01_10-00-00')).toBeUndefined();
    expect(postedAtFromDefaultStem('2023-07-01_10-00-00_UTC_CuPattern01')).toBeUndefined();
  });
});
