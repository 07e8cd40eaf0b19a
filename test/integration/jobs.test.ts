import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../src/shared/jobs/job-types';
import { defineJob } from '../../src/main/core/jobs/job-definition';
import { JobRunner } from '../../src/main/core/jobs/job-runner';
import { MlHost } from '../../src/main/core/ml/ml-host';
import { ProjectSession } from '../../src/main/core/projects/project-session';
import type { Workbench } from '../../src/main/core/workbench';
import { AppFailure } from '../../src/shared/result';
import { tempDir, testWorkbench } from '../support/temp';

const ml = new MlHost();
afterAll(() => ml.dispose());

/** A job that counts to `count`, one step per tick, checkpointing each step; a fresh run fails at `failAt` if given. */
const countingJob = defineJob({
  kind: 'test.count',
  lane: 'io',
  unit: 'steps',
  description: 'counts',
  params: z.object({ count: z.number().int().default(5), failAt: z.number().int().optional() }),
  title: (params) => `Count to ${params.count}`,
  run: async ({ params, checkpoint, signal, progress }) => {
    const resumed = checkpoint !== undefined;
    let step = (checkpoint as { step: number } | undefined)?.step ?? 0;
    while (step < params.count) {
      if (signal.aborted) return null;
      if (!resumed && params.failAt === step) throw new AppFailure('IO_ERROR', `step ${step} failed: disk full`, { step });
      await new Promise((resolve) => setTimeout(resolve, 5));
      step += 1;
      progress({ done: step, total: params.count, checkpoint: { step } });
    }
    return { counted: step };
  },
});

/** The same counting job in the other lane, to test ordering across lanes. */
const otherLaneJob = defineJob({ ...countingJob, kind: 'test.count-ml', lane: 'ml' });

