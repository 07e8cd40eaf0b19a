import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateToFolder } from '../../../src/main/core/demo/simulate-demo';
import { exportImageFolder } from '../../../src/main/core/export/imagefolder-export';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

describe('exporting a label set as an ImageFolder tree', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const sim = await simulateToFolder({ posts: 120, owners: 28, seed: 5 }, join(dir, 'sim'), { images: 'demo' });
    workbench = await testWorkbench(join(dir, 'config'));
    await workbench.createProject(join(dir, 'project'));
    const jobs = workbench.requireJobs();
    await jobs.start('import', { paths: [sim.day0, sim.day7], downloadImages: false });
    await jobs.idle();
  });
  afterAll(async () => {
    await workbench.dispose();
    await cleanup();
  });

  it('writes split/class folders with one real image per labeled post, as ImageFolder readers expect', async () => {
    const labels = workbench.requireLabels();
    const summary = await labels.save('tails 25%', { strategy: 'residual', faces: 'ignore', top: 0.25, bottom: 0.25, val: 0.3 });
    const { items } = await labels.get(summary.id);
    const out = join(dir, 'imagefolder');
    const report = await exportImageFolder(workbench.requireProject().postTable, items, out, 'copy');
    expect(report.missing).toEqual([]);
    expect(report.files).toBe(summary.good + summary.bad);
    expect((await readdir(out)).sort()).toEqual(['train', 'val']);
    for (const split of ['train', 'val'] as const) {
      for (const label of ['good', 'bad'] as const) {
        const files = await readdir(join(out, split, label));
        expect(files).toHaveLength(summary.splits[split][label]);
        if (files[0]) expect((await sharp(join(out, split, label, files[0])).metadata()).format).toBe('jpeg');
      }
    }
    await expect(exportImageFolder(workbench.requireProject().postTable, items, out, 'copy')).rejects.toMatchObject({ message: expect.stringContaining('is not empty') });
  });
});
