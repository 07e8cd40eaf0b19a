import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/shared/posts/import-report';
import { writeSyntheticManifest } from '../../../src/main/core/import/manifest/manifest-benchmark';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

describe('a long import', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;
  const rows = 60_000;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeSyntheticManifest(join(dir, 'big.csv'), rows);
    workbench = await testWorkbench(join(dir, 'config'));
    await workbench.createProject(join(dir, 'project'));
  });
  afterAll(async () => {
    await workbench.dispose();
    await cleanup();
  });

  it('can be cancelled part-way, leaving the saved posts as they were, and resumed to the end', async () => {
    const jobs = workbench.requireJobs();
    const job = await jobs.start('import', { paths: [join(dir, 'big.csv')], downloadImages: false });
    await expect.poll(() => jobs.get(job.id).progress.done, { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
    const cancelled = await jobs.cancel(job.id);
    expect(cancelled.state).toBe('cancelled');
    expect(workbench.requireProject().postTable.count).toBe(0); // nothing half-read is kept

    await jobs.resume(job.id);
    await jobs.idle();
    const done = jobs.get(job.id);
    expect(done.state).toBe('succeeded');
    const report = done.result as ImportReport;
    expect(report.totalPosts).toBe(rows);
    expect(report.counts.imported).toBe(rows);
    expect(report.counts.failed).toBe(0);
    expect(workbench.requireProject().postTable.count).toBe(rows);
  });
});
