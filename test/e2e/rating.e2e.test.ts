import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/api/client';
import { waitForDemoStages } from '../support/demo-jobs';
import { startDemoSession, type DemoSession } from '../support/demo-session';
import type { ServeProcess } from '../support/serve-process';

/**
 * A rater on the demo project: adds herself, draws a balanced blind session of 12 images from the demo's label set,
 * rates it with the keyboard (good, bad, one skip, one undo), reloads halfway and finds herself where she left off,
 * finishes, and opens Compare to read her accuracy against the likes-derived labels.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');
const size = 12;
const labelSetName = 'demo residual 10%';

describe('the Rate and Compare pages on the demo project', () => {
  let session: DemoSession;
  let serve: ServeProcess;
  let page: Page;
  let api: Api;

  const position = () => page.getByTestId('rating-position');
  const done = async () => Number(await position().getAttribute('data-done'));
  /** The image on screen, once it has loaded (its data: URL identifies it without revealing anything about the post). */
  const shownImage = async () =>
    page.getByTestId('rating-image').evaluateAll((images) =>
      images.length > 0 && images.length === document.querySelectorAll('[data-testid="rating-frame"]').length && images.every((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0)
        ? images.map((image) => (image as HTMLImageElement).src).join(' ')
        : '',
    );
  const waitForImage = async () => {
    await expect.poll(shownImage, { timeout: 20_000 }).not.toBe('');
    return shownImage();
  };
  /** Presses a key on the rating screen and waits until the saved answer count reads `expected`. */
  const press = async (key: string, expected: number) => {
    await waitForImage();
    // The next images are fetched and decoded while this one is on screen.
    const stage = page.getByTestId('rating-stage');
    await expect.poll(async () => (await stage.getAttribute('data-preloaded')) === (await stage.getAttribute('data-upcoming')), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press(key);
    await expect.poll(done, { timeout: 10_000 }).toBe(expected);
  };

  beforeAll(async () => {
    session = await startDemoSession({ prefix: 'selfie-lab-rating-e2e-', shots, viewport: { width: 1440, height: 1000 } });
    ({ serve, page, api } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('adds a rater and draws a balanced, blind session from the demo label set', async () => {
    await page.goto(serve.url);
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 20_000 }).toContain('Selfie Lab demo');
    await waitForDemoStages(api); // the copied demo is complete; this only confirms it
    await session.setTray(false);
    await page.getByTestId('nav-rate').click();

    // Keys typed into a field belong to the field, not to the rating.
    await page.getByTestId('rater-name').fill('Ada');
    expect(await page.getByTestId('rater-name').inputValue()).toBe('Ada');
    await page.getByTestId('rater-create').click();
    await expect.poll(() => page.getByTestId('rater-select').inputValue(), { timeout: 10_000 }).toBe('ada');

    const sets = await api.labels.list();
    const set = sets.ok ? sets.value.find((candidate) => candidate.name === labelSetName) : undefined;
    expect(set, 'the demo label set').toBeDefined();
    await page.getByTestId('session-labelset').selectOption(set!.id);
    await page.getByTestId('session-size').fill(String(size));
    expect(await page.getByTestId('session-blind').isChecked()).toBe(true);
    expect(await page.getByTestId('session-mode').inputValue()).toBe('single');
    await page.getByTestId('session-create').click();

    await expect.poll(() => position().textContent(), { timeout: 20_000 }).toBe(`1 of ${size}`);
    await waitForImage();
    expect(await page.getByTestId('rating-stage').getAttribute('data-upcoming')).toBe('2');
    // Blind: nothing about the post on screen.
    expect(await page.getByTestId('rating-reveal').count()).toBe(0);
    expect(await page.getByTestId('page-rate').textContent()).not.toMatch(/likes?:|followers:/i);
    await page.screenshot({ path: join(shots, '50-rating-view.png') });

    const sessions = await api.ratings.sessions();
    expect(sessions.ok && sessions.value[0]?.total).toBe(size);
  });

  it('rates with the keyboard, undoes, and resumes at the same position after a reload', async () => {
    await press('g', 1);
    await press('ArrowLeft', 2);
    await press('s', 3);
    expect(await page.getByTestId('rating-progress').getAttribute('aria-valuenow')).toBe('3');
    const fourth = await waitForImage();
    await press('b', 4);
    expect(await position().textContent()).toBe(`5 of ${size}`);
    await press('u', 3);
    expect(await position().textContent()).toBe(`4 of ${size}`);
    expect(await waitForImage(), 'undo shows the undone image again').toBe(fourth);
    await press('ArrowRight', 4);
    await press('g', 5);
    await press('Backspace', 4);
    await press('b', 5);

    const before = await position().textContent();
    const imageBefore = await waitForImage();
    expect(before).toBe(`6 of ${size}`);
    await page.reload();
    await expect.poll(() => position().textContent(), { timeout: 20_000 }).toBe(before);
    expect(await done()).toBe(5);
    expect(await waitForImage(), 'the same image after the reload').toBe(imageBefore);
  });

  it('finishes the session and shows the rater on Compare with her accuracy against the labels', async () => {
    const keys = ['ArrowRight', 'b', 'g', 'ArrowLeft', 'g', 'b', 'ArrowRight'];
    for (const [k, key] of keys.entries()) await press(key, 6 + k);
    await expect.poll(() => page.getByTestId('rating-finished').count(), { timeout: 10_000 }).toBe(1);
    expect(await position().textContent()).toBe(`${size} of ${size}`);
    expect(await page.getByTestId('rating-finished').textContent()).toContain('1 skipped');
    // Saved as given: the rater's own file holds one answer per image (the undone ones gone), each with its time.
    const project = await api.project.current();
    const file = JSON.parse(await readFile(join(project.ok && project.value ? project.value.dir : '', 'ratings', 'ada.json'), 'utf8')) as {
      ratings: Array<{ rating: string; ms: number | null }>;
    };
    expect(file.ratings.map((entry) => entry.rating).sort()).toEqual([...Array<string>(5).fill('bad'), ...Array<string>(6).fill('good'), 'skip'].sort());
    expect(file.ratings.every((entry) => typeof entry.ms === 'number' && entry.ms > 0)).toBe(true);

    await page.getByTestId('rating-open-compare').click();
    await expect.poll(() => page.getByTestId('compare-ready').count(), { timeout: 20_000 }).toBe(1);

    const compared = await api.ratings.compare();
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const table = compared.value;
    const ada = table.raters.find((rater) => rater.name === 'Ada');
    expect(ada).toBeDefined();
    // The demo's trained run is the model column: Ada against the model, on the same images, with McNemar.
    expect(table.run).not.toBeNull();
    const adaStats = table.report.raters.find((r) => r.rater === ada!.rater)!;
    expect(adaStats.vsModel!.n).toBe(size - 1);
    expect(adaStats.mcnemarVsModel!.n).toBe(size - 1);
    // Balanced sample: half good, half bad by the likes-derived label.
    expect(table.postId.length).toBe(size);
    expect(table.label.filter((label) => label === 1).length).toBe(size / 2);
    expect(table.label.filter((label) => label === -1).length).toBe(size / 2);
    // Her accuracy, computed here from the columns: images she rated good or bad that have a label.
    let n = 0;
    let right = 0;
    ada!.ratings.forEach((rating, i) => {
      const label = table.label[i]!;
      if (rating === 0 || label === 0) return;
      n += 1;
      if (rating === label) right += 1;
    });
    expect(n).toBe(size - 1);
    const row = page.locator(`[data-testid="rater-statistics-row"][data-rater="${ada!.rater}"]`);
    expect(await row.getByTestId('rater-accuracy-value').textContent()).toBe(`${((right / n) * 100).toFixed(1)}%`);
    expect(await row.getByTestId('rater-accuracy').getAttribute('data-n')).toBe(String(n));
    expect(await row.getByTestId('rater-accuracy').textContent()).toMatch(/95% CI \d+\.\d%–\d+\.\d%/);
    expect(await page.getByTestId('compare-row').count()).toBe(size);
    expect(await page.getByTestId('compare-reference').textContent()).toContain('61.0%');
    await page.screenshot({ path: join(shots, '51-compare-page.png'), fullPage: true });

    // Disagreements only: the rows where someone differs from the label (or the model).
    await page.getByTestId('compare-disagreements').check();
    // Any two of (label, model, Ada) that were given and differ.
    const disagreements = table.postId.filter((_, i) => {
      const given = [table.label[i]!, table.predicted[i]!, ada!.ratings[i]!].filter((value) => value !== 0);
      return given.some((value) => value !== given[0]);
    }).length;
    expect(await page.getByTestId('compare-row').count()).toBe(disagreements);
    await page.getByTestId('compare-disagreements').uncheck();
    await page.getByTestId('compare-row').first().click();
    await expect.poll(() => page.getByTestId('compare-detail-image').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('compare-detail').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '52-compare-detail.png') });
  });

  it('judges a pairwise session with the arrow keys and ranks its images by Bradley–Terry strength', async () => {
    await page.getByTestId('nav-rate').click();
    await page.getByTestId('rater-select').selectOption('ada');
    await page.getByTestId('session-mode').selectOption('pairwise');
    expect(await page.getByTestId('session-same-owner').isChecked()).toBe(true);
    await page.getByTestId('session-size').fill('3');
    await page.getByTestId('session-create').click();
    await expect.poll(() => page.getByTestId('rating-view').getAttribute('data-mode'), { timeout: 20_000 }).toBe('pairwise');
    await expect.poll(() => position().textContent(), { timeout: 20_000 }).toBe('1 of 3');
    await waitForImage();
    expect(await page.getByTestId('rating-image').count()).toBe(2);
    await page.screenshot({ path: join(shots, '53-rating-pairwise.png') });
    await press('ArrowLeft', 1);
    await press('s', 2);
    await press('ArrowRight', 3);
    await page.getByTestId('rating-open-ranking').click();
    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('ranking-summary').textContent()).toMatch(/Instagram-good among the top half: \d+%/);
    await page.screenshot({ path: join(shots, '54-rating-ranking.png') });

    // Back on the session list: both sessions, with Ada's progress in each.
    await page.getByTestId('ranking-back').click();
    await expect.poll(() => page.getByTestId('session-row').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('session-progress').allTextContents()).toEqual([expect.stringContaining('3 / 3'), expect.stringContaining(`${size} / ${size} (1 skipped)`)]);
    await page.screenshot({ path: join(shots, '55-rate-sessions.png') });
  });
});
