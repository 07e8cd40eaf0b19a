import { copyFile, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureManifestRead, writeSyntheticManifest } from '../../../src/main/core/import/manifest/manifest-benchmark';
import { readFollowersFile, readManifest, type ManifestReadOptions } from '../../../src/main/core/import/manifest/manifest-reader';
import type { ImportedPost, ImportedProfile, ImportProblem, SourceEvent } from '../../../src/shared/posts/imported-post';
import { AppFailure } from '../../../src/shared/result';
import { tempDir } from '../../support/temp';

const fixtures = resolve(fileURLToPath(new URL('../../fixtures/manifest', import.meta.url)));
const fixture = (name: string) => join(fixtures, name);

async function collect(events: AsyncGenerator<SourceEvent>) {
  const posts: ImportedPost[] = [];
  const profiles: ImportedProfile[] = [];
  const problems: ImportProblem[] = [];
  const progress: { done: number; total: number }[] = [];
  for await (const event of events) {
    if (event.type === 'post') posts.push(event.post);
    else if (event.type === 'profile') profiles.push(event.profile);
    else if (event.type === 'problem') problems.push(event.problem);
    else if (event.type === 'progress') progress.push({ done: event.done, total: event.total });
  }
  return { posts, profiles, problems, progress };
}

const read = (file: string, options?: ManifestReadOptions) => collect(readManifest(file, options));

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('a researcher imports a CSV manifest', () => {
  it('reads every field of every row, keeping ids as written and extra columns as text', async () => {
    const file = fixture('posts.csv');
    const { posts, problems } = await read(file, { capturedAt: '2020-06-01T00:00:00Z' });
    expect(problems).toEqual([]);
    expect(posts).toEqual<ImportedPost[]>([
      {
        postId: '1001',
        ownerId: '501',
        ownerName: 'alice',
        followers: 1200,
        followersSource: 'manifest',
        postedAt: '2020-05-01T12:00:00.000Z',
        caption: 'Sunny day #ignored',
        hashtags: ['selfie', 'me'], // the hashtags column wins over the caption
        isVideo: false,
        images: [{ path: join(fixtures, 'images', 'a.jpg'), index: 1, kind: 'image' }],
        videos: [],
        snapshot: { capturedAt: '2020-05-08T12:00:00.000Z', likes: 85, comments: 4 },
        extra: { true_quality: '0.71', notes: 'first' },
        origin: { file, line: 2 },
      },
      {
        postId: '1002',
        ownerId: '502',
        ownerName: 'bob',
        postedAt: '2020-05-01T12:00:00.000Z', // unix seconds
        caption: 'Me, again #Selfie #NoFilter',
        hashtags: ['selfie', 'nofilter'], // empty hashtags cell: derived from the caption
        isVideo: false,
        images: [{ url: 'https://cdn.example.org/p/1002.jpg?size=l', index: 1, kind: 'image' }],
        videos: [],
        snapshot: { capturedAt: '2020-06-01T00:00:00.000Z', likes: null, comments: null }, // empty, not 0
        extra: { true_quality: '0.25', notes: '' },
        origin: { file, line: 3 },
      },
      {
        postId: '2345678901234567890',
        ownerId: '98765432109876543210',
        ownerName: 'carol',
        followers: 30,
        followersSource: 'manifest',
        postedAt: '2020-05-01T13:30:00.000Z', // no zone: UTC
        hashtags: ['selfie'],
        isVideo: false,
        images: [{ path: resolve('/data/photos/c.png'), index: 1, kind: 'image' }],
        videos: [],
        snapshot: { capturedAt: '2020-05-08T12:30:00.000Z', likes: 0, comments: 0 },
        extra: { true_quality: '0.5', notes: 'said "hi"' },
        origin: { file, line: 4 },
      },
      {
        postId: '1001',
        ownerId: '501',
        ownerName: 'alice',
        followers: 1250,
        followersSource: 'manifest',
        postedAt: '2020-05-01T12:00:00.000Z',
        caption: 'Sunny day',
        hashtags: ['selfie', 'me'],
        isVideo: false,
        images: [{ path: join(fixtures, 'images', 'a.jpg'), index: 1, kind: 'image' }],
        videos: [],
        snapshot: { capturedAt: '2020-05-15T12:00:00.000Z', likes: 140, comments: 9 },
        extra: { true_quality: '0.71', notes: 'second' },
        origin: { file, line: 5 },
      },
    ]);
  });

  it('yields a repeated post_id as two observations of one post, each with its capture time', async () => {
    const { posts } = await read(fixture('posts.csv'), { capturedAt: '2020-06-01T00:00:00Z' });
    const observations = posts.filter((post) => post.postId === '1001').map((post) => post.snapshot);
    expect(observations).toEqual([
      { capturedAt: '2020-05-08T12:00:00.000Z', likes: 85, comments: 4 },
      { capturedAt: '2020-05-15T12:00:00.000Z', likes: 140, comments: 9 },
    ]);
  });

  describe('with a temp folder', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ dir, cleanup } = await tempDir()));
    afterEach(async () => cleanup());

    it('uses the manifest file time for rows without captured_at when no capture time is given', async () => {
      const file = join(dir, 'posts.csv');
      await copyFile(fixture('posts.csv'), file);
      const modified = new Date('2021-03-04T05:06:07.000Z');
      await utimes(file, modified, modified);
      const { posts } = await read(file);
      expect(posts[1]!.snapshot.capturedAt).toBe('2021-03-04T05:06:07.000Z');
      expect(posts[0]!.snapshot.capturedAt).toBe('2020-05-08T12:00:00.000Z');
      expect(posts[0]!.images[0]!.path).toBe(join(dir, 'images', 'a.jpg')); // relative to the manifest's folder
    });

    it('reads BOM, CRLF, quoted line breaks, escaped quotes and a last row without a line break', async () => {
      const file = join(dir, 'excel.csv');
      const text = '\uFEFFpost_id,caption,likes\r\n1,"Line one\r\nline two, with ""quotes"" #Two",5\r\n2,plain,6\r\n\r\n3,"last",7';
      await writeFile(file, text, 'utf8');
      const { posts, problems } = await read(file, { capturedAt: '2020-01-01' });
      expect(problems).toEqual([]);
      expect(posts.map((post) => [post.postId, post.caption, post.snapshot.likes, post.origin.line, post.hashtags])).toEqual([
        ['1', 'Line one\r\nline two, with "quotes" #Two', 5, 2, ['two']],
        ['2', 'plain', 6, 4, []],
        ['3', 'last', 7, 6, []], // line 5 is blank
      ]);
    });

    it('reports a quote that is never closed at the line where its row starts', async () => {
      const file = join(dir, 'unclosed.csv');
      await writeFile(file, 'post_id,caption\n1,ok\n2,"never closed\n3,lost\n4,lost too\n');
      const { posts, problems } = await read(file, { capturedAt: '2020-01-01' });
      expect(posts.map((post) => post.postId)).toEqual(['1']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', code: 'BAD_ROW', file, line: 3 });
      expect(problems[0]!.message).toContain('never closed');
    });

    it('refuses a header that names a column twice', async () => {
      const file = join(dir, 'twice.csv');
      await writeFile(file, 'post_id,likes,Likes\n1,2,3\n');
      const { posts, problems } = await read(file, { capturedAt: '2020-01-01' });
      expect(posts).toEqual([]);
      expect(problems).toMatchObject([{ code: 'BAD_ROW', line: 1, severity: 'error' }]);
      expect(problems[0]!.message).toContain('"likes" twice');
    });

    it('ignores an unnamed index column (as pandas writes it) with a warning', async () => {
      const file = join(dir, 'pandas.csv');
      await writeFile(file, ',post_id,likes\n0,a,1\n1,b,2\n');
      const { posts, problems } = await read(file, { capturedAt: '2020-01-01' });
      expect(posts.map((post) => [post.postId, post.extra])).toEqual([
        ['a', {}],
        ['b', {}],
      ]);
      expect(problems).toMatchObject([{ severity: 'warning', line: 1 }]);
    });

    it('reports an empty file as missing its post_id column', async () => {
      const file = join(dir, 'empty.csv');
      await writeFile(file, '');
      const { posts, problems } = await read(file);
      expect(posts).toEqual([]);
      expect(problems).toMatchObject([{ code: 'MISSING_COLUMN', severity: 'error', file }]);
      expect(problems[0]!.message).toContain('the file is empty');
    });

    it('streams a large manifest with progress, and the benchmark helpers count it (no timing asserted)', async () => {
      const file = join(dir, 'big.csv');
      const written = await writeSyntheticManifest(file, 12_000);
      const { posts, problems, progress } = await read(file);
      expect(problems).toEqual([]);
      expect(posts).toHaveLength(12_000);
      expect(posts[0]).toMatchObject({ postId: '1000000000000000000', caption: 'Day 0, sunny\nsecond line #selfie', hashtags: ['selfie'] });
      expect(posts[1]!.origin.line).toBe(4); // the first caption spans lines 2-3
      expect(progress.length).toBeGreaterThanOrEqual(3); // every 5000 rows, and the end
      expect(progress.at(-1)).toEqual({ done: written.bytes, total: written.bytes });
      for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
      const timing = await measureManifestRead(file);
      expect(timing).toMatchObject({ posts: 12_000, problems: 0, bytes: written.bytes });
      expect(timing.milliseconds).toBeGreaterThan(0);
    });

    it('stops with CANCELLED when the signal is aborted', async () => {
      const file = join(dir, 'big.csv');
      await writeSyntheticManifest(file, 100);
      const controller = new AbortController();
      controller.abort();
      expect((await failure(read(file, { signal: controller.signal }))).code).toBe('CANCELLED');
    });
  });

  it('skips bad rows in the middle, reporting each with its line, column and value, and keeps the rows around them', async () => {
    const file = fixture('bad-middle.csv');
    const { posts, problems } = await read(file, { capturedAt: '2020-01-01T00:00:00Z' });
    expect(posts.map((post) => [post.postId, post.snapshot.likes, post.postedAt ?? null, post.origin.line])).toEqual([
      ['a', 1, '2020-01-01T00:00:00.000Z', 2],
      ['f', 7, '2020-01-02T00:00:00.000Z', 7],
      ['i', 12, '2020-01-04T00:00:00.000Z', 10], // 12.0 is exactly 12 (pandas writes gappy int columns as floats)
      ['k', 2, '2020-01-06T00:00:00.000Z', 14],
    ]);
    expect(problems.map((problem) => [problem.line, problem.code, problem.severity])).toEqual([
      [3, 'BAD_ROW', 'error'],
      [4, 'BAD_ROW', 'error'],
      [5, 'BAD_ROW', 'error'],
      [6, 'BAD_ROW', 'error'],
      [8, 'BAD_ROW', 'error'],
      [9, 'BAD_ROW', 'error'],
      [11, 'BAD_ROW', 'error'],
      [13, 'BAD_ROW', 'error'],
    ]);
    expect(problems.every((problem) => problem.file === file)).toBe(true);
    const messages = problems.map((problem) => problem.message);
    expect(messages[0]).toMatch(/Line 3 of bad-middle\.csv: column "likes" has "abc"/);
    expect(messages[1]).toMatch(/column "posted_at" has "2020-13-01"/);
    expect(messages[2]).toMatch(/column "likes" has "-5"/);
    expect(messages[3]).toMatch(/column "likes" has "1\.5"/);
    expect(messages[4]).toMatch(/2 fields but the header has 3/);
    expect(messages[5]).toMatch(/4 fields but the header has 3/);
    expect(messages[6]).toMatch(/column "post_id" is empty/);
    expect(messages[7]).toMatch(/column "likes" has "1e3"/);
    expect(messages.every((message) => message.endsWith('The row was skipped.'))).toBe(true);
  });

  it('imports nothing from a manifest without a post_id column, naming the file and the columns it has', async () => {
    const file = fixture('missing-post-id.csv');
    const { posts, problems } = await read(file);
    expect(posts).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'MISSING_COLUMN', file });
    expect(problems[0]!.message).toContain(file);
    expect(problems[0]!.message).toContain('columns found: id, likes, caption');
  });

  it('fails with IO_ERROR for a missing file and INVALID_INPUT for an unreadable capture time', async () => {
    const missing = await failure(read(fixture('nope.csv')));
    expect(missing.code).toBe('IO_ERROR');
    expect(missing.message).toContain('nope.csv');
    expect((await failure(read(fixture('posts.csv'), { capturedAt: 'last tuesday' }))).code).toBe('INVALID_INPUT');
  });
});

