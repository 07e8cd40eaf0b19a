// Builds a small simulated demo project for the training tests: posts whose planted quality is visible in the photo
// (brighter, more colourful = better), imported (both crawls), analysed (hashes), and labeled by the residual rule.
import { join } from 'node:path';
import { simulateToFolder } from '../../../src/main/core/demo/simulate-demo';
import type { Workbench } from '../../../src/main/core/workbench';
import type { LabelSetSummary } from '../../../src/shared/labeling/label-set';
import type { JobRecord } from '../../../src/shared/jobs/job-types';
import { testWorkbench } from '../../support/temp';

export interface DemoProject {
  workbench: Workbench;
  projectDir: string;
  labelSet: LabelSetSummary;
  images: string[];
}

export async function buildDemoProject(
  dir: string,
  options: { posts: number; seed: number; faces?: 'ignore' | 'required'; labelSet?: Record<string, unknown>; detectFaces?: boolean },
): Promise<DemoProject> {
  const sim = await simulateToFolder({ posts: options.posts, owners: 28, seed: options.seed }, join(dir, 'sim'), { images: 'demo' });
  const workbench = await testWorkbench(join(dir, 'config'), { backend: 'wasm' });
  const projectDir = join(dir, 'project');
  await workbench.createProject(projectDir);
  const jobs = workbench.requireJobs();
  await jobs.start('import', { paths: [sim.day0, sim.day7] });
  await jobs.start('images.analyze', {});
  if (options.detectFaces) await jobs.start('faces.detect', { detector: 'tiny' });
  await jobs.idle();
  const failed = jobs.list().filter((job) => job.state !== 'succeeded');
  if (failed.length > 0) throw new Error(`fixture jobs failed: ${failed.map((job) => `${job.kind}: ${job.error?.message}`).join('; ')}`);
  const labelSet = await workbench.requireLabels().save('planted', {
    strategy: 'residual',
    faces: options.faces ?? 'ignore',
    top: 0.35,
    bottom: 0.35,
    val: 0.3,
    seed: 2,
    ...options.labelSet,
  });
  const images = Array.from({ length: 3 }, (_, i) => join(dir, 'sim', 'images', `sim${options.seed}-${String(i).padStart(7, '0')}.jpg`));
  return { workbench, projectDir, labelSet, images };
}

/** Runs one job to its end, collecting every update (the live curves come as checkpoints). */
export async function runJob(workbench: Workbench, kind: string, params: Record<string, unknown>, onUpdate?: (job: JobRecord) => void): Promise<{ job: JobRecord; updates: JobRecord[] }> {
  const jobs = workbench.requireJobs();
  const updates: JobRecord[] = [];
  let id = '';
  const unsubscribe = workbench.subscribe((event, payload) => {
    const job = payload as JobRecord;
    if (event !== 'job.updated' || job.id !== id) return;
    updates.push(job);
    onUpdate?.(job);
  });
  try {
    id = (await jobs.start(kind, params)).id;
    await jobs.idle();
    return { job: jobs.get(id), updates };
  } finally {
    unsubscribe();
  }
}
