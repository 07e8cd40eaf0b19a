// Reading Instaloader download folders (FORMATS.md §1) from the fixtures that
// test/fixtures/instaloader/make-fixtures.py writes: every value asserted here was written there.
import { cp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  looksLikeInstaloaderFolder,
  readInstaloaderFolder,
  type InstaloaderReadOptions,
} from '../../../src/main/core/import/instaloader/instaloader-reader';
import type { ImportedPost, ImportProblem, ImportedProfile, SkippedFile, SourceEvent } from '../../../src/shared/posts/imported-post';
import { tempDir } from '../../support/temp';

const fixtures = fileURLToPath(new URL('../../fixtures/instaloader/', import.meta.url));
const download = join(fixtures, 'download');
const selfie = join(download, '#selfie');
const someuser = join(download, 'someuser');
const legacy = join(download, 'legacy3x');
const captured = '2023-06-01T00:00:00.000Z';

interface Collected {
  events: SourceEvent[];
  posts: ImportedPost[];
  byId: Map<string, ImportedPost>;
  profiles: ImportedProfile[];
  problems: ImportProblem[];
  skipped: SkippedFile[];
  progress: { done: number; total: number }[];
}

async function collect(dir: string, options?: InstaloaderReadOptions): Promise<Collected> {
  const events: SourceEvent[] = [];
  for await (const event of readInstaloaderFolder(dir, options)) events.push(event);
  const posts = events.flatMap((event) => (event.type === 'post' ? [event.post] : []));
  return {
    events,
    posts,
    byId: new Map(posts.map((post) => [post.postId, post])),
    profiles: events.flatMap((event) => (event.type === 'profile' ? [event.profile] : [])),
    problems: events.flatMap((event) => (event.type === 'problem' ? [event.problem] : [])),
    skipped: events.flatMap((event) => (event.type === 'skipped' ? [event.skipped] : [])),
    progress: events.flatMap((event) => (event.type === 'progress' ? [{ done: event.done, total: event.total }] : [])),
  };
}

const image = (dir: string, name: string, index = 1, kind: 'image' | 'video-thumbnail' = 'image') => ({ path: join(dir, name), index, kind });

