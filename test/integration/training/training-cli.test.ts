import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { buildDemoProject } from './demo-project';

const bin = resolve(import.meta.dirname, '../../../bin/selfie-lab.js');

describe('selfie-lab train, evaluate, predict and export predictions', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let project: string;
  let images: string[];
  let runId: string;
  const env = () => ({ ...process.env, SELFIE_LAB_CONFIG_DIR: join(dir, 'config'), SELFIE_LAB_CACHE_DIR: join(dir, 'user-cache'), SELFIE_LAB_BACKEND: 'wasm' });
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: env(), timeout: 180_000 });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const demo = await buildDemoProject(dir, { posts: 120, seed: 7 });
    project = demo.projectDir;
    images = demo.images;
    await demo.workbench.dispose(); // the CLI takes the project lock
  }, 120_000);
  afterAll(async () => cleanup());

  it('train prints each epoch on stderr and the result beside the study\'s figures', () => {
    const result = cli(['train', '--project', project, '--labelset', 'planted', '--epochs', '4', '--patience', '0', '--seed', '2']);
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    expect(result.stderr).toContain('ML backend: wasm');
    for (let epoch = 1; epoch <= 4; epoch++) expect(result.stderr).toMatch(new RegExp(`epoch ${epoch}/4 · loss \\d\\.\\d{3} acc \\d\\.\\d{3} · val loss`));
    expect(result.stdout).toMatch(/Validation accuracy: best 0\.\d{3} \(epoch \d\) · final 0\.\d{3} \(epoch 4\)/);
    expect(result.stdout).toContain('Study reference: config A .679 max / .669 final · config D .719 / .681 · Karpathy 60%');
    runId = /Run (\S+):/.exec(result.stdout)![1]!;
  });

  it('train --json gives the run record and metrics; --shuffle-labels marks the sanity check', () => {
    const result = cli(['train', '--project', project, '--labelset', 'planted', '--epochs', '2', '--shuffle-labels', '--lr', '0.05', '--json']);
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    const value = JSON.parse(result.stdout).value;
    expect(value).toMatchObject({ shuffledLabels: true, epochsDone: 2, record: { params: { lr: 0.05, shuffleLabels: true }, status: 'completed' } });
    expect(value.metrics).toHaveLength(2);
    expect(value.reference.configA).toEqual({ label: expect.any(String), valPeak: 0.679, valFinal: 0.669 });
  });

  it('refuses bad options with exit code 2 and a message naming the option', () => {
    const bad = cli(['train', '--project', project, '--labelset', 'planted', '--mode', 'full']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mode must be head or finetune');
    const finetune = cli(['train', '--project', project, '--labelset', 'planted', '--mode', 'finetune', '--json']);
    expect(finetune.status).toBe(1);
    expect(JSON.parse(finetune.stdout).error).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('cannot train convolution layers') });
    expect(cli(['train', '--project', project]).stderr).toContain('train needs --labelset NAME');
  });

  it('evaluate --json gives the full evaluation; the text form shows the confusion matrix', () => {
    const json = cli(['evaluate', '--project', project, '--run', runId, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const evaluation = JSON.parse(json.stdout).value;
    expect(evaluation).toMatchObject({ runId, threshold: 0.5, reference: { karpathy: { accuracy: 0.6 } } });
    expect(evaluation.splits.val.roc.length).toBeGreaterThan(2);
    expect(evaluation.splits.val.confusion.truePositive.postIds.length).toBe(evaluation.splits.val.confusion.truePositive.count);
    const text = cli(['evaluate', '--project', project, '--run', runId, '--threshold', '0.6']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Confusion matrix (val, p(good) ≥ 0.6)');
    expect(cli(['evaluate', '--project', project, '--run', 'nope']).stderr).toContain('No run "nope"');
  });

  it('predict gives p(good) per image, and reports unreadable ones', () => {
    const result = cli(['predict', '--project', project, '--run', runId, images[0]!, images[1]!, join(dir, 'missing.jpg'), '--json']);
    expect(result.status).toBe(1); // one image could not be read
    const { predictions } = JSON.parse(result.stdout).value;
    expect(predictions).toHaveLength(3);
    expect(predictions[0].pGood).toBeGreaterThan(0);
    expect(predictions[0].pGood).toBeLessThan(1);
    expect(predictions[0].predicted).toMatch(/^(good|bad)$/);
    expect(predictions[2]).toMatchObject({ pGood: null, error: 'file not found' });
  });

  it('export predictions writes post_id, split, label, p_good, predicted, matching the run\'s predictions', async () => {
    const out = join(dir, 'predictions.csv');
    const result = cli(['export', 'predictions', '--project', project, '--run', runId, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('post_id,split,label,p_good,predicted');
    const predictions = JSON.parse(await readFile(join(project, 'runs', runId, 'predictions.json'), 'utf8'));
    expect(lines).toHaveLength(predictions.postId.length + 1);
    const [postId, split, label, pGood, predicted] = lines[1]!.split(',');
    expect(postId).toBe(predictions.postId[0]);
    expect(['train', 'val', 'test', 'none']).toContain(split);
    expect(['good', 'bad', 'none']).toContain(label);
    expect(Number(pGood)).toBeCloseTo(predictions.pGood[0], 6);
    expect(predicted).toBe(Number(pGood) >= 0.5 ? 'good' : 'bad');
    expect(cli(['export', 'predictions', '--project', project, '--out', out]).stderr).toContain('export predictions needs --run ID');
    expect(cli(['export', 'predictions', '--project', project, '--run', runId, '--out', join(dir, 'p.xlsx')]).stderr).toContain('--out must end in .csv or .jsonl, not ".xlsx"');
    expect(cli(['export', 'predictions', '--project', project, '--run', 'nope', '--out', out]).stderr).toContain(`No run "nope" in this project. Recent runs: `);
  });

  it('train --sweep trains one head per tail width and prints labeled-set size vs validation accuracy', () => {
    const result = cli(['train', '--project', project, '--labelset', 'planted', '--sweep', '20,35', '--epochs', '3', '--patience', '0', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const sweep = JSON.parse(result.stdout).value as { trained: number[]; points: Array<{ width: number; labeled: number; valPeak: number | null }> };
    // The base set ("planted") has 35% tails: that width reuses it, 20% gets its own set with fewer labeled posts.
    expect(sweep.points.map((point) => point.width)).toEqual([0.2, 0.35]);
    expect(sweep.points[0]!.labeled).toBeLessThan(sweep.points[1]!.labeled);
    for (const point of sweep.points) expect(point.valPeak).toBeGreaterThan(0);
    const again = cli(['train', '--project', project, '--labelset', 'planted', '--sweep', '20,35', '--epochs', '3', '--patience', '0']);
    expect(again.stdout).toContain('(20%, 35% were done already and not trained again.)');
    expect(cli(['train', '--project', project, '--labelset', 'planted', '--sweep', '60']).stderr).toContain('would label more than every post');
  });
});
