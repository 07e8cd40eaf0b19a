import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { simulateToFolder } from '../../../src/main/core/demo/simulate-demo';
import { createInMemoryApi } from '../../../src/main/core/transport/in-memory';
import type { Workbench } from '../../../src/main/core/workbench';
import type { Api } from '../../../src/shared/api/client';
import type { LabelSetItems, LabelSetSummary } from '../../../src/shared/labeling/label-set';
import type { RaterFile, RatingStep } from '../../../src/shared/rating/rating-types';
import type { Result } from '../../../src/shared/result';
import { tempDir, testWorkbench } from '../../support/temp';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rating sessions: blind, balanced, saved per rating, resumable; the three-way comparison', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let workbench: Workbench;
  let api: Api;
  let projectDir: string;
  let labelSet: LabelSetSummary;
  let items: LabelSetItems;
  const labelOf = (postId: string) => items.label[items.postId.indexOf(postId)]!;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const sim = await simulateToFolder({ posts: 160, owners: 28, seed: 8 }, join(dir, 'sim'), { images: 'demo' });
    workbench = await testWorkbench(join(dir, 'config'));
    projectDir = join(dir, 'project');
    await workbench.createProject(projectDir);
    const jobs = workbench.requireJobs();
    await jobs.start('import', { paths: [sim.day0, sim.day7], downloadImages: false });
    await jobs.idle();
    api = createInMemoryApi(workbench);
    labelSet = value(await api.labels.save({ name: 'study', params: { strategy: 'residual', faces: 'ignore', top: 0.25, bottom: 0.25, val: 0.3, test: 0.2, seed: 3 } }));
    items = value(await api.labels.get({ id: labelSet.id })).items;
  });
  afterAll(async () => {
    await workbench?.dispose();
    await cleanup();
  });

  it('creates raters with readable ids and refuses a second rater of the same name', async () => {
    expect(value(await api.raters.create({ name: 'Ana María' }))).toMatchObject({ id: 'ana-maría', name: 'Ana María', ratings: 0 });
    const again = await api.raters.create({ name: 'ANA  MARÍA' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('already exists');
    expect(value(await api.raters.create({ name: 'Ben' })).id).toBe('ben');
    const wrong = await api.raters.create({ name: '   ' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_INPUT');
  });

  it('draws a seeded, balanced sample from the test split (the default when there is one)', async () => {
    const session = value(await api.ratings.createSession({ labelSet: 'study', size: 12, seed: 4 }));
    expect(session).toMatchObject({ split: 'test', total: 12, blind: true, mode: 'single' });
    const step = value(await api.ratings.next({ session: session.id, rater: 'ana-maría' }));
    expect(step).toMatchObject({ index: 0, total: 12, done: 0, reveal: null });
    const stored = JSON.parse(await readFile(join(projectDir, 'rating-sessions.json'), 'utf8')) as { sessions: Array<{ id: string; items: string[] }> };
    const sample = stored.sessions.find((s) => s.id === session.id)!.items;
    expect(new Set(sample).size).toBe(12);
    expect(sample.filter((id) => labelOf(id) === 1)).toHaveLength(6);
    expect(sample.filter((id) => labelOf(id) === -1)).toHaveLength(6);
    for (const id of sample) expect(items.split[items.postId.indexOf(id)]).toBe(2);
    // Same label set, split, seed and size: the same sample, so a second such session is refused (raters share one).
    const twin = await api.ratings.createSession({ labelSet: 'study', size: 12, seed: 4, name: 'twin' });
    expect(twin.ok ? null : twin.error.message).toContain('already has this sample');
    // Another seed, other images.
    const other = value(await api.ratings.createSession({ labelSet: 'study', size: 12, seed: 5, name: 'twin' }));
    const otherItems = (JSON.parse(await readFile(join(projectDir, 'rating-sessions.json'), 'utf8')) as typeof stored).sessions.find((s) => s.id === other.id)!.items;
    expect(otherItems).not.toEqual(sample);
    expect(otherItems.filter((id) => labelOf(id) === 1)).toHaveLength(6);
    const tooBig = await api.ratings.createSession({ labelSet: 'study', size: 10_000, split: 'val' });
    expect(value(tooBig).note).toMatch(/balanced sample has \d+/);
  });

  it('saves each rating the moment it is given, undoes the last one, and resumes after a restart', async () => {
    const session = value(await api.ratings.sessions()).find((s) => s.name !== 'twin' && s.split === 'test')!;
    let step = value(await api.ratings.next({ session: session.id, rater: 'ana-maría' }));
    const answers: string[] = [];
    for (let k = 0; k < 5; k++) {
      const postId = (step.current as { postId: string }).postId;
      const truth = labelOf(postId) === 1 ? 'good' : 'bad';
      const rating = k === 2 ? 'skip' : k === 3 ? (truth === 'good' ? 'bad' : 'good') : truth;
      answers.push(rating);
      step = value(await api.ratings.rate({ session: session.id, rater: 'ana-maría', postId, rating, ms: 900 + k }));
      const onDisk = JSON.parse(await readFile(join(projectDir, 'ratings', 'ana-maría.json'), 'utf8')) as RaterFile;
      expect(onDisk.ratings).toHaveLength(k + 1);
      expect(onDisk.ratings.at(-1)).toMatchObject({ kind: 'single', postId, rating, session: session.id, ms: 900 + k });
    }
    expect(step).toMatchObject({ index: 5, done: 5, skipped: 1 });
    step = value(await api.ratings.undo({ session: session.id, rater: 'ana-maría' }));
    expect(step.index).toBe(4);
    const undone = JSON.parse(await readFile(join(projectDir, 'ratings', 'ana-maría.json'), 'utf8')) as RaterFile;
    expect(undone.ratings).toHaveLength(4);

    // A new workbench on the same folder (the app restarted) resumes at the same image.
    const current = (step.current as { postId: string }).postId;
    await workbench.closeProject();
    await workbench.openProject(projectDir);
    const resumed = value(await api.ratings.next({ session: session.id, rater: 'ana-maría' }));
    expect(resumed).toMatchObject({ index: 4, done: 4, current: { kind: 'single', postId: current } });
    expect(value(await api.ratings.sessions()).find((s) => s.id === session.id)!.progress).toEqual([
      { rater: 'ana-maría', raterName: 'Ana María', done: 4, skipped: 1, total: 12 },
    ]);

    // Wrong input is refused with the reason, and nothing is written.
    const notInSession = await api.ratings.rate({ session: session.id, rater: 'ana-maría', postId: 'nope', rating: 'good' });
    expect(notInSession.ok ? null : notInSession.error.message).toContain('not in rating session');
    const badValue = await api.ratings.rate({ session: session.id, rater: 'ana-maría', postId: current, rating: 'meh' as 'good' });
    expect(badValue.ok ? null : badValue.error.code).toBe('INVALID_INPUT');
    // A stale window answering an image already rated is refused; the first answer stands (a skip may be rated later).
    const answered = undone.ratings.find((entry) => entry.kind === 'single' && entry.rating !== 'skip') as { postId: string; rating: 'good' | 'bad' | 'skip' };
    const stale = await api.ratings.rate({ session: session.id, rater: 'ana-maría', postId: answered.postId, rating: answered.rating === 'good' ? 'bad' : 'good' });
    expect(stale.ok ? null : stale.error.message).toContain('already answered in this session');
    const kept = (JSON.parse(await readFile(join(projectDir, 'ratings', 'ana-maría.json'), 'utf8')) as RaterFile).ratings;
    expect(kept.find((entry) => entry.kind === 'single' && entry.postId === answered.postId)).toMatchObject({ rating: answered.rating });
    const noRater = await api.ratings.next({ session: session.id, rater: 'zed' });
    expect(noRater.ok ? null : noRater.error.message).toContain('No rater "zed"');
  });

  it('shows the image large and nothing else about the post', async () => {
    const session = value(await api.ratings.sessions()).find((s) => s.name !== 'twin' && s.split === 'test')!;
    const step = value(await api.ratings.next({ session: session.id, rater: 'ben' }));
    const url = value(await api.ratings.image({ postId: (step.current as { postId: string }).postId, maxSize: 400 }));
    expect(url).toMatch(/^data:image\/webp;base64,/);
    const meta = await sharp(Buffer.from(url.split(',')[1]!, 'base64')).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(400);
    expect(Math.max(meta.width!, meta.height!)).toBeGreaterThan(200);
  });

  it('compares raters with the labels and each other, over the images both rated', async () => {
    const session = value(await api.ratings.sessions()).find((s) => s.name !== 'twin' && s.split === 'test')!;
    // Ana finishes, answering the truth; Ben answers "good" to everything.
    let step: RatingStep = value(await api.ratings.next({ session: session.id, rater: 'ana-maría' }));
    while (step.current) {
      const postId = (step.current as { postId: string }).postId;
      step = value(await api.ratings.rate({ session: session.id, rater: 'ana-maría', postId, rating: labelOf(postId) === 1 ? 'good' : 'bad' }));
    }
    step = value(await api.ratings.next({ session: session.id, rater: 'ben' }));
    while (step.current) {
      step = value(await api.ratings.rate({ session: session.id, rater: 'ben', postId: (step.current as { postId: string }).postId, rating: 'good' }));
    }
    const table = value(await api.ratings.compare());
    expect(table.labelSet?.id).toBe(labelSet.id);
    expect(table.postId).toHaveLength(12);
    expect(table.run).toBeNull();
    const ana = table.report.raters.find((r) => r.rater === 'ana-maría')!;
    // 12 images: one skipped (not counted), one answered wrong, ten right.
    expect(ana.vsLabel).toMatchObject({ n: 11, successes: 10 });
    expect(ana.vsLabel.value).toBeCloseTo(10 / 11, 12);
    expect(ana.vsLabel.ci!.low).toBeLessThan(10 / 11);
    const ben = table.report.raters.find((r) => r.rater === 'ben')!;
    expect(ben.vsLabel).toMatchObject({ n: 12, successes: 6 });
    expect(ben.confusionVsLabel).toEqual({ bothGood: 6, bothBad: 0, aGoodBBad: 6, aBadBGood: 0 });
    const pair = table.report.pairs[0]!;
    expect(pair.kappa.n).toBe(11);
    // Ben always says "good": whatever Ana says, agreement is what chance predicts, so kappa is exactly 0.
    expect(pair.kappa.kappa).toBeCloseTo(0, 12);
    expect(pair.kappa.agreement).toBeCloseTo(ana.confusionVsLabel.bothGood / 11 + ana.confusionVsLabel.aGoodBBad / 11, 12);
    const labelColumn = table.postId.map((id) => labelOf(id));
    expect(table.label).toEqual(labelColumn);
  });

  it('ranks images from pairwise judgments (Bradley–Terry)', async () => {
    const session = value(await api.ratings.createSession({ labelSet: 'study', mode: 'pairwise', size: 40, split: 'train', seed: 2 }));
    expect(session.total).toBe(40);
    let step = value(await api.ratings.next({ session: session.id, rater: 'ben' }));
    while (step.current) {
      const { left, right } = step.current as { left: string; right: string };
      const winner = labelOf(left) > labelOf(right) ? 'left' : labelOf(right) > labelOf(left) ? 'right' : 'skip';
      step = value(await api.ratings.judge({ session: session.id, rater: 'ben', left, right, winner }));
    }
    const ranking = value(await api.ratings.ranking({ session: session.id }));
    const strengthOf = (label: number) => {
      const values = ranking.ranking.strength.filter((_, i) => ranking.label[i] === label);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(ranking.judgments).toBeGreaterThan(0);
    expect(strengthOf(1)).toBeGreaterThan(strengthOf(-1) + 0.5);
  });

  it('CLI: ratings export, import (idempotent, bad rows refused whole, naming their lines) and stats', async () => {
    await workbench.closeProject();
    const out = join(dir, 'ratings.csv');
    const exported = await cli(['ratings', 'export', '--project', projectDir, '--out', out, '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).value.rows).toBe(11 + 1 + 12 - 1 + 1);
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[0]).toBe('post_id,rater,rating,rated_at,session,ms');
    expect(text).toContain(',Ana María,');

    const again = await cli(['ratings', 'import', out, '--project', projectDir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).value).toMatchObject({ imported: 0, duplicates: JSON.parse(exported.out).value.rows });

    const firstPost = text.split('\n')[1]!.split(',')[0]!;
    const outside = join(dir, 'outside.csv');
    await writeFile(outside, `post_id,rater,rating,rated_at\n${firstPost},Cleo,good,2026-11-29T10:00:00Z\n${firstPost},Cleo,great,2026-11-29T10:01:00Z\nghost,Cleo,bad,2026-11-29T10:02:00Z\n`);
    const refused = await cli(['ratings', 'import', outside, '--project', projectDir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('line 3: rating "great"');
    expect(refused.err).toContain('line 4: post ghost is not in this project');
    expect(refused.err).toContain('nothing was imported');

    await writeFile(outside, `post_id,rater,rating,rated_at\n${firstPost},Cleo,good,2026-11-29T10:00:00Z\n`);
    const imported = await cli(['ratings', 'import', outside, '--project', projectDir, '--json']);
    expect(JSON.parse(imported.out).value).toMatchObject({ imported: 1, raters: [{ rater: 'cleo', imported: 1, created: true }] });

    const stats = await cli(['ratings', 'stats', '--project', projectDir, '--labelset', 'study', '--json']);
    expect(stats.code).toBe(0);
    const report = JSON.parse(stats.out).value.report;
    expect(report.raters.map((r: { rater: string }) => r.rater).sort()).toEqual(['ana-maría', 'ben', 'cleo']);
    expect(report.pairs).toHaveLength(3);
    const text2 = await cli(['ratings', 'stats', '--project', projectDir]);
    expect(text2.out).toMatch(/Ana María \(11 rated good or bad\)\n {2}vs Instagram label {6}90\.9% \[/);
    // Scoped to the val split, where nobody rated: every figure says why it is missing instead of a number.
    const val = await cli(['ratings', 'stats', '--project', projectDir, '--split', 'val', '--json']);
    expect(JSON.parse(val.out).value).toMatchObject({ images: 0, scope: { split: 'val', session: null }, report: { raters: [] } });
    const badSplit = await cli(['ratings', 'stats', '--project', projectDir, '--split', 'holdout']);
    expect(badSplit.err).toContain('--split must be one of train, val, test');
    const unknown = await cli(['ratings', 'frobnicate', '--project', projectDir]);
    expect(unknown.err).toContain('unknown ratings action "frobnicate"');

    // A newer answer for an image already answered in that session is added, counts from then on, and is reported.
    const secondPost = text.split('\n')[2]!.split(',')[0]!;
    await writeFile(outside, `post_id,rater,rating,rated_at,session\n${secondPost},Ben,bad,${Math.floor(Date.now() / 1000)},imported\n${secondPost},Ben,good,2026-01-01T00:00:00Z,imported\n`);
    const superseding = await cli(['ratings', 'import', outside, '--project', projectDir, '--json']);
    expect(JSON.parse(superseding.out).value).toMatchObject({ kind: 'ratings', imported: 2, superseding: 1, raters: [{ rater: 'ben', name: 'Ben', superseding: 1 }] });
    await writeFile(outside, `post_id,rater,rating,rated_at\n${secondPost},Ben,bad,2999-01-01T00:00:00Z\n`);
    expect((await cli(['ratings', 'import', outside, '--project', projectDir])).err).toContain('line 2: rated_at 2999-01-01T00:00:00.000Z is in the future');
    expect((await cli(['ratings', 'import', dir, '--project', projectDir])).err).toContain('is a folder');
    expect((await cli(['ratings', 'export', '--project', projectDir, '--out', join(dir, 'missing', 'r.csv')])).err).toContain('does not exist; create it first');

    // Pairwise judgments travel too, with the time to answer.
    const pairsOut = join(dir, 'pairs.jsonl');
    const pairs = await cli(['ratings', 'export', '--project', projectDir, '--out', pairsOut, '--pairs', '--json']);
    expect(JSON.parse(pairs.out).value).toMatchObject({ format: 'jsonl', raters: 1, what: 'pairs' });
    const firstPair = JSON.parse((await readFile(pairsOut, 'utf8')).split('\n')[0]!) as Record<string, unknown>;
    expect(Object.keys(firstPair)).toEqual(['left_id', 'right_id', 'winner', 'rater', 'rated_at', 'session', 'ms']);
    const pairsCsv = join(dir, 'pairs.csv');
    await cli(['ratings', 'export', '--project', projectDir, '--out', pairsCsv, '--pairs']);
    const pairsBack = await cli(['ratings', 'import', pairsCsv, '--project', projectDir, '--json']);
    expect(JSON.parse(pairsBack.out).value).toMatchObject({ kind: 'pairs', imported: 0 });
    await workbench.openProject(projectDir);
  });

  it('keeps rater names of every script apart, renames and removes raters and sessions, and tells open pages', async () => {
    const events: Array<{ session: string | null; rater: string | null }> = [];
    const off = api.on('ratings.changed', (payload) => events.push(payload));
    expect(value(await api.raters.create({ name: '李明' })).id).toBe('李明');
    expect(value(await api.raters.create({ name: '王芳' })).id).toBe('王芳');
    expect(value(await api.raters.create({ name: 'Zoë' })).id).toBe('zoë');
    expect(value(await api.raters.create({ name: 'Zoe' })).id).toBe('zoe');
    expect(value(await api.raters.rename({ rater: 'zoe', name: 'Zoe B.' })).name).toBe('Zoe B.');
    const clash = await api.raters.rename({ rater: 'zoe', name: 'zoë' });
    expect(clash.ok ? null : clash.error.message).toContain('already called "Zoë"');

    const session = value(await api.ratings.createSession({ labelSet: 'study', size: 4, seed: 11, blind: false, name: 'open' }));
    let step = value(await api.ratings.next({ session: session.id, rater: '李明' }));
    expect(step.reveal).toMatchObject({ label: expect.any(Number) });
    step = value(await api.ratings.rate({ session: session.id, rater: '李明', postId: (step.current as { postId: string }).postId, rating: 'good' }));
    expect(events).toContainEqual({ session: session.id, rater: '李明' });
    const pairwise = value(await api.ratings.createSession({ labelSet: 'study', mode: 'pairwise', size: 3, split: 'train', blind: false }));
    const pairStep = value(await api.ratings.next({ session: pairwise.id, rater: '李明' }));
    expect(pairStep.revealPair).toHaveLength(2);
    expect(pairStep.revealPair![0].label).not.toBe(0);

    // Removing the session takes its answers out of the statistics but keeps them in ratings/removed/.
    const before = value(await api.ratings.compare({ session: session.id }));
    expect(before.postId).toHaveLength(1);
    expect(value(await api.ratings.removeSession({ session: session.id }))).toBeNull();
    expect(value(await api.ratings.sessions()).map((s) => s.id)).not.toContain(session.id);
    const removed = await readdir(join(projectDir, 'ratings', 'removed'));
    const archive = removed.find((name) => name.startsWith(`session-${session.id}`))!;
    expect(JSON.parse(await readFile(join(projectDir, 'ratings', 'removed', archive), 'utf8')).answers['李明']).toHaveLength(1);
    expect((JSON.parse(await readFile(join(projectDir, 'ratings', '李明.json'), 'utf8')) as RaterFile).ratings).toHaveLength(0);

    expect(value(await api.raters.remove({ rater: '王芳' }))).toBeNull();
    expect(value(await api.raters.list()).map((r) => r.id)).not.toContain('王芳');
    expect((await readdir(join(projectDir, 'ratings', 'removed'))).some((name) => name.startsWith('王芳-'))).toBe(true);
    off();
  });
});
