import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEmbeddingMap } from '../../../src/main/core/training/embedding-map.job';
import { runSlicesOf, toneCacheFile } from '../../../src/main/core/training/run-slices';
import type { SweepResult } from '../../../src/main/core/training/sweep.job';
import { SweepsRepository } from '../../../src/main/core/training/sweeps-repository';
import type { JobRecord } from '../../../src/shared/jobs/job-types';
import { unwrap } from '../../../src/shared/result';
import type { EmbeddingMap } from '../../../src/shared/training/embedding-map';
import type { SweepRecord } from '../../../src/shared/training/sweep';
import { tempDir } from '../../support/temp';
import { buildDemoProject, runJob, type DemoProject } from './demo-project';

/**
 * The story: on a small simulated project with faces detected, a researcher runs the tail-width sweep (cancelling it
 * part-way and resuming it), re-runs it and sees every width skipped, then opens the accuracy per slice of a run and
 * its embedding map.
 */
describe('tail-width sweep, accuracy per slice and the embedding map (wasm)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let demo: DemoProject;
  const cacheDirBefore = process.env.SELFIE_LAB_CACHE_DIR;
  const sweep = { labelSet: 'planted', widths: [0.1, 0.3, 0.5], epochs: 4, patience: 0, seed: 3 };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    process.env.SELFIE_LAB_CACHE_DIR = join(dir, 'user-cache');
    demo = await buildDemoProject(dir, { posts: 160, seed: 11, faces: 'ignore', detectFaces: true, labelSet: { top: 0.1, bottom: 0.1, val: 0.3, test: 0.2 } });
  }, 180_000);
  afterAll(async () => {
    await demo?.workbench.dispose();
    if (cacheDirBefore === undefined) delete process.env.SELFIE_LAB_CACHE_DIR;
    else process.env.SELFIE_LAB_CACHE_DIR = cacheDirBefore;
    await cleanup();
  });

  let record: SweepRecord;

  it('sweeps the widths, survives a cancel, resumes the width in progress and stores labeled-set size vs accuracy', async () => {
    const jobs = demo.workbench.requireJobs();
    // Cancel once the second width has its run (it is still computing the features of the posts the wider tails add).
    const { job: cancelled } = await runJob(demo.workbench, 'train.sweep', sweep, (job: JobRecord) => {
      const current = (job.checkpoint as { current?: { width: number; runId: string | null } | null } | undefined)?.current;
      if (job.state === 'running' && current?.width === 0.3 && current.runId) void jobs.cancel(job.id);
    });
    expect(cancelled.state).toBe('cancelled');
    const sweeps = new SweepsRepository(demo.projectDir);
    const [stopped] = await sweeps.list();
    expect(stopped!.status).toBe('stopped');
    expect(stopped!.points.map((p) => p.width)).toEqual([0.1]);
    const inProgress = (cancelled.checkpoint as { current: { runId: string } }).current.runId;

    await jobs.resume(cancelled.id);
    await jobs.idle();
    const resumed = jobs.get(cancelled.id);
    expect(resumed.state, resumed.error?.message).toBe('succeeded');
    const result = resumed.result as SweepResult;
    expect(result.trained).toEqual([0.3, 0.5]);
    expect(result.skipped).toEqual([0.1]);
    record = await sweeps.get(result.sweepId);
    expect(record.status).toBe('completed');
    expect(record.points.map((p) => p.width)).toEqual([0.1, 0.3, 0.5]);
    // The width in progress continued its own run rather than starting another.
    expect(record.points[1]!.runId).toBe(inProgress);
    // The base set (10% tails) is reused; wider tails were saved as their own label sets, each labeling more posts.
    expect(record.points[0]!.labelSet.name).toBe('planted');
    expect(record.points.slice(1).map((p) => p.labelSet.name)).toEqual(['planted · tails 30%', 'planted · tails 50%']);
    const sizes = record.points.map((p) => p.labeled);
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    expect(sizes[1]).toBeLessThan(sizes[2]!);
    for (const point of record.points) {
      expect(point.valPeak).toBeGreaterThanOrEqual(0);
      expect(point.valPeak).toBeLessThanOrEqual(1);
      expect(point.valFinal).not.toBeNull();
      expect(point.valPeak!).toBeGreaterThanOrEqual(point.valFinal!);
      expect(point.train + point.val).toBeLessThanOrEqual(point.labeled);
    }
    console.info(`sweep: ${record.points.map((p) => `${p.width * 100}% → ${p.labeled} labeled, val peak ${p.valPeak?.toFixed(3)} final ${p.valFinal?.toFixed(3)}`).join('; ')}`);
  }, 300_000);

  it('re-running the same sweep skips every width already done', async () => {
    const labelSetsBefore = demo.workbench.requireLabels().sets.list().length;
    const { job } = await runJob(demo.workbench, 'train.sweep', { ...sweep, widths: [0.5, 0.1] });
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ sweepId: record.id, trained: [], skipped: [0.1, 0.5] });
    expect(demo.workbench.requireLabels().sets.list()).toHaveLength(labelSetsBefore);
    const bad = await demo.workbench.requireJobs().start('train.sweep', { ...sweep, widths: [0.6] }).catch((error: Error) => error);
    expect(String(bad)).toMatch(/widths/);
  }, 120_000);

  it('slices the accuracy of a run by face size, brightness, greyscale and hashtags', async () => {
    const project = demo.workbench.requireProject();
    const runId = record.points[2]!.runId;
    const slices = await runSlicesOf(project, runId);
    const val = slices.splits.val!;
    const test = slices.splits.test!;
    expect(val.n).toBe(record.points[2]!.val);
    expect(test.n).toBeGreaterThan(0);
    expect(slices.predicted).toBe(val.n + test.n);
    // Faces were detected and every image is readable: every fact is known for every post.
    expect(slices.known).toEqual({ faceSize: slices.predicted, brightness: slices.predicted, greyscale: slices.predicted, hashtags: slices.predicted });
    expect(val.tables.map((t) => t.dimension)).toEqual(['faceSize', 'brightness', 'greyscale', 'hashtags']);
    for (const table of val.tables) {
      expect(table.bins.reduce((sum, bin) => sum + bin.n, 0)).toBe(val.n);
      expect(table.bins.reduce((sum, bin) => sum + bin.correct, 0)).toBe(Math.round(val.accuracy * val.n));
      expect(table.bins.some((bin) => bin.label === 'unknown')).toBe(false);
    }
    // The demo's photos are colour photos.
    expect(val.tables[2]!.bins.find((bin) => bin.label === 'no')!.n).toBe(val.n);
    // The tones were cached by content hash, and a second call answers the same.
    const cache = JSON.parse(await readFile(toneCacheFile(demo.projectDir), 'utf8')) as { tones: Record<string, [number, number]> };
    expect(Object.keys(cache.tones).length).toBeGreaterThanOrEqual(slices.predicted - 5);
    for (const [brightness] of Object.values(cache.tones)) expect(brightness).toBeGreaterThan(0);
    expect(await runSlicesOf(project, runId)).toEqual(slices);
    await expect(runSlicesOf(project, 'no-such-run')).rejects.toThrow(/No run "no-such-run"/);
    // Through the API: the same slices, the sweeps, and a clear error for a bad id.
    expect(unwrap(await demo.workbench.dispatch('runs.slices', { id: runId }))).toEqual(slices);
    expect((unwrap(await demo.workbench.dispatch('runs.sweeps', {})) as SweepRecord[]).map((sweep) => sweep.id)).toEqual([record.id]);
    const bad = await demo.workbench.dispatch('runs.slices', { id: '../x' });
    expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT');
    expect(existsSync(join(demo.projectDir, 'sweeps', `${record.id}.json`))).toBe(true);
  }, 120_000);

  it('maps a run’s cached features in 2-D with UMAP, seeded, stored in the run folder', async () => {
    const runId = record.points[2]!.runId;
    expect(unwrap(await demo.workbench.dispatch('runs.embeddingMap', { id: runId }))).toBeNull();
    const { job } = await runJob(demo.workbench, 'embeddings.map', { run: runId, nNeighbors: 10 });
    expect(job.state, job.error?.message).toBe('succeeded');
    const map = unwrap(await demo.workbench.dispatch('runs.embeddingMap', { id: runId })) as EmbeddingMap;
    // 50% tails label every post; the run predicted the labeled ones, all with cached features.
    expect(map.available).toBe(record.points[2]!.labeled);
    expect(map.postId).toHaveLength(map.available);
    expect(map.umapInputDim).toBe(50);
    expect(map.x.every(Number.isFinite) && map.y.every(Number.isFinite)).toBe(true);
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    expect(spread(map.x)).toBeGreaterThan(0.5);
    expect(spread(map.y)).toBeGreaterThan(0.5);
    expect(new Set(map.label)).toEqual(new Set([1, -1]));
    // Same seed, same map; a cap draws a seeded sample and says how many there were.
    await runJob(demo.workbench, 'embeddings.map', { run: runId, nNeighbors: 10 });
    const again = (await readEmbeddingMap(demo.projectDir, runId))!;
    expect(again.x).toEqual(map.x);
    expect(again.y).toEqual(map.y);
    const { job: capped } = await runJob(demo.workbench, 'embeddings.map', { run: runId, cap: 20, nNeighbors: 5 });
    expect(capped.result).toMatchObject({ points: 20, available: map.available });
    const sample = (await readEmbeddingMap(demo.projectDir, runId))!;
    expect(sample.postId.every((id) => map.postId.includes(id))).toBe(true);
    const { job: missing } = await runJob(demo.workbench, 'embeddings.map', { run: 'no-such-run' });
    expect(missing.error?.message).toMatch(/No run "no-such-run"/);
  }, 120_000);
});
