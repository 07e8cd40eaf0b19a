import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/api/client';
import { waitForDemoStages } from '../support/demo-jobs';
import { startDemoSession, type DemoSession } from '../support/demo-session';
import type { ServeProcess } from '../support/serve-process';

/**
 * A researcher trains a head on the demo's label set from the Train page, watches the curves grow epoch by epoch,
 * then opens the run's evaluation and clicks a confusion-matrix cell to see its images.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');
const epochs = 8;

describe('the Train page on the demo project', () => {
  let session: DemoSession;
  let serve: ServeProcess;
  let page: Page;
  let api: Api;

  const drawn = async () => Number((await page.getByTestId('train-curve-accuracy').getAttribute('data-epochs')) ?? Number.NaN);
  const setTray = (open: boolean) => session.setTray(open);

  beforeAll(async () => {
    session = await startDemoSession({ prefix: 'selfie-lab-training-e2e-', shots, viewport: { width: 1440, height: 1200 } });
    ({ serve, page, api } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('starts a run from the page and draws its curves epoch by epoch', async () => {
    await page.goto(serve.url);
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 20_000 }).toContain('Selfie Lab demo');
    await waitForDemoStages(api); // also cancels the demo's own train/evaluate jobs
    await setTray(false);
    await page.getByTestId('nav-train').click();
    await page.getByTestId('train-labelset').selectOption('demo residual 10%');
    expect(await page.getByTestId('train-backbone').inputValue()).toBe('mobilenet_v2');
    expect(await page.getByTestId('train-mode').inputValue()).toBe('head');
    await page.getByTestId('train-epochs').fill(String(epochs));
    await page.screenshot({ path: join(shots, '40-train-form.png') });
    // Record every value the accuracy curve's data-epochs takes, as the page commits it (epochs can be milliseconds apart).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __epochs: number[] }).__epochs = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[data-testid="train-curve-accuracy"]')?.getAttribute('data-epochs');
        if (value !== null && value !== undefined && Number(value) !== seen.at(-1)) seen.push(Number(value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-epochs'] });
    });
    const recorded = () => page.evaluate(() => (window as unknown as { __epochs: number[] }).__epochs);
    await page.getByTestId('train-start').click();
    await setTray(false);

    await expect.poll(drawn, { timeout: 240_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    await expect.poll(drawn, { timeout: 120_000, interval: 250 }).toBe(epochs);
    // The curves grew while the run went on: never shrinking, drawn at an intermediate epoch before the last. (The job
    // runner sends at most one update per 100 ms and the demo's epochs take milliseconds, so not every epoch shows.)
    const values = await recorded();
    expect(values.at(-1), values.join(' ')).toBe(epochs);
    expect(values.every((value, i) => i === 0 || value > values[i - 1]!), values.join(' ')).toBe(true);
    expect(values.filter((value) => value >= 1 && value < epochs).length, values.join(' ')).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('train-curve-loss').getAttribute('data-epochs')).not.toBe('0');
  }, 400_000);

  it('finishes, shows the run in the table and calls out the best epoch', async () => {
    let runId: string | undefined;
    await expect
      .poll(
        async () => {
          const runs = await api.runs.list();
          const done = runs.ok ? runs.value.find((run) => run.params.epochs === epochs && run.status === 'completed') : undefined;
          runId = done?.id;
          return Boolean(done);
        },
        { timeout: 240_000, interval: 500 },
      )
      .toBe(true);
    await setTray(false);
    expect(await page.getByTestId('train-best').textContent()).toMatch(/peak \d+\.\d% at epoch \d+, final \d+\.\d%/);
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: join(shots, '42-train-done.png'), fullPage: true });
    await row.click();
    await expect.poll(() => page.getByTestId('train-curve-accuracy').getAttribute('data-epochs'), { timeout: 20_000 }).not.toBe('0');
  }, 300_000);

  it('shows the evaluation: AUC, ROC, calibration, and the images of a confusion-matrix cell', async () => {
    await expect.poll(() => page.getByTestId('eval-auc').textContent(), { timeout: 60_000 }).toMatch(/^0\.\d{3}$|^1\.000$/);
    expect(await page.getByTestId('eval-roc').count()).toBe(1);
    expect(await page.getByTestId('calibration-chart').count()).toBe(1);
    const cells = page.getByTestId('confusion-cell');
    expect(await cells.count()).toBe(4);
    const counts = await cells.allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const index = counts.findIndex((text) => Number(text) > 0);
    await cells.nth(index).click();
    const images = page.getByTestId('confusion-images');
    await expect.poll(() => images.locator('img').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await images.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '43-train-evaluation.png') });
  }, 120_000);
});
