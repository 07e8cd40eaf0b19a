import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/shared/posts/import-report';
import type { JobRecord } from '../../../src/shared/jobs/job-types';
import type { ImageAnalysisReport } from '../../../src/main/core/images/image-analysis.job';
import { MlHost } from '../../../src/main/core/ml/ml-host';
import { postColumns, postDetail, postsSummary } from '../../../src/main/core/posts/post-queries';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

/**
 * A researcher's story: #selfie collected on day 0 and again on day 7 as CSV manifests, plus a followers file.
 * Day 7 lacks one post (deleted), day 0 has a bad row; two images are the same file, one is a near copy,
 * one is a corrupt JPEG.
 */
const header = 'post_id,image,owner_id,owner_name,followers,likes,comments,posted_at,captured_at,caption\n';
const day = 86_400;
const t0 = 1_443_700_800; // 2015-10-01T12:00:00Z

async function gradient(file: string, hue: number, flip = false): Promise<void> {
  const width = 64;
  const pixels = Buffer.alloc(width * width * 3);
  for (let y = 0; y < width; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const v = flip ? width - 1 - x : x;
      pixels[i] = (v * 4 + hue) % 256;
      pixels[i + 1] = (y * 4 + hue * 2) % 256;
      pixels[i + 2] = (hue * 3 + x + y) % 256;
    }
  await sharp(pixels, { raw: { width, height: width, channels: 3 } }).jpeg({ quality: 90 }).toFile(file);
}