describe('a hashtag download folder (#selfie, Instaloader 4.x, .json.xz)', () => {
  let result: Collected;
  beforeEach(async () => {
    result = await collect(download, { capturedAt: captured });
  });

  it('reads every post with every field, in file-name order', () => {
    expect(result.posts.map((post) => post.postId)).toEqual([
      'CsAlpha0001',
      'CsBravo0002',
      'CsCharlie03',
      'CsDelta0004',
      'CsEcho00005',
      'CsFoxtrot06',
      'CsGolf00007',
      'CsHotel0008',
      'CsKilo00010',
      'CsMike00011',
      'BXlegacy3xA',
      'CmXmas00099',
    ]);
    const snapshot = (likes: number | null, comments: number | null) => ({ capturedAt: captured, likes, comments });
    const origin = (stem: string) => ({ file: join(selfie, `${stem}.json.xz`) });

    expect(result.byId.get('CsAlpha0001')).toStrictEqual({
      postId: 'CsAlpha0001',
      shortcode: 'CsAlpha0001',
      mediaId: '3091000000000000001',
      ownerId: '111',
      ownerName: 'alice',
      postedAt: '2023-05-01T10:00:00.000Z',
      caption: 'Morning light \u2600\ufe0f caf\u00e9 #Selfie #sunday #1 #selfie #caf\u00e9',
      typename: 'GraphImage',
      hashtags: ['selfie', 'sunday', 'caf\u00e9'],
      isVideo: false,
      images: [image(selfie, '2023-05-01_10-00-00_UTC.jpg')],
      videos: [],
      snapshot: snapshot(120, 4),
      extra: {},
      origin: origin('2023-05-01_10-00-00_UTC'),
    });
    // edge_liked_by and edge_media_to_parent_comment; an embedded owner profile with followers and an id of 2^53 + 1.
    expect(result.byId.get('CsBravo0002')).toStrictEqual({
      postId: 'CsBravo0002',
      shortcode: 'CsBravo0002',
      mediaId: '3091000000000000002',
      ownerId: '9007199254740993',
      ownerName: 'bob',
      followers: 5000,
      followersSource: 'embedded',
      postedAt: '2023-05-01T11:00:00.000Z',
      typename: 'GraphImage',
      hashtags: [],
      isVideo: false,
      images: [image(selfie, '2023-05-01_11-00-00_UTC.webp')],
      videos: [],
      snapshot: snapshot(75, 2),
      extra: {},
      origin: origin('2023-05-01_11-00-00_UTC'),
    });
    expect(result.byId.get('CsCharlie03')).toStrictEqual({
      postId: 'CsCharlie03',
      shortcode: 'CsCharlie03',
      mediaId: '3091000000000000003',
      ownerId: '222',
      ownerName: 'carol',
      postedAt: '2023-05-02T08:30:00.000Z',
      caption: 'Three in one #Carousel #selfie',
      typename: 'GraphSidecar',
      hashtags: ['carousel', 'selfie'],
      isVideo: false,
      images: [
        image(selfie, '2023-05-02_08-30-00_UTC_1.jpg', 1),
        image(selfie, '2023-05-02_08-30-00_UTC_2.png', 2),
        image(selfie, '2023-05-02_08-30-00_UTC_3.jpg', 3, 'video-thumbnail'),
      ],
      videos: [join(selfie, '2023-05-02_08-30-00_UTC_3.mp4')],
      snapshot: snapshot(300, 12),
      extra: {},
      origin: origin('2023-05-02_08-30-00_UTC'),
    });
    expect(result.byId.get('CsDelta0004')).toStrictEqual({
      postId: 'CsDelta0004',
      shortcode: 'CsDelta0004',
      mediaId: '3091000000000000004',
      ownerId: '111',
      ownerName: 'alice',
      postedAt: '2023-05-02T09:00:00.000Z',
      caption: 'Moving selfie #video',
      typename: 'GraphVideo',
      hashtags: ['video'],
      isVideo: true,
      images: [image(selfie, '2023-05-02_09-00-00_UTC.jpg', 1, 'video-thumbnail')],
      videos: [join(selfie, '2023-05-02_09-00-00_UTC.mp4')],
      snapshot: snapshot(88, 5),
      extra: {},
      origin: origin('2023-05-02_09-00-00_UTC'),
    });
    expect(result.byId.get('CsEcho00005')).toMatchObject({
      ownerId: '444',
      postedAt: '2023-05-03T12:00:00.000Z',
      hashtags: ['hidden'],
      images: [image(selfie, '2023-05-03_12-00-00_UTC.jpg')],
      snapshot: snapshot(null, 3),
    });
    expect(result.byId.get('CsFoxtrot06')).toMatchObject({
      ownerName: 'frank',
      caption: 'No counts here',
      hashtags: [],
      snapshot: snapshot(null, 0),
    });
    // The iphone-derived node: date, plain caption and comments, likes from iphone_struct, owner from iphone_struct.user.
    expect(result.byId.get('CsGolf00007')).toStrictEqual({
      postId: 'CsGolf00007',
      shortcode: 'CsGolf00007',
      mediaId: '3091234567890123456',
      ownerId: '18446744073709551615',
      ownerName: 'bigid_user',
      postedAt: '2023-05-04T08:00:00.000Z',
      caption: 'From the app #iPhone #Selfie',
      typename: 'GraphImage',
      hashtags: ['iphone', 'selfie'],
      isVideo: false,
      images: [image(selfie, '2023-05-04_08-00-00_UTC.jpg')],
      videos: [],
      snapshot: snapshot(42, 7),
      extra: {},
      origin: origin('2023-05-04_08-00-00_UTC'),
    });
    expect(result.byId.get('CsHotel0008')).toMatchObject({
      caption: 'Caption only in the txt file #TxtOnly',
      hashtags: ['txtonly'],
      snapshot: snapshot(10, 1),
    });
    expect(result.byId.get('CsKilo00010')).toMatchObject({
      caption: 'Second post of that second #selfie',
      images: [image(selfie, '2023-05-04_15-30-00_UTC.jpg')],
      snapshot: snapshot(55, 2),
    });
    expect(result.byId.get('CsMike00011')).toMatchObject({ images: [], videos: [], snapshot: snapshot(9, 0) });
  });

  it('never turns hidden likes into 0, and keeps ids above 2^53 exact', () => {
    expect(result.byId.get('CsEcho00005')!.snapshot.likes).toBeNull();
    expect(result.byId.get('CsFoxtrot06')!.snapshot.likes).toBeNull();
    expect(result.byId.get('CsGolf00007')!.ownerId).toBe('18446744073709551615');
    expect(result.byId.get('CsGolf00007')!.mediaId).toBe('3091234567890123456');
    expect(result.byId.get('CsBravo0002')!.ownerId).toBe('9007199254740993');
    expect(result.posts.filter((post) => post.followers !== undefined).map((post) => post.postId)).toEqual(['CsBravo0002']);
  });

  it('reads the 3.x bare node and the uncompressed, indented .json', () => {
    expect(result.byId.get('BXlegacy3xA')).toStrictEqual({
      postId: 'BXlegacy3xA',
      shortcode: 'BXlegacy3xA',
      mediaId: '1572000000000000000',
      ownerId: '333',
      postedAt: '2017-08-01T12:00:00.000Z',
      caption: 'Old times #throwback',
      typename: 'GraphImage',
      hashtags: ['throwback'],
      isVideo: false,
      images: [image(legacy, '2017-08-01_12-00-00_UTC.jpg')],
      videos: [],
      snapshot: { capturedAt: captured, likes: 15, comments: 0 },
      extra: {},
      origin: { file: join(legacy, '2017-08-01_12-00-00_UTC.json') },
    });
    expect(result.byId.get('CmXmas00099')).toStrictEqual({
      postId: 'CmXmas00099',
      shortcode: 'CmXmas00099',
      mediaId: '2999000000000000099',
      ownerId: '123',
      ownerName: 'someuser',
      postedAt: '2022-12-24T18:00:00.000Z',
      caption: 'Xmas \u00e9t\u00e9 #selfie #HOLIDAYS',
      typename: 'GraphImage',
      hashtags: ['selfie', 'holidays'],
      isVideo: false,
      images: [image(someuser, '2022-12-24_18-00-00_UTC.jpg')],
      videos: [],
      snapshot: { capturedAt: captured, likes: 99, comments: 1 },
      extra: {},
      origin: { file: join(someuser, '2022-12-24_18-00-00_UTC.json') },
    });
  });

  it("reads the profile folder's follower count, with the user id from the id file", () => {
    expect(result.profiles).toEqual([
      { ownerId: '123', ownerName: 'someuser', followers: 1234, source: 'profile', file: join(someuser, 'someuser_123.json.xz') },
    ]);
  });

  it('passes over profile pictures, resume state, hashtag metadata and post extras, saying why', () => {
    expect(result.skipped).toEqual([
      { file: join(selfie, '2023-05-01_09-00-00_UTC_profile_pic.jpg'), reason: 'profile picture, not a post' },
      { file: join(selfie, '2023-05-01_10-00-00_UTC_comments.json'), reason: 'comments of a post (not imported)' },
      { file: join(selfie, '2023-05-01_10-00-00_UTC_location.txt'), reason: 'location of a post (not imported)' },
      { file: join(selfie, 'iterator_q1w2e3r4.json.xz'), reason: 'resume state of an interrupted download' },
      { file: join(selfie, '#selfie.json.xz'), reason: 'hashtag metadata' },
      { file: join(someuser, '2022-12-01_00-00-00_UTC_profile_pic.jpg'), reason: 'profile picture, not a post' },
    ]);
  });

  it('reports the foreign JSON, the collision, the missing image, the truncated xz and the orphan image by file', () => {
    const summary = result.problems.map(({ severity, code, file }) => ({ severity, code, file }));
    expect(summary).toEqual([
      { severity: 'warning', code: 'NOT_INSTALOADER', file: join(download, 'notes.json') },
      { severity: 'warning', code: 'COLLISION', file: join(selfie, '2023-05-04_15-30-00_UTC_old_01.txt') },
      { severity: 'warning', code: 'MISSING_IMAGE', file: join(selfie, '2023-05-05_10-00-00_UTC.json.xz') },
      { severity: 'error', code: 'CORRUPT_FILE', file: join(selfie, '2023-05-07_10-00-00_UTC.json.xz') },
      { severity: 'warning', code: 'ORPHAN_IMAGE', file: join(selfie, '2023-05-06_10-00-00_UTC.jpg') },
    ]);
    const message = (code: string) => result.problems.find((problem) => problem.code === code)!.message;
    expect(message('NOT_INSTALOADER')).toContain('notes.json');
    expect(message('COLLISION')).toContain('the image 2023-05-04_15-30-00_UTC.jpg may belong to a different post than 2023-05-04_15-30-00_UTC.json.xz');
    expect(message('MISSING_IMAGE')).toContain('CsMike00011');
    expect(message('CORRUPT_FILE')).toMatch(/^2023-05-07_10-00-00_UTC\.json\.xz was not imported: it is truncated/);
    expect(message('CORRUPT_FILE')).toContain('Its 1 image/video file(s) are not imported either.');
    expect(message('ORPHAN_IMAGE')).toContain('2023-05-06_10-00-00_UTC.jpg has no metadata file');
    // The truncated post's image is claimed by its (unreadable) metadata: not reported a second time as an orphan.
    expect(result.problems.some((problem) => problem.file.endsWith('2023-05-07_10-00-00_UTC.jpg'))).toBe(false);
  });

  it('counts progress in metadata files: 16 here (13 posts, the profile, the hashtag, the foreign JSON)', () => {
    expect(result.progress).toEqual([
      { done: 0, total: 16 },
      { done: 16, total: 16 },
    ]);
    expect(result.events[0]).toEqual({ type: 'progress', done: 0, total: 16 });
    expect(result.events.at(-1)).toEqual({ type: 'progress', done: 16, total: 16 });
  });

  it('reads one target folder given directly', async () => {
    const one = await collect(someuser, { capturedAt: captured });
    expect(one.posts.map((post) => post.postId)).toEqual(['CmXmas00099']);
    expect(one.profiles).toHaveLength(1);
    expect(one.problems).toEqual([]);
  });
});

