import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/api/client';
import { waitForDemoStages } from '../support/demo-jobs';
import { startDemoSession, type DemoSession } from '../support/demo-session';
import type { ServeProcess } from '../support/serve-process';

/**
 * A researcher filters the demo project's images down to those with exactly one face: re-runs the detector from the
 * Faces page, drags the min-score slider and watches the counts follow, checks the boxes in the gallery, and drops
 * one post by hand.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');

describe('the Faces page on the demo project', () => {
  let session: DemoSession;
  let serve: ServeProcess;
  let page: Page;
  let api: Api;

  /** A count shown on the page (the element's text is just the number, with thousands separators). */
  const count = async (testId: string) => Number((await page.getByTestId(testId).textContent())?.replaceAll(',', '') ?? Number.NaN);
  const setTray = (open: boolean) => session.setTray(open);

  beforeAll(async () => {
    session = await startDemoSession({ prefix: 'selfie-lab-faces-e2e-', shots, viewport: { width: 1440, height: 1000 } });
    ({ serve, page, api } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the counts once the demo project is built (its detection ran with the Tiny detector)', async () => {
    await page.goto(serve.url);
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 20_000 }).toContain('Selfie Lab demo');
    // The demo queues its whole pipeline; the stages up to the labels are the ones this page shows.
    await waitForDemoStages(api);
    await setTray(false); // the tray would cover the page's controls
    await page.getByTestId('nav-faces').click();
    await expect.poll(() => count('faces-count-one'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await count('faces-count-many')).toBeGreaterThan(0);
    expect(await count('faces-count-pending')).toBe(0);
    expect(await page.getByTestId('faces-detector-info').textContent()).toContain('TinyFaceDetector');
    await page.screenshot({ path: join(shots, '30-faces-page.png') });
  }, 300_000);

  it('re-runs the detector from the page, with live progress', async () => {
    // The demo's own run is shown as the last one until ours starts.
    const demoRun = await page.getByTestId('faces-job').getAttribute('data-job-id');
    await page.getByTestId('faces-detector').selectOption('tiny');
    await page.getByTestId('faces-rerun').click();
    await setTray(false); // a job starting opens the tray
    const seen = new Set<number>();
    let shot = false;
    await expect
      .poll(
        async () => {
          if ((await page.getByTestId('faces-job').getAttribute('data-job-id')) === demoRun) return 'not started';
          const bar = page.getByTestId('faces-progress');
          const value = Number(await bar.getAttribute('aria-valuenow'));
          seen.add(value);
          if (!shot && value > 0 && value < 100) {
            shot = true;
            await page.screenshot({ path: join(shots, '31-faces-detecting.png') });
          }
          return bar.getAttribute('data-state');
        },
        { timeout: 200_000, interval: 250 },
      )
      .toBe('succeeded');
    await setTray(false);
    // The bar moved: it showed values between its start and its end.
    expect([...seen].filter((value) => value > 0 && value < 100).length).toBeGreaterThan(0);
    expect(await page.getByTestId('faces-job').textContent()).toMatch(/images/);
    await expect.poll(() => count('faces-count-one'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await count('faces-count-pending')).toBe(0);
  }, 240_000);

  it('recounts at once while the min-score slider moves, and saves the rule on release', async () => {
    // Counts follow the slider through a deferred render: read them once they have settled.
    const settled = async (testId: string) => {
      let last = Number.NaN;
      await expect.poll(async () => {
        const previous = last;
        last = await count(testId);
        return last === previous;
      }, { timeout: 10_000, interval: 150 }).toBe(true);
      return last;
    };
    const before = { one: await settled('faces-count-one'), none: await settled('faces-count-none'), pass: await settled('faces-posts-pass') };
    const slider = page.getByTestId('faces-min-score');
    await slider.fill('0.9');
    await expect.poll(() => page.getByTestId('faces-min-score-value').textContent()).toBe('0.90');
    await expect.poll(async () => (await count('faces-count-one')) < before.one || (await count('faces-count-none')) > before.none, { timeout: 10_000 }).toBe(true);
    const strict = { one: await settled('faces-count-one'), none: await settled('faces-count-none') };
    await page.screenshot({ path: join(shots, '32-faces-min-score-0.9.png') });

    // Keyboard: each arrow is one step of 0.01 down; Home goes to the floor (the lowest score stored).
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('faces-min-score-value').textContent()).toBe('0.89');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('faces-min-score-value').textContent()).toBe('0.20');
    await expect.poll(() => count('faces-count-none'), { timeout: 10_000 }).toBeLessThanOrEqual(strict.none);
    for (let step = 0; step < 30; step++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('faces-min-score-value').textContent()).toBe('0.50');
    await expect.poll(() => count('faces-count-one'), { timeout: 10_000 }).toBe(before.one);
    await expect.poll(() => page.getByTestId('faces-rule-saved').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

    // Saved on the server: a reload shows the same rule.
    await page.getByTestId('faces-min-score').fill('0.6');
    await expect.poll(() => page.getByTestId('faces-rule-saved').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await expect.poll(() => page.getByTestId('faces-min-score-value').textContent(), { timeout: 20_000 }).toBe('0.60');
    await page.getByTestId('faces-min-score').fill('0.5');
    await expect.poll(() => page.getByTestId('faces-rule-saved').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    expect(await count('faces-posts-pass')).toBe(before.pass);
  }, 120_000);

  it('draws the boxes over the thumbnails in each gallery', async () => {
    await page.getByTestId('faces-tab-many').click();
    const gallery = page.getByTestId('faces-gallery');
    await expect.poll(() => gallery.locator('[data-testid="faces-cell"] img').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => gallery.locator('[data-testid="faces-box"][data-counted="true"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const faces = await gallery.getByTestId('faces-cell').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-faces'))));
    expect(faces.every((value) => value >= 2)).toBe(true);
    await gallery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '33-faces-gallery-several.png') });

    await page.getByTestId('faces-tab-one').click();
    await expect.poll(() => gallery.locator('[data-testid="faces-cell"] img').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => gallery.locator('[data-testid="faces-box"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Each box lies inside its image.
    const inside = await gallery.getByTestId('faces-box').evaluateAll((boxes) =>
      boxes.every((box) => {
        const outer = box.parentElement!.getBoundingClientRect();
        const inner = box.getBoundingClientRect();
        return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
      }),
    );
    expect(inside).toBe(true);
    expect(Number(await page.getByTestId('faces-histogram').getAttribute('data-detections'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '34-faces-gallery-one.png'), fullPage: true });
  }, 90_000);

  it('drops one passing post by hand and the pass count follows; clearing the override restores it', async () => {
    const passBefore = await count('faces-posts-pass');
    const droppedBefore = await count('faces-posts-dropped');
    const cell = page.locator('[data-testid="faces-cell"][data-post-status="pass"][data-image-index="0"][data-post-id]').first();
    const postId = await cell.getAttribute('data-post-id');
    await cell.click();
    const detail = page.getByTestId('faces-detail');
    await expect.poll(() => detail.getAttribute('data-post-id'), { timeout: 10_000 }).toBe(postId);
    await expect.poll(() => detail.getByTestId('faces-box').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await detail.getByTestId('faces-drop').click();
    await expect.poll(() => count('faces-posts-pass')).toBe(passBefore - 1);
    expect(await count('faces-posts-dropped')).toBe(droppedBefore + 1);
    await expect.poll(() => page.locator(`[data-testid="faces-cell"][data-post-id="${postId}"]`).first().getAttribute('data-override')).toBe('drop');
    await page.screenshot({ path: join(shots, '35-faces-detail-dropped.png') });

    await detail.getByTestId('faces-clear-override').click();
    await expect.poll(() => count('faces-posts-pass')).toBe(passBefore);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('faces-detail').count()).toBe(0);
  }, 60_000);
});
