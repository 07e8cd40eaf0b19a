import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const bin = resolve(import.meta.dirname, '../../../bin/selfie-lab.js');

describe('selfie-lab simulate and demo', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const env = () => ({ ...process.env, SELFIE_LAB_CONFIG_DIR: join(dir, 'config') });
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: env(), timeout: 300_000 });

  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(async () => cleanup());

  it('simulate writes two crawls as manifests, byte-identical for the same seed', async () => {
    const a = cli(['simulate', '--out', join(dir, 'a'), '--posts', '500', '--owners', '50', '--seed', '4', '--json']);
    expect(a.status, a.stderr).toBe(0);
    const value = JSON.parse(a.stdout).value;
    expect(value).toMatchObject({ posts: 500, day0: join(dir, 'a', 'day0', 'posts.csv'), day7: join(dir, 'a', 'day7', 'posts.csv') });
    const day0 = (await readFile(value.day0, 'utf8')).trim().split('\n');
    const day7 = (await readFile(value.day7, 'utf8')).trim().split('\n');
    expect(day0[0]).toBe('post_id,image,owner_id,owner_name,followers,likes,comments,posted_at,captured_at,hashtags,caption,true_quality');
    expect(day0).toHaveLength(501);
    expect(day7).toHaveLength(501 - value.deleted);
    expect(cli(['simulate', '--out', join(dir, 'b'), '--posts', '500', '--owners', '50', '--seed', '4']).status).toBe(0);
    expect(await readFile(join(dir, 'b', 'day7', 'posts.csv'), 'utf8')).toBe(await readFile(value.day7, 'utf8'));

    const bad = cli(['simulate', '--out', join(dir, 'c'), '--images', 'demo', '--owners', '500']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--owners can be at most 28');
    expect(cli(['simulate', '--out', join(dir, 'c'), '--noise', 'lots']).stderr).toContain('--noise must be a number');
  });

  it('demo builds the project, runs every stage this version has, and writes report.html', async () => {
    const project = join(dir, 'demo');
    const result = cli(['demo', '--project', project, '--posts', '90', '--json']);
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(result.stdout).value;
    expect(summary.counts.posts).toBe(90);
    const stages = Object.fromEntries(summary.stages.map((stage: { name: string; status: string }) => [stage.name, stage.status]));
    expect(stages.import).toBe('done');
    expect(stages.images).toBe('done');
    expect(stages.faces).toBe('done');
    expect(stages.label).toBe('done');
    for (const name of ['train', 'evaluate']) expect(['done', 'missing']).toContain(stages[name]);
    expect(summary.rules).toHaveLength(3);
    expect(summary.rules[0].accuracy).toBeGreaterThan(0.6);
    expect(summary.backend).toContain('wasm');
    const html = await readFile(join(project, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Likes vs followers');
    expect((html.match(/<circle /g) ?? []).length).toBeGreaterThan(20);
    expect((await readdir(join(project, 'demo-source', 'images'))).length).toBe(90);
    expect(existsSync(join(project, 'labelsets.json'))).toBe(true);

    // A second run reuses what is done: nothing new is imported.
    const again = cli(['demo', '--project', project, '--json']);
    expect(again.status).toBe(0);
    const second = JSON.parse(again.stdout).value;
    expect(second.stages[0].summary).toMatch(/^0 posts imported/);
  });
});