describe('capture time', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('selfie-lab-instaloader-')));
  afterEach(async () => cleanup());

  it("is the metadata file's mtime when not given (git and zip lose it, so the test sets it)", async () => {
    const copy = join(dir, '#selfie');
    await cp(selfie, copy, { recursive: true });
    const jsonTime = new Date('2023-05-08T06:07:08.000Z');
    const imageTime = new Date('2023-05-01T10:00:00.000Z'); // Instaloader stamps images with the posting time
    await utimes(join(copy, '2023-05-01_10-00-00_UTC.json.xz'), jsonTime, jsonTime);
    await utimes(join(copy, '2023-05-01_10-00-00_UTC.jpg'), imageTime, imageTime);
    const other = new Date('2023-05-15T00:00:00.000Z');
    await utimes(join(copy, '2023-05-02_08-30-00_UTC.json.xz'), other, other);

    const result = await collect(copy);
    expect(result.byId.get('CsAlpha0001')!.snapshot.capturedAt).toBe('2023-05-08T06:07:08.000Z');
    expect(result.byId.get('CsCharlie03')!.snapshot.capturedAt).toBe('2023-05-15T00:00:00.000Z');
  });

  it('is the given time for every snapshot, normalised to ISO UTC; an unparseable one is refused', async () => {
    const result = await collect(selfie, { capturedAt: '2023-05-10T12:00:00+02:00' });
    expect(new Set(result.posts.map((post) => post.snapshot.capturedAt))).toEqual(new Set(['2023-05-10T10:00:00.000Z']));
    await expect(collect(selfie, { capturedAt: 'next tuesday' })).rejects.toThrow(/capturedAt is not a date/);
  });
});

