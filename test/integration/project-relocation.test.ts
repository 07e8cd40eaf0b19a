import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateToFolder } from '../../src/main/core/demo/simulate-demo';
import { thumbnailsFor } from '../../src/main/core/images/thumbnails';
import type { Workbench } from '../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../support/temp';

describe('a project folder can be moved: paths inside it are stored relative to it', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    workbench = await testWorkbench(join(dir, 'config'));
  });
  afterAll(async () => {
    await workbench?.dispose();
    await cleanup();
  });

  it('imports images from inside and outside the folder, moves the folder, and still reads the inside ones', async () => {
    const first = join(dir, 'first place');
    await workbench.createProject(first);
    // One collection inside the project folder (as the demo keeps its source), one outside it.
    const inside = await simulateToFolder({ posts: 12, owners: 6, seed: 3 }, join(first, 'source'), { images: 'demo' });
    const outside = await simulateToFolder({ posts: 6, owners: 3, seed: 4 }, join(dir, 'elsewhere'), { images: 'demo' });
    const jobs = workbench.requireJobs();
    await jobs.start('import', { paths: [inside.day0, outside.day0], downloadImages: false });
    await jobs.start('images.analyze', {});
    await jobs.idle();
    expect(jobs.list().map((job) => job.state)).toEqual(['succeeded', 'succeeded']);
    const count = workbench.requireProject().postTable.count;
    expect(count).toBe(18);
    await workbench.closeProject();

    const stored = JSON.parse(await readFile(join(first, 'posts.json'), 'utf8')) as { files: string[]; columns: { images: Array<Array<[string | null]>> } };
    const paths = stored.columns.images.map((tuples) => tuples[0]![0]!);
    expect(paths.filter((path) => path.startsWith('source/images/'))).toHaveLength(12);
    expect(paths.filter((path) => path.startsWith(join(dir, 'elsewhere')))).toHaveLength(6);
    expect(stored.files.some((file) => file.startsWith('source/'))).toBe(true);

    const moved = join(dir, 'moved', 'second place');
    await mkdir(join(dir, 'moved'));
    await rename(first, moved);
    await workbench.openProject(moved);
    const project = workbench.requireProject();
    const images = project.postTable.file.columns.images;
    expect(images.filter((tuples) => tuples[0]![0]!.startsWith(join(moved, 'source', 'images')))).toHaveLength(12);
    const thumbnails = await thumbnailsFor(project, Array.from({ length: count }, (_, row) => row), 0);
    expect(thumbnails.every((url) => url?.startsWith('data:image/webp;base64,'))).toBe(true);
    // Written again from memory, the paths go back to disk relative, not with the new absolute location baked in.
    await project.posts.write();
    const rewritten = await readFile(join(moved, 'posts.json'), 'utf8');
    expect(rewritten).not.toContain(moved);
    expect(rewritten).toContain('"source/images/');
  });
});