describe('importing snapshots of a hashtag', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;
  const ml = new MlHost();

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const images = join(dir, 'data', 'images');
    await mkdir(images, { recursive: true });
    await gradient(join(images, 'a.jpg'), 10);
    await gradient(join(images, 'b.jpg'), 90);
    await gradient(join(images, 'c.jpg'), 170, true);
    await writeFile(join(images, 'a-copy.jpg'), await readFile(join(images, 'a.jpg'))); // same bytes: an exact repost
    await sharp(join(images, 'b.jpg')).modulate({ brightness: 1.04 }).jpeg({ quality: 70 }).toFile(join(images, 'b-near.jpg')); // near copy
    const good = await readFile(join(images, 'c.jpg'));
    await writeFile(join(images, 'broken.jpg'), good.subarray(0, Math.floor(good.length / 3))); // truncated JPEG

    const rows0 = [
      `p1,images/a.jpg,100,alice,,10,1,${t0},${t0 + 3600},Hello #Selfie #me`,
      `p2,images/b.jpg,200,bob,5000,50,2,${t0 + 10},${t0 + 3600},"Line one, with comma\nline two #selfie"`,
      `p3,images/c.jpg,300,carol,300,3,0,${t0 + 20},${t0 + 3600},#selfie`,
      `p4,images/a-copy.jpg,400,dave,40,4,0,${t0 + 30},${t0 + 3600},repost #selfie`,
      `p5,images/b-near.jpg,500,erin,50,5,0,${t0 + 40},${t0 + 3600},#selfie #near`,
      `p6,images/broken.jpg,600,frank,60,6,0,${t0 + 50},${t0 + 3600},#selfie`,
      `p7,images/c.jpg,700,grace,70,abc,0,${t0 + 60},${t0 + 3600},bad likes`,
    ];
    // Day 7: p3 is gone (deleted); the others have more likes.
    const rows7 = [
      `p1,images/a.jpg,100,alice,,110,3,${t0},${t0 + 7 * day + 3600},Hello #Selfie #me`,
      `p2,images/b.jpg,200,bob,5000,150,4,${t0 + 10},${t0 + 7 * day + 3600},"Line one, with comma\nline two #selfie"`,
      `p4,images/a-copy.jpg,400,dave,40,14,0,${t0 + 30},${t0 + 7 * day + 3600},repost #selfie`,
      `p5,images/b-near.jpg,500,erin,50,15,0,${t0 + 40},${t0 + 7 * day + 3600},#selfie #near`,
      `p6,images/broken.jpg,600,frank,60,16,0,${t0 + 50},${t0 + 7 * day + 3600},#selfie`,
    ];
    await writeFile(join(dir, 'data', 'selfie_day0.csv'), header + rows0.join('\n') + '\n');
    await writeFile(join(dir, 'data', 'selfie_day7.csv'), header + rows7.join('\r\n') + '\r\n');
    await writeFile(join(dir, 'data', 'followers.csv'), 'owner_name,followers\nalice,1234\n');

    workbench = await testWorkbench(join(dir, 'config'), { mlHost: ml });
    await workbench.createProject(join(dir, 'project'));
  });

  afterAll(async () => {
    await workbench.dispose();
    await ml.dispose();
    await cleanup();
  });

  async function run(kind: string, params: Record<string, unknown>): Promise<JobRecord> {
    const jobs = workbench.requireJobs();
    const job = await jobs.start(kind, params);
    await jobs.idle();
    return jobs.get(job.id);
  }

  it('imports both days as snapshots of the same posts, joins followers and marks the deleted post', async () => {
    const job = await run('import', {
      paths: [join(dir, 'data', 'selfie_day0.csv'), join(dir, 'data', 'selfie_day7.csv')],
      target: 'selfie',
      followersFile: join(dir, 'data', 'followers.csv'),
    });
    expect(job.state).toBe('succeeded');
    const report = job.result as ImportReport;
    expect(report.counts).toEqual({ imported: 6, updated: 5, unchanged: 0, skipped: 0, failed: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'BAD_ROW', severity: 'error', file: join(dir, 'data', 'selfie_day0.csv'), line: 9 }),
    ]);
    expect(report.followers).toMatchObject({ filled: 1, missing: 0 });
    expect(report.deleted).toBe(1);
    expect(report.totalPosts).toBe(6);

    const project = workbench.requireProject();
    const table = project.postTable;
    const p1 = postDetail(table, 'p1', 7);
    expect(p1.post).toMatchObject({
      ownerName: 'alice',
      followers: 1234,
      followersSource: 'followers-file',
      hashtags: ['selfie', 'me'],
      postedAt: '2015-10-01T12:00:00.000Z',
      deleted: false,
    });
    expect(p1.post.snapshots.map((s) => s.likes)).toEqual([10, 110]);
    expect(p1.labeled).toMatchObject({ likes: 110, comments: 3 });
    expect(postDetail(table, 'p2', 7).post.caption).toBe('Line one, with comma\nline two #selfie');
    expect(postDetail(table, 'p3', 7).post.deleted).toBe(true);
    expect(postDetail(table, 'p3', 7).labeled).toBeNull(); // only a day-0 snapshot: no label, never silently the earliest

    const columns = postColumns(table, 7);
    const row = table.rowOf('p2')!;
    expect(columns.likes[row]).toBe(150);
    expect(columns.ageDays[row]).toBeCloseTo(7 + (3600 - 10) / day, 5);
    expect(postsSummary(table, 7)).toMatchObject({ count: 6, deleted: 1, missingFollowers: 0, missingLabeledLikes: 1 });
  });

  it('adds nothing when the same files are imported again', async () => {
    const before = await readFile(join(dir, 'project', 'posts.json'), 'utf8');
    const job = await run('import', { paths: [join(dir, 'data', 'selfie_day0.csv'), join(dir, 'data', 'selfie_day7.csv')], target: 'selfie' });
    const report = job.result as ImportReport;
    expect(report.counts).toMatchObject({ imported: 0, updated: 0, unchanged: 11 });
    const after = JSON.parse(await readFile(join(dir, 'project', 'posts.json'), 'utf8'));
    expect(after.columns.id).toEqual(JSON.parse(before).columns.id);
    expect(after.columns.snapshots).toEqual(JSON.parse(before).columns.snapshots);
  });

  it('analyses images: corrupt files reported by name, exact and near reposts flagged', async () => {
    const job = await run('images.analyze', {});
    expect(job.state).toBe('succeeded');
    const report = job.result as ImageAnalysisReport;
    expect(report.analysed).toBe(5);
    expect(report.failed).toBe(1);
    expect(report.failures[0]).toMatchObject({ postId: 'p6', file: join(dir, 'data', 'images', 'broken.jpg') });
    expect(report.failures[0]!.reason.length).toBeGreaterThan(5);
    expect(report.duplicates).toEqual({ exact: 1, near: 1 });

    const table = workbench.requireProject().postTable;
    expect(postDetail(table, 'p4', 7).post).toMatchObject({ duplicateOf: 'p1', duplicateKind: 'exact' });
    expect(postDetail(table, 'p5', 7).post).toMatchObject({ duplicateOf: 'p2', duplicateKind: 'near' });
    expect(postDetail(table, 'p1', 7).post.images[0]).toMatchObject({ width: 64, height: 64, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Resume semantics: a second run has nothing left to do.
    const again = (await run('images.analyze', {})).result as ImageAnalysisReport;
    expect(again).toMatchObject({ analysed: 0, alreadyDone: 6 });
  });

  it('serves thumbnails as webp data URLs, and null for the unreadable image', async () => {
    const result = await workbench.dispatch('posts.thumbnails', {
      rows: ['p1', 'p6'].map((id) => workbench.requireProject().postTable.rowOf(id)!),
    });
    expect(result.ok).toBe(true);
    const [thumb, broken] = (result as { ok: true; value: Array<string | null> }).value;
    expect(thumb).toMatch(/^data:image\/webp;base64,/);
    const meta = await sharp(Buffer.from(thumb!.split(',')[1]!, 'base64')).metadata();
    expect(meta.format).toBe('webp');
    expect(broken).toBeNull();
  });
});