describe('the profile folder', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('selfie-lab-instaloader-')));
  afterEach(async () => cleanup());

  it('takes the user id from the id file, then from the file name; an id in the JSON wins', async () => {
    await cp(someuser, dir, { recursive: true });
    await writeFile(join(dir, 'id'), '456\n');
    expect((await collect(dir)).profiles[0]).toMatchObject({ ownerId: '456', ownerName: 'someuser', followers: 1234 });

    await rm(join(dir, 'id'));
    expect((await collect(dir)).profiles[0]).toMatchObject({ ownerId: '123' });

    const profile = { node: { id: '789', username: 'someuser', follower_count: 77 }, instaloader: { version: '4.13', node_type: 'Profile' } };
    await writeFile(join(dir, 'someuser_123.json'), JSON.stringify(profile, null, 4));
    await rm(join(dir, 'someuser_123.json.xz'));
    expect((await collect(dir)).profiles).toEqual([
      { ownerId: '789', ownerName: 'someuser', followers: 77, source: 'profile', file: join(dir, 'someuser_123.json') },
    ]);
  });
});

describe('a custom --filename-pattern={date_utc}_UTC_{shortcode}', () => {
  const folder = join(fixtures, 'custom-pattern');

  it('pairs images by stem and reports the file whose JSON holds another shortcode than its name', async () => {
    const result = await collect(folder, { capturedAt: captured });
    expect(result.posts.map((post) => [post.postId, post.images])).toEqual([
      ['CuPattern01', [image(folder, '2023-06-01_10-00-00_UTC_CuPattern01.jpg')]],
      [
        'CuPattern02',
        [image(folder, '2023-06-01_11-00-00_UTC_CuPattern02_1.jpg', 1), image(folder, '2023-06-01_11-00-00_UTC_CuPattern02_2.jpg', 2)],
      ],
      ['CuOtherPost', [image(folder, '2023-06-01_12-00-00_UTC_CuPattern03.jpg')]],
    ]);
    expect(result.byId.get('CuPattern02')).toMatchObject({ typename: 'GraphSidecar', snapshot: { likes: 22, comments: 2 } });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'warning', code: 'COLLISION', file: join(folder, '2023-06-01_12-00-00_UTC_CuPattern03.json.xz') });
    expect(result.problems[0]!.message).toContain('holds post CuOtherPost');
    expect(result.problems[0]!.message).toContain('may belong to a different post than the JSON');
  });

  it('does not apply the shortcode check to default-named folders or default-named files', async () => {
    const result = await collect(selfie, { capturedAt: captured });
    expect(result.problems.filter((problem) => problem.code === 'COLLISION')).toHaveLength(1);

    // An earlier run without {shortcode} into the same folder: its default names carry no shortcode to disagree with.
    const { dir, cleanup } = await tempDir('selfie-lab-instaloader-');
    try {
      await cp(folder, dir, { recursive: true });
      await cp(join(selfie, '2023-05-01_10-00-00_UTC.json.xz'), join(dir, '2023-05-01_10-00-00_UTC.json.xz'));
      await cp(join(selfie, '2023-05-01_10-00-00_UTC.jpg'), join(dir, '2023-05-01_10-00-00_UTC.jpg'));
      const mixed = await collect(dir, { capturedAt: captured });
      expect(mixed.posts).toHaveLength(4);
      expect(mixed.problems.map((problem) => [problem.code, problem.file])).toEqual([
        ['COLLISION', join(dir, '2023-06-01_12-00-00_UTC_CuPattern03.json.xz')],
      ]);
    } finally {
      await cleanup();
    }
  });
});