describe('a researcher imports a JSONL manifest', () => {
  it('reads big bare-number ids without rounding, arrays of images and hashtags, and reports bad lines', async () => {
    const file = fixture('posts.jsonl');
    const { posts, problems } = await read(file, { capturedAt: '2020-06-01T00:00:00Z' });
    expect(posts).toEqual<ImportedPost[]>([
      {
        postId: '2345678901234567891',
        shortcode: 'B_abc123',
        ownerId: '17841400000000000001',
        ownerName: 'dave',
        followers: 4000,
        followersSource: 'manifest',
        postedAt: '2020-05-01T12:00:00.000Z',
        caption: 'Two pics, id 12345678901234567890 in text',
        hashtags: ['selfie', 'me'],
        isVideo: false,
        images: [
          { url: 'https://cdn.example.org/x_1.jpg', index: 1, kind: 'image' },
          { path: join(fixtures, 'x_2.jpg'), index: 2, kind: 'image' },
        ],
        videos: [],
        snapshot: { capturedAt: '2020-05-08T12:00:00.000Z', likes: 120, comments: 7 },
        extra: { filter: 'Clarendon', meta: '{"a":1}' },
        origin: { file, line: 1 },
      },
      {
        postId: 'abc',
        postedAt: '2020-05-01T12:00:00.000Z', // unix milliseconds
        caption: 'video #Reel #reel',
        hashtags: ['reel'],
        isVideo: true,
        images: [{ path: join(fixtures, 'thumb.jpg'), index: 1, kind: 'video-thumbnail' }],
        videos: [],
        snapshot: { capturedAt: '2020-06-01T00:00:00.000Z', likes: null, comments: null },
        extra: {},
        origin: { file, line: 3 },
      },
      {
        postId: 'z',
        hashtags: [],
        isVideo: false,
        images: [],
        videos: [],
        snapshot: { capturedAt: '2020-05-09T00:00:00.000Z', likes: null, comments: 12 },
        extra: {},
        origin: { file, line: 9 },
      },
    ]);
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([
      [4, 'BAD_ROW'],
      [5, 'BAD_ROW'],
      [6, 'BAD_ROW'],
      [7, 'BAD_ROW'],
      [8, 'BAD_ROW'],
    ]);
    expect(problems[0]!.message).toContain('not valid JSON');
    expect(problems[1]!.message).toContain('an array');
    expect(problems[2]!.message).toContain('column "likes" has -5');
    expect(problems[3]!.message).toContain('column "post_id" has 1.5');
    expect(problems[4]!.message).toContain('"likes" appears twice');
  });
});

