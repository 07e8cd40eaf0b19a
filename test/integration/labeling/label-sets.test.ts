import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateToFolder } from '../../../src/main/core/demo/simulate-demo';
import type { Workbench } from '../../../src/main/core/workbench';
import { tempDir, testWorkbench } from '../../support/temp';

const bin = resolve(import.meta.dirname, '../../../bin/selfie-lab.js');

/**
 * A simulated study: 500 posts whose likes follow log10(1+likes) = 0.1 + 0.75·log10(1+followers) + 0.015·hashtags
 * + q + noise. The residual rule should recover the coefficients and label mostly by q.
 */
describe('label sets on a simulated population', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;
  let deleted = 0;
  const posts = 500;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const sim = await simulateToFolder({ posts, owners: 120, seed: 11 }, join(dir, 'sim'), { images: 'none' });
    deleted = sim.deleted;
    workbench = await testWorkbench(join(dir, 'config'));
    await workbench.createProject(join(dir, 'project'));
    const jobs = workbench.requireJobs();
    await jobs.start('import', { paths: [sim.day0, sim.day7] });
    await jobs.idle();
  });
  afterAll(async () => {
    await workbench.dispose();
    await cleanup();
  });

  it('refuses to label with faces required before face detection ran, and says what to do', async () => {
    await expect(workbench.requireLabels().save('needs faces', { strategy: 'residual' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Run face detection first'),
    });
  });

  it('labels the population with the residual rule: exact tail sizes, recovered coefficients, truth accuracy', async () => {
    const summary = await workbench.requireLabels().save('study 10%', { strategy: 'residual', faces: 'ignore', seed: 3 });
    const n = posts - deleted; // deleted posts have no day-7 snapshot and leave the population
    expect(summary.population).toBe(n);
    expect(summary.excluded).toEqual({ 'deleted before a later snapshot': deleted });
    expect(summary.good).toBe(Math.floor(0.1 * n));
    expect(summary.bad).toBe(Math.floor(0.1 * n));
    expect(summary.fit!.coefficients[0]).toBeGreaterThan(0.65);
    expect(summary.fit!.coefficients[0]).toBeLessThan(0.85);
    expect(summary.fit!.r2).toBeGreaterThan(0.5);
    expect(summary.truth!.accuracy).toBeGreaterThan(0.85);
    expect(summary.splits.train.good + summary.splits.val.good).toBe(summary.good);
    expect(summary.splits.test).toEqual({ good: 0, bad: 0 });

    const { items } = await workbench.requireLabels().get(summary.id);
    expect(items.postId).toHaveLength(n);
    // No owner has labeled posts in two splits.
    const splitOf = new Map<string, number>();
    items.postId.forEach((_, i) => {
      if (items.split[i]! < 0) return;
      const owner = items.ownerId[i]!;
      expect(splitOf.get(owner) ?? items.split[i]).toBe(items.split[i]);
      splitOf.set(owner, items.split[i]!);
    });
  });

  it('versions by name, lists, renames, compares and removes', async () => {
    const labels = workbench.requireLabels();
    const again = await labels.save('study 10%', { strategy: 'residual', faces: 'ignore', top: 0.2, bottom: 0.2 });
    expect(again).toMatchObject({ id: 'study-10-v2', version: 2 });
    expect(labels.sets.find('study 10%').id).toBe('study-10-v2');
    const ratio = await labels.save('median split', { strategy: 'ratio', faces: 'ignore' });
    expect(ratio.good + ratio.bad).toBe(2 * Math.floor(0.5 * ratio.population));
    const comparison = await labels.compare('study-10-v1', 'median split');
    expect(comparison.labeledByA).toBe(2 * Math.floor(0.1 * ratio.population));
    expect(comparison.both).toBe(comparison.labeledByA); // every tail post of the residual rule is labeled by the median split
    expect(comparison.agreement).toBeGreaterThan(0.5);
    await labels.sets.rename(ratio.id, 'ratio median');
    expect(labels.sets.list().map((set) => set.name)).toContain('ratio median');
    await labels.sets.remove(ratio.id);
    expect(labels.sets.list().map((set) => set.id)).not.toContain(ratio.id);
    expect(existsSync(join(dir, 'project', 'labelsets', `${ratio.id}.json`))).toBe(false);
    expect(existsSync(join(dir, 'project', 'labelsets', 'study-10-v1.json'))).toBe(true);
  });

  it('re-saving the same rule on the same posts with reuseIdentical returns the newest version instead of a copy', async () => {
    const labels = workbench.requireLabels();
    const rule = { strategy: 'residual' as const, faces: 'ignore' as const, top: 0.2, bottom: 0.2 };
    const count = labels.sets.list().length;
    expect(await labels.save('study 10%', rule, { reuseIdentical: true })).toMatchObject({ id: 'study-10-v2' });
    expect(labels.sets.list()).toHaveLength(count);
    // Another seed splits differently: a real change makes a new version.
    expect(await labels.save('study 10%', { ...rule, seed: 9 }, { reuseIdentical: true })).toMatchObject({ id: 'study-10-v3' });
    // Without the option a save always versions.
    expect(await labels.save('study 10%', { ...rule, seed: 9 })).toMatchObject({ id: 'study-10-v4' });
  });

  it('labels from the CLI with --json and --out, and exports an ImageFolder tree', async () => {
    await workbench.dispose(); // release the project lock for the CLI
    const env = { ...process.env, SELFIE_LAB_CONFIG_DIR: join(dir, 'config') };
    const out = join(dir, 'karpathy.csv');
    const result = spawnSync(process.execPath, [bin, 'label', '--project', join(dir, 'project'), '--strategy', 'karpathy', '--group-size', '10', '--faces', 'ignore', '--out', out, '--json'], {
      encoding: 'utf8',
      env,
    });
    expect(result.status, result.stderr).toBe(0);
    const value = JSON.parse(result.stdout).value;
    const n = posts - deleted;
    expect(value).toMatchObject({ n_population: n, n_good: Math.floor(n / 10) * 5, n_bad: Math.floor(n / 10) * 5, fit: null });
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('post_id,owner_id,label,score,split');
    expect(lines).toHaveLength(n + 1);
    expect(lines.filter((line) => line.includes(',good,'))).toHaveLength(value.n_good);

    const bad = spawnSync(process.execPath, [bin, 'label', '--project', join(dir, 'project'), '--strategy', 'median'], { encoding: 'utf8', env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--strategy must be residual, karpathy or ratio');

    // Posts of this simulation have no images: the ImageFolder export says so instead of writing empty folders.
    const folder = spawnSync(process.execPath, [bin, 'export', 'imagefolder', '--project', join(dir, 'project'), '--labelset', 'study 10%', '--out', join(dir, 'if'), '--json'], {
      encoding: 'utf8',
      env,
    });
    expect(folder.status, folder.stderr).toBe(0);
    const report = JSON.parse(folder.stdout).value;
    expect(report.files).toBe(0);
    expect(report.missing.length).toBeGreaterThan(0);
    expect(report.missing[0].reason).toBe('no local image');
    expect(await readdir(join(dir, 'if')).catch(() => [])).toEqual([]);
  });
});