describe('a --no-metadata-json download', () => {
  const folder = join(fixtures, 'no-metadata');

  it('imports the images by file name, without likes, and warns once for the folder', async () => {
    const result = await collect(folder, { capturedAt: captured });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'warning', code: 'ORPHAN_IMAGE', file: folder });
    expect(result.problems[0]!.message).toContain('no metadata JSON');
    const noCounts = { capturedAt: captured, likes: null, comments: null };
    expect(result.posts).toStrictEqual([
      {
        postId: '2023-07-01_10-00-00_UTC',
        postedAt: '2023-07-01T10:00:00.000Z',
        caption: 'No json here #NoMeta',
        hashtags: ['nometa'],
        isVideo: false,
        images: [image(folder, '2023-07-01_10-00-00_UTC.jpg')],
        videos: [],
        snapshot: noCounts,
        extra: {},
        origin: { file: join(folder, '2023-07-01_10-00-00_UTC.jpg') },
      },
      {
        postId: '2023-07-01_11-00-00_UTC',
        postedAt: '2023-07-01T11:00:00.000Z',
        hashtags: [],
        isVideo: false,
        images: [image(folder, '2023-07-01_11-00-00_UTC_1.jpg', 1), image(folder, '2023-07-01_11-00-00_UTC_2.jpg', 2)],
        videos: [],
        snapshot: noCounts,
        extra: {},
        origin: { file: join(folder, '2023-07-01_11-00-00_UTC_1.jpg') },
      },
      {
        postId: '2023-07-01_12-00-00_UTC',
        postedAt: '2023-07-01T12:00:00.000Z',
        hashtags: [],
        isVideo: true,
        images: [image(folder, '2023-07-01_12-00-00_UTC.jpg', 1, 'video-thumbnail')],
        videos: [join(folder, '2023-07-01_12-00-00_UTC.mp4')],
        snapshot: noCounts,
        extra: {},
        origin: { file: join(folder, '2023-07-01_12-00-00_UTC.jpg') },
      },
    ]);
  });

  it('has no capture time unless one is given (the images carry the posting time)', async () => {
    const result = await collect(folder);
    expect(result.posts.map((post) => post.snapshot.capturedAt)).toEqual([null, null, null]);
  });
});

