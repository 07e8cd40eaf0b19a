import { expect } from 'vitest';
import type { Api } from '../../src/shared/api/client';

/** The demo's stages up to its first label set; training and evaluation come after and take longer. */
export const demoStagesUpToLabels = ['demo.prepare', 'import', 'images.analyze', 'faces.detect', 'labels.create'];

/**
 * Waits until every job of the given kinds has succeeded (failing fast on a failed one), then cancels the jobs
 * still queued or running of other kinds, so they do not compete for the cores with what the test does next.
 */
export async function waitForDemoStages(api: Api, stages: readonly string[] = demoStagesUpToLabels, timeout = 240_000): Promise<void> {
  const states = async () => {
    const result = await api.jobs.list();
    return result.ok ? result.value.filter((job) => stages.includes(job.kind)).map((job) => `${job.kind}:${job.state}`) : [];
  };
  await expect
    .poll(
      async () => {
        const now = await states();
        const failed = now.find((entry) => entry.endsWith(':failed'));
        if (failed) throw new Error(`demo stage ${failed}`);
        return now.sort().join(' ');
      },
      { timeout, interval: 1000 },
    )
    .toBe(stages.map((kind) => `${kind}:succeeded`).sort().join(' '));
  const jobs = await api.jobs.list();
  for (const job of jobs.ok ? jobs.value : []) {
    if (!stages.includes(job.kind) && (job.state === 'queued' || job.state === 'running')) await api.jobs.cancel({ id: job.id });
  }
}
