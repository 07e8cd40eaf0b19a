import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const bin = resolve(import.meta.dirname, '../../../bin/selfie-lab.js');
const fixtures = resolve(import.meta.dirname, '../../fixtures/faces');

/** Splits simple CSV text (quoted fields with doubled quotes, no embedded newlines) independently of the app. */
function parseCsv(text: string): string[][] {
  return text.trimEnd().split('\n').map((line) => {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (quoted && char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = !quoted;
      } else if (char === ',' && !quoted) {
        fields.push(field);
        field = '';
      } else {
        field += char;
      }
    }
    fields.push(field);
    return fields;
  });
}

describe('selfie-lab faces and export faces', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 120_000 });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    env = { ...process.env, SELFIE_LAB_CONFIG_DIR: join(dir, 'config') };
    const good = await readFile(join(fixtures, 'coffee.jpg'));
    await writeFile(join(dir, 'broken.jpg'), good.subarray(0, 2000));
    const manifest = [
      'post_id,image,likes,followers',
      `selfie,${join(fixtures, 'astronaut.jpg')},10,100`,
      `closeup,${join(fixtures, 'tight-sample5-1.jpg')},10,100`,
      `coffee,${join(fixtures, 'coffee.jpg')},10,100`,
      `broken,${join(dir, 'broken.jpg')},10,100`,
    ];
    await writeFile(join(dir, 'posts.csv'), manifest.join('\n') + '\n');
    expect(cli(['init', join(dir, 'p')]).status).toBe(0);
    const imported = cli(['import', join(dir, 'posts.csv'), '--project', join(dir, 'p'), '--no-images']);
    expect(imported.status, imported.stderr).toBe(0);
  });
  afterAll(async () => cleanup());

  it('faces --json runs the job, saves --min-score/--min-size as the rule, and prints the buckets', async () => {
    const run = cli(['faces', '--project', join(dir, 'p'), '--min-score', '0.6', '--min-size', '0.1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const { value } = JSON.parse(run.stdout);
    expect(value.job).toMatchObject({ detector: 'ssd', detected: 3, failed: 1, alreadyDone: 0 });
    expect(value.summary.rule).toEqual({ minScore: 0.6, minSize: 0.1, carousel: 'first' });
    expect(value.summary.images).toEqual({ total: 4, none: 1, one: 2, many: 0, error: 1, pending: 0 });
    expect(value.summary.posts).toMatchObject({ pass: 2, fail: 2 });
    const project = JSON.parse(await readFile(join(dir, 'p', 'project.json'), 'utf8'));
    expect(project.settings.faceRule).toEqual({ minScore: 0.6, minSize: 0.1, carousel: 'first' });

    const text = cli(['faces', '--project', join(dir, 'p')]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('4 images already done');
    expect(text.stdout).toContain('Images (4): 0 faces 1 · 1 face 2 · 2+ faces 0 · errors 1');
    expect(text.stdout).toContain('Rule: exactly one face with score ≥ 0.6 and size ≥ 10% of the shorter side');

    const bad = cli(['faces', '--project', join(dir, 'p'), '--min-score', 'high', '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('--min-score') } });
  });

  it('export faces writes one row per image with counts under the rule, boxes, status and whether it passes', async () => {
    const out = join(dir, 'faces.csv');
    const run = cli(['export', 'faces', '--project', join(dir, 'p'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Wrote 4 images');
    const [header, ...rows] = parseCsv(await readFile(out, 'utf8'));
    expect(header).toEqual(['post_id', 'image', 'image_index', 'faces', 'max_score', 'boxes', 'status', 'error', 'passes', 'post_passes', 'override', 'detector', 'width', 'height']);
    const byId = Object.fromEntries(rows.map((row) => [row[0], Object.fromEntries(header!.map((name, i) => [name, row[i]]))]));
    expect(byId.selfie).toMatchObject({ image: join(fixtures, 'astronaut.jpg'), image_index: '0', faces: '1', status: 'ok', error: '', passes: 'true', post_passes: 'true', detector: 'ssd', width: '384', height: '384' });
    const boxes = JSON.parse(byId.selfie!.boxes!);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].score).toBe(Number(byId.selfie!.max_score));
    expect(boxes[0].x).toBeCloseTo(136, -1);
    expect(byId.closeup).toMatchObject({ faces: '1', passes: 'true' }); // found padded
    expect(byId.coffee).toMatchObject({ faces: '0', max_score: '', boxes: '[]', status: 'ok', passes: 'false', post_passes: 'false' });
    expect(byId.broken).toMatchObject({ faces: '', boxes: '', status: 'error', passes: 'false' });
    expect(byId.broken!.error).toContain('premature end of JPEG');
  });
});
