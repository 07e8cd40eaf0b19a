import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceColumnsPayload } from '../../../src/shared/faces/face-columns';
import { countImageBuckets, countPostDecisions } from '../../../src/shared/faces/face-columns';
import type { FaceImageView, FacePostDecision, FacesSummary } from '../../../src/shared/faces/face-summary';
import type { JobRecord } from '../../../src/shared/jobs/job-types';
import type { FaceDetectionReport } from '../../../src/main/core/faces/face-detection.job';
import { postsPassingFaceFilter } from '../../../src/main/core/faces/face-queries';
import { ProjectSession } from '../../../src/main/core/projects/project-session';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

const fixtures = resolve(import.meta.dirname, '../../fixtures/faces');
const fixture = (name: string) => join(fixtures, name);
const groupPhoto = resolve(import.meta.dirname, '../../../node_modules/@vladmandic/face-api/demo/sample1.jpg');

/**
 * A researcher's story: nine posts collected in a JSONL manifest (one a carousel, one never downloaded, one corrupt,
 * one whose file went missing), the face filter run, the rule tried out, two posts overridden, the job re-run.
 *
 *   selfie    astronaut.jpg                one face
 *   closeup   tight-sample3-2.jpg          one face, found only padded
 *   group     face-api sample1.jpg         three faces
 *   cat       chelsea.jpg                  "one face" (SSD takes the cat for one): the researcher drops it
 *   profile   tight-sample2-3.jpg          a face SSD misses (0.49): the researcher keeps it
 *   carousel  rocket.jpg, astronaut.jpg    no face in the first image, one in the second
 *   corrupt   a truncated JPEG
 *   missing   a file that is not there
 *   remote    an URL never downloaded
 */
