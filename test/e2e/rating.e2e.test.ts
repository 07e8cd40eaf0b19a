import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/api/client';
import type { Result } from '../../src/shared/result';
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
  /** The value of an API call made from the test (another "window"), or the test fails with the server's message. */
  const value = <T,>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const adaSession = async () => value(await api.ratings.sessions()).find((candidate) => candidate.mode === 'single')!;
  const scope = () => page.getByTestId('compare-scope');
  const accuracyN = () => page.locator('[data-testid="rater-statistics-row"][data-rater="ada"]').getByTestId('rater-accuracy').getAttribute('data-n');
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
    // The list follows ratings.changed (debounced), so the pairwise session's progress may arrive a moment later.
    await expect
      .poll(() => page.getByTestId('session-progress').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('3 / 3'), expect.stringContaining(`${size} / ${size} (1 skipped)`)]);
    await page.screenshot({ path: join(shots, '55-rate-sessions.png') });
  });

  it("scopes Compare's statistics by split and session, keeps the filters in the URL, and follows a rating given elsewhere", async () => {
    const single = await adaSession();
    await page.getByTestId('nav-compare').click();
    await expect.poll(() => page.getByTestId('compare-ready').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => scope().getAttribute('data-n'), { timeout: 10_000 }).toBe(String(size));

    // The train split holds none of Ada's images: the statistics, not just the table, cover 0 images.
    await page.getByTestId('compare-filter-split').selectOption('train');
    await expect.poll(() => scope().getAttribute('data-split'), { timeout: 10_000 }).toBe('train');
    expect(await scope().getAttribute('data-n')).toBe('0');
    expect(await scope().textContent()).toContain('train split · all sessions · 0 images');
    expect(await page.locator('[data-testid="rater-statistics-row"]').count()).toBe(0);
    expect(await page.getByTestId('compare-row').count()).toBe(0);

    // Her session's split and the session itself: all her images again, said in words, with the model's caveat.
    await page.getByTestId('compare-filter-split').selectOption(single.split);
    await page.getByTestId('compare-filter-session').selectOption(single.id);
    await expect.poll(() => scope().getAttribute('data-session'), { timeout: 10_000 }).toBe(single.id);
    await expect.poll(() => scope().getAttribute('data-n'), { timeout: 10_000 }).toBe(String(size));
    expect(await scope().textContent()).toContain(`${single.split} split · session “${single.name}” · ${size} images`);
    if (single.split === 'val') expect(await page.getByTestId('compare-notes').textContent()).toContain('best epoch');
    expect(await page.getByTestId('compare-scope-hint').textContent()).toContain("val is where the model's best epoch was picked");

    // Sorting by a column header: her skipped image ("–") is last both ways.
    const adaHeader = page.locator('[data-testid="compare-sort-header"][data-sort-key="rater:ada"]');
    const adaColumn = () => page.getByTestId('compare-row').evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[data-testid="compare-rating"]')[0]?.textContent ?? ''));
    await adaHeader.getByRole('button').click();
    expect(await adaHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await adaColumn()).at(-1)).toBe('–');
    await adaHeader.getByRole('button').click();
    expect(await adaHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await adaColumn();
    expect(descending[0]).toBe('good');
    expect(descending.at(-1)).toBe('–');

    // A reload keeps split, session and sort (they live in the URL hash).
    expect(page.url()).toContain(`session=${single.id}`);
    await page.reload();
    await expect.poll(() => scope().getAttribute('data-session'), { timeout: 20_000 }).toBe(single.id);
    expect(await page.getByTestId('compare-filter-split').inputValue()).toBe(single.split);
    expect(await adaHeader.getAttribute('aria-sort')).toBe('descending');

    // Escape closes the detail panel.
    await page.getByTestId('compare-row').first().click();
    await expect.poll(() => page.getByTestId('compare-detail').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('compare-detail').count()).toBe(0);

    // Another window answers her skipped image: the open page's n grows without a reload.
    expect(await accuracyN()).toBe(String(size - 1));
    const table = value(await api.ratings.compare({ session: single.id }));
    const ada = table.raters.find((rater) => rater.rater === 'ada')!;
    const skipped = table.postId[ada.ratings.indexOf(0)]!;
    value(await api.ratings.rate({ session: single.id, rater: 'ada', postId: skipped, rating: 'good' }));
    await expect.poll(accuracyN, { timeout: 5_000 }).toBe(String(size));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, '56-compare-scoped.png'), fullPage: true });
  });

  it('shows a non-blind pair with what Instagram said, and moves on when another window answers it', async () => {
    const created = value(await api.ratings.createSession({ labelSet: labelSetName, mode: 'pairwise', size: 3, blind: false, name: 'open pairs' }));
    await page.goto(`${serve.url}#/rate?rater=ada&session=${created.id}&view=rate`);
    await expect.poll(() => position().textContent(), { timeout: 20_000 }).toBe('1 of 3');
    await waitForImage();
    expect(await page.getByTestId('rating-reveal').evaluateAll((panels) => panels.map((panel) => panel.getAttribute('data-side')))).toEqual(['left', 'right']);
    expect(await page.getByTestId('rating-reveal').first().textContent()).toMatch(/Likes.*Followers.*Instagram label/);
    expect(await page.locator('.page__lead').textContent()).not.toMatch(/blind rating/i);
    await page.screenshot({ path: join(shots, '57-rating-pair-reveal.png') });

    // The same rater answers this pair in another window: this tab goes to the next pair by itself.
    const step = value(await api.ratings.next({ session: created.id, rater: 'ada' }));
    expect(step.current?.kind).toBe('pair');
    if (step.current?.kind !== 'pair') return;
    value(await api.ratings.judge({ session: created.id, rater: 'ada', left: step.current.left, right: step.current.right, winner: 'left' }));
    await expect.poll(() => position().textContent(), { timeout: 5_000 }).toBe('2 of 3');
  });

  it('renames the rater (Compare follows) and removes a session after saying where it goes', async () => {
    await page.getByTestId('rating-back').click();
    await expect.poll(() => page.getByTestId('session-row').count(), { timeout: 10_000 }).toBe(3);
    await page.getByTestId('rater-rename').click();
    await page.getByTestId('rater-new-name').fill('Ada L.');
    await page.getByTestId('rater-rename-save').click();
    await expect.poll(() => page.getByTestId('rater-select').locator('option:checked').textContent(), { timeout: 10_000 }).toMatch(/^Ada L\. /);

    const removable = page.locator('[data-testid="session-row"]', { hasText: 'open pairs' });
    await removable.getByTestId('session-remove').click();
    const confirm = page.getByTestId('session-remove-confirm');
    expect(await confirm.textContent()).toContain('ratings/removed/');
    await page.screenshot({ path: join(shots, '58-rate-remove-session.png') });
    await page.getByTestId('session-remove-confirm-yes').click();
    await expect.poll(() => page.getByTestId('session-row').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('page-rate').textContent()).not.toContain('open pairs');
    const project = value(await api.project.current());
    expect((await readdir(join(project!.dir, 'ratings', 'removed'))).length).toBeGreaterThan(0);

    // Without a rater there is nothing to create a session for, and the form says so.
    await page.getByTestId('rater-select').selectOption('');
    expect(await page.getByTestId('session-create').isDisabled()).toBe(true);
    expect(await page.getByTestId('session-create-blocked').textContent()).toContain('Pick or add a rater');

    await page.getByTestId('nav-compare').click();
    await expect.poll(() => page.locator('[data-testid="rater-statistics-row"][data-rater="ada"] th').textContent(), { timeout: 20_000 }).toBe('Ada L.');
  });

  it('keeps Compare short with fifteen raters: empty pairs hidden, pairs and matrices collapsed, the posts one click away', async () => {
    const single = await adaSession();
    const table = value(await api.ratings.compare({ session: single.id }));
    for (let k = 1; k <= 14; k++) {
      const rater = value(await api.raters.create({ name: `Rater ${k}` }));
      // Raters 1–7 rate the first three images, 8–14 the last three: pairs across the halves have no image in common.
      const posts = k <= 7 ? table.postId.slice(0, 3) : table.postId.slice(-3);
      for (const postId of posts) value(await api.ratings.rate({ session: single.id, rater: rater.id, postId, rating: k % 2 === 0 ? 'good' : 'bad' }));
    }
    await expect.poll(() => page.locator('[data-testid="rater-statistics-row"]').count(), { timeout: 10_000 }).toBe(15);
    expect(await page.getByTestId('compare-pairs-section').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByTestId('compare-matrices-section').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    // 105 pairs of raters; 49 (Rater 1–7 vs 8–14) share no image and are left out.
    await page.getByTestId('compare-pairs-section').locator('summary').click();
    expect(await page.getByTestId('pair-statistics-row').count()).toBe(105 - 49);
    await page.getByTestId('compare-pairs-section').locator('summary').click();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3500);
    await page.getByTestId('compare-jump-posts').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compare-posts');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, '59-compare-many-raters.png'), fullPage: true });

    // At 900 px wide the header keeps every item on one line.
    await page.setViewportSize({ width: 900, height: 700 });
    const heights = await page.locator('.app-header button, .app-header__brand, .app-header__project').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(40);
    await page.screenshot({ path: join(shots, '60-header-900.png'), clip: { x: 0, y: 0, width: 900, height: 120 } });
  });
});