describe('odd files among the metadata', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('selfie-lab-instaloader-')));
  afterEach(async () => cleanup());

  it('reports invalid JSON, other Instaloader types, and prefers .json.xz over a duplicate .json', async () => {
    await cp(join(selfie, '2023-05-01_10-00-00_UTC.json.xz'), join(dir, 'a_UTC.json.xz'));
    await cp(join(selfie, '2023-05-01_10-00-00_UTC.jpg'), join(dir, 'a_UTC.jpg'));
    await writeFile(join(dir, 'a_UTC.json'), '{"shortcode": "Duplicate"}');
    await writeFile(join(dir, 'broken.json'), '{"node": {"shortcode": "x",}');
    await writeFile(join(dir, 'story.json'), JSON.stringify({ node: { id: '1' }, instaloader: { version: '4.13', node_type: 'StoryItem' } }));
    await writeFile(join(dir, 'a_UTC_iterator_Zm9v-_aB.json.xz'), 'resume state of the comments');

    const result = await collect(dir, { capturedAt: captured });
    expect(result.posts.map((post) => post.postId)).toEqual(['CsAlpha0001']);
    expect(result.skipped).toEqual([
      { file: join(dir, 'a_UTC_iterator_Zm9v-_aB.json.xz'), reason: 'resume state of an interrupted download' },
      { file: join(dir, 'a_UTC.json'), reason: 'the same metadata is also here as .json.xz, which is read instead' },
    ]);
    expect(result.problems.map(({ severity, code, file }) => ({ severity, code, file }))).toEqual([
      { severity: 'error', code: 'CORRUPT_FILE', file: join(dir, 'broken.json') },
      { severity: 'warning', code: 'UNSUPPORTED', file: join(dir, 'story.json') },
    ]);
    expect(result.problems[0]!.message).toContain('is not valid JSON');
    expect(result.problems[1]!.message).toContain('StoryItem');
  });

  it('reports progress every 200 metadata files and streams 450 posts in name order', async () => {
    const names: string[] = [];
    for (let i = 0; i < 450; i++) {
      const stem = `2020-01-01_00-00-00_UTC_${String(i).padStart(3, '0')}`;
      names.push(stem);
      await writeFile(join(dir, `${stem}.json`), JSON.stringify({ shortcode: `S${i}`, edge_media_preview_like: { count: i } }));
      await writeFile(join(dir, `${stem}.jpg`), 'not decoded here');
    }
    const result = await collect(dir, { capturedAt: captured });
    expect(result.progress).toEqual([
      { done: 0, total: 450 },
      { done: 200, total: 450 },
      { done: 400, total: 450 },
      { done: 450, total: 450 },
    ]);
    expect(result.posts.map((post) => post.postId)).toEqual(names.map((_, i) => `S${i}`));
    expect(result.posts[449]!.snapshot.likes).toBe(449);
    expect(result.problems).toEqual([]);
  });

  it('stops between files once the signal is aborted', async () => {
    for (let i = 0; i < 50; i++) {
      await writeFile(join(dir, `p${String(i).padStart(2, '0')}.json`), JSON.stringify({ shortcode: `S${i}` }));
    }
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of readInstaloaderFolder(dir, { signal: controller.signal })) {
        if (event.type !== 'post') continue;
        seen.push(event.post.postId);
        if (seen.length === 3) controller.abort(new Error('cancelled by the user'));
      }
    })();
    await expect(reading).rejects.toThrow('cancelled by the user');
    expect(seen).toEqual(['S0', 'S1', 'S2']);
    expect((await readdir(dir)).length).toBe(50);
  });
});

describe('format detection', () => {
  it('recognises Instaloader folders and only them', async () => {
    expect(await looksLikeInstaloaderFolder(download)).toBe(true);
    expect(await looksLikeInstaloaderFolder(selfie)).toBe(true);
    expect(await looksLikeInstaloaderFolder(legacy)).toBe(true);
    expect(await looksLikeInstaloaderFolder(join(fixtures, 'custom-pattern'))).toBe(true);
    expect(await looksLikeInstaloaderFolder(join(fixtures, 'no-metadata'))).toBe(true);
    expect(await looksLikeInstaloaderFolder(join(fixtures, 'not-instaloader'))).toBe(false);
    expect(await looksLikeInstaloaderFolder(join(fixtures, 'does-not-exist'))).toBe(false);
  });
});