describe('the face filter on a project', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;

  async function call<T>(method: string, input?: unknown): Promise<T> {
    const result = await workbench.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  }

  async function runJob(params: Record<string, unknown>): Promise<JobRecord> {
    const jobs = workbench.requireJobs();
    const job = await jobs.start('faces.detect', params);
    await jobs.idle();
    return jobs.get(job.id);
  }

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const good = await readFile(fixture('astronaut.jpg'));
    await writeFile(join(dir, 'corrupt.jpg'), good.subarray(0, good.length >> 1));
    const posts = [
      { post_id: 'selfie', image: fixture('astronaut.jpg') },
      { post_id: 'closeup', image: fixture('tight-sample3-2.jpg') },
      { post_id: 'group', image: groupPhoto },
      { post_id: 'cat', image: fixture('chelsea.jpg') },
      { post_id: 'profile', image: fixture('tight-sample2-3.jpg') },
      { post_id: 'carousel', image: [fixture('rocket.jpg'), fixture('astronaut.jpg')] },
      { post_id: 'corrupt', image: join(dir, 'corrupt.jpg') },
      { post_id: 'missing', image: join(dir, 'gone.jpg') },
      { post_id: 'remote', image: 'https://example.invalid/remote.jpg' },
    ].map((post) => ({ ...post, owner_name: post.post_id, likes: 10, followers: 100, posted_at: '2015-10-01T12:00:00Z' }));
    await writeFile(join(dir, 'selfie.jsonl'), posts.map((post) => JSON.stringify(post)).join('\n') + '\n');
    workbench = await testWorkbench(join(dir, 'config'));
    await workbench.createProject(join(dir, 'project'));
    const jobs = workbench.requireJobs();
    const imported = await jobs.start('import', { paths: [join(dir, 'selfie.jsonl')], downloadImages: false });
    await jobs.idle();
    expect(jobs.get(imported.id).state).toBe('succeeded');
  });

  afterAll(async () => {
    await workbench.dispose();
    await cleanup();
  });

  it('finds the faces in every image, records unreadable ones with the reason, and counts the buckets', async () => {
    const job = await runJob({ workers: 2 });
    expect(job.state).toBe('succeeded');
    expect(job.progress).toMatchObject({ done: 10, total: 10, unit: 'images' });
    const report = job.result as FaceDetectionReport;
    expect(report).toMatchObject({ detector: 'ssd', workers: 2, detected: 7, failed: 3, alreadyDone: 0 });
    expect(report.backend).toContain('wasm');
    expect(report.detectorVersion).toBe('face-api 1.7.15 · ssd_mobilenetv1 · views v1');
    // closeup, profile, and the rocket had no confident face as they were; closeup had one padded.
    expect(report).toMatchObject({ paddedRetries: 3, foundWhenPadded: 1 });
    // In the order the workers finished them.
    expect([...report.failures].sort((a, b) => a.postId.localeCompare(b.postId))).toEqual([
      { postId: 'corrupt', imageIndex: 0, file: join(dir, 'corrupt.jpg'), reason: expect.stringContaining('premature end of JPEG') },
      { postId: 'missing', imageIndex: 0, file: join(dir, 'gone.jpg'), reason: 'file not found' },
      { postId: 'remote', imageIndex: 0, file: null, reason: 'no local file (the image was not downloaded)' },
    ]);

    const summary = await call<FacesSummary>('faces.summary');
    expect(summary.images).toEqual({ total: 10, none: 2, one: 4, many: 1, error: 3, pending: 0 });
    // First image decides: selfie, closeup and cat pass.
    expect(summary.posts).toEqual({ total: 9, pass: 3, fail: 6, pending: 0, kept: 0, dropped: 0 });
    expect(summary.detector).toMatchObject({ name: 'ssd', backend: 'wasm', images: 10 });
    expect(summary.padded).toEqual({ retried: 3, found: 1 });
    expect((await workbench.projectSummary())!.counts.faces).toBe(4); // images with exactly one face
  });

  it('answers columns from which the page recounts as a slider moves, agreeing with the summary', async () => {
    const columns = await call<FaceColumnsPayload>('faces.columns');
    expect(columns).toMatchObject({ posts: 9, images: 10, storedMinScore: 0.2, rule: { minScore: 0.5, minSize: 0.05, carousel: 'first' } });
    expect(columns.postRow).toEqual([0, 1, 2, 3, 4, 5, 5, 6, 7, 8]);
    expect(columns.imageIndex).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(columns.status).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2]);
    expect(columns.width.slice(0, 3)).toEqual([384, 256, 1920]);
    expect(countImageBuckets(columns, columns.rule)).toEqual({ none: 2, one: 4, many: 1, error: 3, pending: 0 });
    // Slide min score to 0.95: only the cat (0.94) drops out; the group's three faces all score above 0.98.
    expect(countImageBuckets(columns, { minScore: 0.95, minSize: 0.05 })).toEqual({ none: 3, one: 3, many: 1, error: 3, pending: 0 });
    expect(countPostDecisions(columns, { ...columns.rule, minScore: 0.95 })).toMatchObject({ pass: 2, fail: 7 });
  });

  it('shows one image’s boxes for drawing, with what the rule counts', async () => {
    const closeup = await call<FaceImageView>('faces.image', { postId: 'closeup', imageIndex: 0 });
    expect(closeup).toMatchObject({ postId: 'closeup', row: 1, faces: 1, override: null, post: 'pass' });
    expect(closeup.record).toMatchObject({ status: 'ok', width: 256, height: 256, views: 2, detector: 'ssd', landmarks: false });
    expect(closeup.record!.detections[0]).toMatchObject({ padding: 2 });
    expect(closeup.counted[0]).toBe(true);

    const [group, second, none] = await call<Array<FaceImageView | null>>('faces.images', {
      items: [{ row: 2, imageIndex: 0 }, { row: 5, imageIndex: 1 }, { row: 0, imageIndex: 3 }],
    });
    expect(group!.faces).toBe(3);
    expect(group!.counted.filter(Boolean)).toHaveLength(3);
    expect(second).toMatchObject({ postId: 'carousel', imageIndex: 1, faces: 1, post: 'fail' });
    expect(none).toBeNull();
    const corrupt = await call<FaceImageView>('faces.image', { postId: 'corrupt', imageIndex: 0 });
    expect(corrupt).toMatchObject({ faces: null, record: { status: 'error', width: 0, detections: [] } });

    const unknown = await workbench.dispatch('faces.image', { postId: 'nobody', imageIndex: 0 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('nobody') } });
    const invalid = await workbench.dispatch('faces.image', { postId: 'selfie', imageIndex: -1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('saves the rule in the project: min score, min size, and the carousel rule', async () => {
    let summary = await call<FacesSummary>('faces.setRule', { carousel: 'any' });
    expect(summary.posts).toMatchObject({ pass: 4, fail: 5 }); // the carousel's second image passes it
    summary = await call<FacesSummary>('faces.setRule', { minScore: 0.95 });
    expect(summary.rule).toEqual({ minScore: 0.95, minSize: 0.05, carousel: 'any' });
    expect(summary.images).toMatchObject({ none: 3, one: 3 });
    summary = await call<FacesSummary>('faces.setRule', { minSize: 0.5 }); // only faces half the image's size
    expect(summary.images).toMatchObject({ none: 6, one: 1, many: 0 }); // the close-up
    summary = await call<FacesSummary>('faces.setRule', { minScore: 0.5, minSize: 0.05, carousel: 'first' });
    expect(summary.images).toMatchObject({ none: 2, one: 4, many: 1 });
    const saved = JSON.parse(await readFile(join(dir, 'project', 'project.json'), 'utf8'));
    expect(saved.settings.faceRule).toEqual({ minScore: 0.5, minSize: 0.05, carousel: 'first' });
    expect(await workbench.dispatch('faces.setRule', { minScore: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps and drops posts by hand, and the label step sees exactly the passing posts', async () => {
    expect(await call<FacePostDecision>('faces.setOverride', { postId: 'cat', override: 'drop' })).toEqual({ postId: 'cat', row: 3, override: 'drop', status: 'fail' });
    expect(await call<FacePostDecision>('faces.setOverride', { postId: 'profile', override: 'keep' })).toMatchObject({ status: 'pass' });
    expect(await call<FacePostDecision>('faces.setOverride', { postId: 'group', override: 'keep' })).toMatchObject({ status: 'pass' });
    expect(await call<FacePostDecision>('faces.setOverride', { postId: 'group', override: null })).toMatchObject({ override: null, status: 'fail' });
    const summary = await call<FacesSummary>('faces.summary');
    expect(summary.posts).toEqual({ total: 9, pass: 3, fail: 6, pending: 0, kept: 1, dropped: 1 });
    const project = workbench.requireProject();
    expect(postsPassingFaceFilter(project).map((row) => project.postTable.file.columns.id[row])).toEqual(['selfie', 'closeup', 'profile']);
    const overrides = JSON.parse(await readFile(join(dir, 'project', 'face-overrides.json'), 'utf8'));
    expect(overrides).toEqual({ format: 'selfie-lab/face-overrides-v1', overrides: { cat: 'drop', profile: 'keep' } });
  });

  it('resumes by skipping images already done with the same detector', async () => {
    const again = await runJob({});
    expect(again.state).toBe('succeeded');
    expect(again.result).toMatchObject({ detected: 0, failed: 0, alreadyDone: 10, backend: null, workers: 0 });
  });

  it('can be cancelled part-way and resumed; a forced re-run redoes everything but keeps the overrides', async () => {
    const jobs = workbench.requireJobs();
    const job = await jobs.start('faces.detect', { force: true, workers: 1 });
    await expect.poll(() => jobs.get(job.id).progress.done, { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(4);
    const cancelled = await jobs.cancel(job.id);
    expect(cancelled.state).toBe('cancelled');
    const doneBefore = cancelled.progress.done;
    expect(doneBefore).toBeLessThan(10);

    await jobs.resume(job.id);
    await jobs.idle();
    const resumed = jobs.get(job.id);
    expect(resumed.state).toBe('succeeded');
    const report = resumed.result as FaceDetectionReport;
    // What the cancelled run did (saved when it stopped) is not done again; the rest is.
    expect(report.alreadyDone).toBe(doneBefore);
    expect(report.detected + report.failed).toBe(10 - doneBefore);

    const summary = await call<FacesSummary>('faces.summary');
    expect(summary.images).toEqual({ total: 10, none: 2, one: 4, many: 1, error: 3, pending: 0 });
    expect(summary.posts).toEqual({ total: 9, pass: 3, fail: 6, pending: 0, kept: 1, dropped: 1 });
    const started = Date.parse(jobs.get(job.id).startedAt!);
    for (const record of workbench.requireProject().faceTable.file.images) expect(Date.parse(record.detectedAt)).toBeGreaterThanOrEqual(started);
  });

  it('redoes every image with another detector, and writes faces.json that a new session reads', async () => {
    const tiny = await runJob({ detector: 'tiny' });
    expect(tiny.result).toMatchObject({ detector: 'tiny', detected: 7, failed: 3, alreadyDone: 0 });
    const summary = await call<FacesSummary>('faces.summary');
    expect(summary.detector).toMatchObject({ name: 'tiny', images: 10 });
    expect(summary.otherDetectorImages).toBe(0);
    // Tiny sees no face in the cat; the researcher's drop stays anyway.
    expect(summary.posts).toMatchObject({ kept: 1, dropped: 1 });

    const reopened = await ProjectSession.open(join(dir, 'project'), { writable: false, shell: 'cli' });
    expect(reopened.faceTable.size).toBe(10);
    expect(reopened.faceTable.get('carousel', 1)).toMatchObject({ detector: 'tiny', status: 'ok', width: 384 });
    expect(reopened.faceTable.override('cat')).toBe('drop');
    await reopened.close();
  });
});