describe('job runner', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let session: ProjectSession;
  let updates: JobRecord[];
  let runner: JobRunner;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    session = await ProjectSession.create(dir, 'p', { writable: true, shell: 'memory' });
    updates = [];
    runner = new JobRunner(session, ml, [countingJob, otherLaneJob], (job) => updates.push(job));
  });
  afterEach(async () => {
    await runner.close();
    await session.close();
    await cleanup();
  });

  it('runs a job to success, pushing progress and persisting the result', async () => {
    const job = await runner.start('test.count', { count: 4 });
    expect(job.state).toBe('queued');
    await runner.idle();
    const done = runner.get(job.id);
    expect(done.state).toBe('succeeded');
    expect(done.result).toEqual({ counted: 4 });
    expect(done.progress).toMatchObject({ done: 4, total: 4, unit: 'steps' });
    expect(updates.map((u) => u.state)).toContain('running');
    expect(updates.at(-1)?.state).toBe('succeeded');
    const persisted = JSON.parse(await readFile(join(dir, 'jobs.json'), 'utf8')).jobs[0];
    expect(persisted).toMatchObject({ id: job.id, state: 'succeeded', result: { counted: 4 } });
  });

  it('records a failure with its error, then resumes from the checkpoint', async () => {
    const job = await runner.start('test.count', { count: 6, failAt: 3 });
    await runner.idle();
    const failed = runner.get(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'IO_ERROR', message: 'step 3 failed: disk full' });
    expect(failed.checkpoint).toEqual({ step: 3 });

    const resumed = await runner.resume(job.id);
    expect(resumed).toMatchObject({ state: 'queued', resumes: 1 });
    expect(resumed.error).toBeUndefined();
    await runner.idle();
    expect(runner.get(job.id)).toMatchObject({ state: 'succeeded', result: { counted: 6 } });
    const doneAfterResume = updates.filter((u) => u.resumes === 1 && u.state === 'running').map((u) => u.progress.done);
    expect(Math.min(...doneAfterResume)).toBeGreaterThanOrEqual(3);
  });

  it('refuses unknown kinds, bad parameters, and illegal state changes', async () => {
    await expect(runner.start('nope', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(runner.start('test.count', { count: 'many' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('count') });
    const job = await runner.start('test.count', { count: 1 });
    await runner.idle();
    await expect(runner.resume(job.id)).rejects.toMatchObject({ code: 'JOB_STATE' });
    await expect(runner.cancel(job.id)).rejects.toMatchObject({ code: 'JOB_STATE' });
    await expect(runner.cancel('0000000-missing')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('makes a job of another lane wait for the job it comes after, and not run if that one fails', async () => {
    const first = await runner.start('test.count', { count: 4 });
    const second = await runner.start('test.count-ml', { count: 2 }, { after: first.id });
    await runner.idle();
    expect(runner.get(second.id).state).toBe('succeeded');
    expect(runner.get(second.id).startedAt! >= runner.get(first.id).finishedAt!).toBe(true);

    const failing = await runner.start('test.count', { count: 4, failAt: 1 });
    const blocked = await runner.start('test.count-ml', { count: 2 }, { after: failing.id });
    await runner.idle();
    expect(runner.get(failing.id).state).toBe('failed');
    expect(runner.get(blocked.id)).toMatchObject({ state: 'failed', error: { code: 'JOB_STATE', message: expect.stringContaining('needs "Count to 4" to succeed first') } });
    expect(runner.get(blocked.id).startedAt).toBeUndefined();
  });

  it('runs the jobs of one lane one after another', async () => {
    const a = await runner.start('test.count', { count: 3 });
    const b = await runner.start('test.count', { count: 3 });
    expect(runner.get(b.id).state).toBe('queued');
    await runner.idle();
    const aDone = runner.get(a.id);
    const bDone = runner.get(b.id);
    expect(bDone.startedAt! >= aDone.finishedAt!).toBe(true);
  });
});

describe('the ML benchmark job through the workbench', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(async () => {
    await workbench?.dispose();
    await cleanup();
  });

  it('cancels a running job and resumes it from its checkpoint to the full count', async () => {
    workbench = await testWorkbench(join(dir, 'config'), { mlHost: ml });
    await workbench.createProject(join(dir, 'project'));
    const jobs = workbench.requireJobs();
    const seen: JobRecord[] = [];
    workbench.subscribe((event, payload) => {
      if (event === 'job.updated') seen.push(payload as JobRecord);
    });
    // Long enough (a few seconds) that the cancel lands mid-run even on a loaded machine.
    const job = await jobs.start('ml.benchmark', { iterations: 4000, size: 192 });
    await expect.poll(() => jobs.get(job.id).progress.done, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
    const cancelled = await jobs.cancel(job.id);
    expect(cancelled.state).toBe('cancelled');
    const stoppedAt = (cancelled.checkpoint as { done: number }).done;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(4000);

    await jobs.resume(job.id);
    await jobs.idle();
    const finished = jobs.get(job.id);
    expect(finished.state).toBe('succeeded');
    expect(finished.resumes).toBe(1);
    expect(finished.progress.done).toBe(4000);
    expect(finished.result).toMatchObject({ backend: 'wasm', iterations: 4000, size: 192 });
    expect((finished.result as { gflops: number }).gflops).toBeGreaterThan(0);

    // Progress events carried a rate and an ETA, and progress never went backwards after the resume.
    const running = seen.filter((u) => u.id === job.id && u.state === 'running' && u.progress.rate !== null);
    expect(running.length).toBeGreaterThan(0);
    expect(running.some((u) => u.progress.etaSeconds !== null)).toBe(true);
    const afterResume = seen.filter((u) => u.id === job.id && u.resumes === 1 && u.state === 'running').map((u) => u.progress.done);
    expect(afterResume.every((done) => done >= stoppedAt)).toBe(true);

    // The ML host leaks no tensors.
    expect(await ml.call('memory', {})).toMatchObject({ numTensors: 0 });
  });

  it('after a crash mid-job, the job shows as interrupted and resumes to completion', async () => {
    const projectDir = join(dir, 'crash');
    const configDir = join(dir, 'config');
    await (await ProjectSession.create(projectDir, 'crash', { writable: true, shell: 'memory' })).close();

    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, '../support/start-long-job.ts'), projectDir, configDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const readJobs = async () => JSON.parse(await readFile(join(projectDir, 'jobs.json'), 'utf8')).jobs as JobRecord[];
    // Wait until a checkpoint has been persisted, then kill the process without any chance to clean up.
    await expect
      .poll(async () => ((await readJobs())[0]?.checkpoint as { done?: number } | undefined)?.done ?? 0, { timeout: 60_000, interval: 200 })
      .toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const [crashed] = await readJobs();
    expect(crashed?.state).toBe('running');
    const savedDone = (crashed!.checkpoint as { done: number }).done;

    const reopened = await testWorkbench(configDir, { mlHost: ml });
    await reopened.openProject(projectDir); // the dead process's lock is stale and taken over
    const jobs = reopened.requireJobs();
    const [interrupted] = jobs.list();
    expect(interrupted?.state).toBe('interrupted');
    expect((interrupted!.checkpoint as { done: number }).done).toBe(savedDone);

    // Shorten the remaining work so the test stays quick: cancel right after resuming, then check it continued.
    await jobs.resume(interrupted!.id);
    await expect.poll(() => jobs.get(interrupted!.id).progress.done, { timeout: 30_000 }).toBeGreaterThan(savedDone);
    const cancelled = await jobs.cancel(interrupted!.id);
    expect(cancelled.state).toBe('cancelled');
    expect((cancelled.checkpoint as { done: number }).done).toBeGreaterThan(savedDone);
    await reopened.dispose();
  });
});
