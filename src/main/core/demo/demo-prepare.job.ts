import { z } from 'zod';
import { defineJob } from '../jobs/job-definition';
import { demoStages, prepareDemoSource, stageAvailable } from './demo-pipeline';

/**
 * The apps' first start: fill a new project with the demo's simulated crawls and photo variants, then queue the
 * pipeline's jobs (import, image analysis, and every later stage this version has), which run after this one.
 */
export const demoPrepareJob = defineJob({
  kind: 'demo.prepare',
  lane: 'io',
  unit: 'photos',
  description: 'Make the demo data (simulated crawls and photo variants) and queue the pipeline on it.',
  params: z.strictObject({}),
  title: () => 'Prepare the demo project',
  run: async ({ project, progress, enqueue, canRun }) => {
    const source = await prepareDemoSource(project.dir, (done, total) => progress({ done, total, message: 'photo variants' }));
    const queued: string[] = [];
    let previous: string | undefined;
    for (const stage of demoStages) {
      if (!stageAvailable(stage, canRun)) break; // later stages need the earlier ones' results
      // Each stage waits for the one before, whatever lane it runs in (training runs beside the io lane).
      previous = (await enqueue(stage.kind!, stage.params(source), previous ? { after: previous } : {})).id;
      queued.push(stage.name);
    }
    return { posts: source.posts, owners: source.owners, deleted: source.deleted, queued };
  },
});