describe('a researcher adds follower counts from a followers file', () => {
  it('yields one profile per good row and reports the rest with their lines', async () => {
    const file = fixture('followers.csv');
    const { profiles, problems } = await collect(readFollowersFile(file));
    expect(profiles).toEqual<ImportedProfile[]>([
      { ownerId: '501', ownerName: 'alice', followers: 1200, source: 'followers-file', file },
      { ownerName: 'bob', followers: 300, source: 'followers-file', file },
      { ownerId: '98765432109876543210', followers: 42, source: 'followers-file', file },
    ]);
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([
      [5, 'BAD_ROW'],
      [6, 'BAD_ROW'],
      [7, 'BAD_ROW'],
      [8, 'BAD_ROW'],
    ]);
    expect(problems[0]!.message).toContain('names no owner');
    expect(problems[1]!.message).toContain('needs a count');
    expect(problems[2]!.message).toContain('"many"');
    expect(problems[3]!.message).toContain('"1,000"');
  });

  it('needs a followers column and an owner column', async () => {
    const { profiles, problems } = await collect(readFollowersFile(fixture('missing-post-id.csv')));
    expect(profiles).toEqual([]);
    expect(problems).toMatchObject([{ code: 'MISSING_COLUMN' }]);
    expect(problems[0]!.message).toContain('an owner_id or owner_name column and a followers column');
  });
});
