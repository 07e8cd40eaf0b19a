import { cp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/shared/posts/import-report';
import { postDetail, postsSummary } from '../../../src/main/core/posts/post-queries';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

const fixtures = resolve(import.meta.dirname, '../../fixtures/instaloader/download');

/** Sets every file's mtime: Instaloader records no capture time, the importer reads it from the metadata files. */
async function touchAll(dir: string, iso: string): Promise<void> {
  const time = new Date(iso);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), time, time);
  }
}

/**
 * A researcher downloads #selfie (and a profile) on day 0 and again on day 7 into separate folders, then imports
 * both folders: posts join by shortcode, each keeps both like counts, and a post deleted in between is marked.
 */
describe('two Instaloader downloads of the same targets, a week apart', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;
  const reports: ImportReport[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const day0 = join(dir, 'day0');
    const day7 = join(dir, 'day7');
    await cp(fixtures, day0, { recursive: true });
    await cp(fixtures, day7, { recursive: true });
    // Between the downloads, hank deleted CsHotel0008 and someuser's post gained likes.
    for (const name of await readdir(join(day7, '#selfie'))) {
      if (name.startsWith('2023-05-04_09-00-00_UTC')) await rm(join(day7, '#selfie', name));
    }
    const xmas = join(day7, 'someuser', '2022-12-24_18-00-00_UTC.json');
    await writeFile(xmas, (await readFile(xmas, 'utf8')).replace('"count": 99', '"count": 150'));
    await touchAll(day0, '2023-05-08T00:00:00Z');
    await touchAll(day7, '2023-05-15T00:00:00Z');

    workbench = await testWorkbench(join(dir, 'config'));
    await workbench.createProject(join(dir, 'project'));
    const jobs = workbench.requireJobs();
    for (const path of [day0, day7]) {
      const job = await jobs.start('import', { paths: [path] });
      await jobs.idle();
      const done = jobs.get(job.id);
      expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
      reports.push(done.result as ImportReport);
    }
  });

  afterAll(async () => {
    await workbench.dispose();
    await cleanup();
  });

  it('reports what each download added', () => {
    const [first, second] = reports;
    expect(first!.counts).toMatchObject({ imported: 12, updated: 0, unchanged: 0 });
    expect(second!.counts).toMatchObject({ imported: 0, updated: 11 });
    expect(first!.skippedByReason).toEqual(second!.skippedByReason);
    expect(Object.keys(first!.skippedByReason).join(' ')).toMatch(/profile picture/);
    expect(first!.problemsByCode).toMatchObject({ CORRUPT_FILE: 1, NOT_INSTALOADER: 1, COLLISION: 1 });
    const truncated = first!.problems.find((p) => p.code === 'CORRUPT_FILE');
    expect(truncated?.file).toMatch(/\.json\.xz$/);
  });

  it('keeps both like counts per post, from the file times, and labels each with the first ≥7 days after posting', () => {
    const table = workbench.requireProject().postTable;
    const xmas = postDetail(table, 'CmXmas00099', 7);
    expect(xmas.post.snapshots.map((s) => [s.capturedAt, s.likes])).toEqual([
      ['2023-05-08T00:00:00.000Z', 99],
      ['2023-05-15T00:00:00.000Z', 150],
    ]);
    expect(xmas.labeled?.likes).toBe(99); // both are ≥ 7 days old; the first one counts
    // Posted 2023-05-04 08:00: the day-0 download (4 days later) is too young, the day-7 one counts.
    const golf = postDetail(table, 'CsGolf00007', 7);
    expect(golf.post.snapshots).toHaveLength(2);
    expect(golf.labeled).toMatchObject({ capturedAt: '2023-05-15T00:00:00.000Z', likes: 42 });
    // Hidden likes stay hidden (null), never 0.
    expect(postDetail(table, 'CsEcho00005', 7).labeled).toMatchObject({ likes: null, comments: 3 });
  });

  it('marks the post missing from the later download as deleted, and only that one', () => {
    const table = workbench.requireProject().postTable;
    expect(postDetail(table, 'CsHotel0008', 7).post.deleted).toBe(true);
    expect(postsSummary(table, 7).deleted).toBe(1);
    const targets = table.collections.map((c) => c.target).sort();
    expect(targets).toEqual(['#selfie', '#selfie', 'legacy3x', 'legacy3x', 'someuser', 'someuser']);
  });

  it('joins follower counts from the profile JSON (id from the id file) and keeps big ids exact', () => {
    const table = workbench.requireProject().postTable;
    expect(postDetail(table, 'CmXmas00099', 7).post).toMatchObject({ ownerId: '123', followers: 1234, followersSource: 'profile' });
    expect(postDetail(table, 'CsBravo0002', 7).post).toMatchObject({ ownerId: '9007199254740993', followers: 5000, followersSource: 'embedded' });
    expect(postDetail(table, 'CsGolf00007', 7).post).toMatchObject({ ownerId: '18446744073709551615', mediaId: '3091234567890123456' });
    expect(reports[1]!.followers.missing).toBeGreaterThan(0);
    expect(reports[1]!.followers.missingExamples.map((e) => e.id)).toContain('CsGolf00007');
  });

  it('records carousel images in order and videos apart from images', () => {
    const table = workbench.requireProject().postTable;
    const carousel = postDetail(table, 'CsCharlie03', 7).post;
    expect(carousel.images.map((i) => [i.index, i.kind, i.path?.split('/').pop()])).toEqual([
      [1, 'image', '2023-05-02_08-30-00_UTC_1.jpg'],
      [2, 'image', '2023-05-02_08-30-00_UTC_2.png'],
      [3, 'video-thumbnail', '2023-05-02_08-30-00_UTC_3.jpg'],
    ]);
    expect(carousel.videos.map((v) => v.split('/').pop())).toEqual(['2023-05-02_08-30-00_UTC_3.mp4']);
    expect(postDetail(table, 'CsDelta0004', 7).post).toMatchObject({ isVideo: true, typename: 'GraphVideo' });
  });
});
