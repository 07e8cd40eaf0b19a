import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/shared/api/client';
import type { RunSummary } from '../../src/shared/training/training-types';
import { waitForDemoStages } from '../support/demo-jobs';
import { startDemoSession, type DemoSession } from '../support/demo-session';
import type { ServeProcess } from '../support/serve-process';

/**
 * A researcher trains a head on the demo's label set from the Train page, watches the curves grow epoch by epoch,
 * then opens the run's evaluation and clicks a confusion-matrix cell to see its images, reads the accuracy per slice,
 * looks at the best-to-worst continuum, opens a post from the embedding map, and sweeps two tail widths. Then a long
 * run is followed across a reload and cancelled from the page, and an early-stopped run gets its sanity check.
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
    // The demo's features are cached already: with batches of 1 an epoch takes tens of milliseconds instead of a few,
    // long enough for the page to draw intermediate epochs (the job runner sends at most one update per 100 ms).
    await page.getByTestId('train-batch').fill('1');
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

  it('slices the validation accuracy by face size, brightness, greyscale and hashtags', async () => {
    const tables = page.getByTestId('slice-table');
    await expect.poll(() => tables.count(), { timeout: 60_000 }).toBe(4);
    expect(await tables.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-dimension')))).toEqual(['faceSize', 'brightness', 'greyscale', 'hashtags']);
    // Every table covers every validation post, the number the ROC caption gives.
    const valPosts = Number(/\((val), (\d+) posts\)/.exec((await page.locator('.train-eval__figure figcaption').first().textContent()) ?? '')?.[2]);
    expect(valPosts).toBeGreaterThan(0);
    const sums = await tables.evaluateAll((nodes) => nodes.map((node) => [...node.querySelectorAll('[data-testid="slice-bin"]')].reduce((sum, row) => sum + Number(row.getAttribute('data-n')), 0)));
    expect(sums).toEqual([valPosts, valPosts, valPosts, valPosts]);
    await page.getByTestId('slices-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '44-train-slices.png') });
  }, 120_000);

  it('shows the validation posts from best to worst, the worst end small and blurred until asked', async () => {
    const grid = page.getByTestId('continuum-grid');
    await expect.poll(async () => Number(await grid.getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(3);
    const items = grid.getByTestId('continuum-item');
    await expect.poll(() => grid.locator('img').count(), { timeout: 30_000 }).toBe(await items.count());
    const p = (await items.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-p'))))) as number[];
    expect(p.every((value, i) => i === 0 || value <= p[i - 1]!), p.join(' ')).toBe(true);
    const ends = await items.evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-end')}:${node.getAttribute('data-blurred')}`));
    expect(ends[0]).toBe('best:false');
    expect(ends.at(-1)).toBe('worst:true');
    expect(ends.filter((end) => end.endsWith(':true')).every((end) => end.startsWith('worst'))).toBe(true);
    // Drawn small: a worst thumbnail is narrower than a best one.
    const width = async (end: string) => (await grid.locator(`[data-end="${end}"] img`).first().boundingBox())!.width;
    expect(await width('worst')).toBeLessThan(await width('best'));
    await page.getByTestId('continuum-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '45-train-continuum.png') });
    await page.getByTestId('continuum-unblur').check();
    expect(await grid.locator('[data-blurred="true"]').count()).toBe(0);
  }, 120_000);

  it('computes the embedding map and opens the post of a clicked point', async () => {
    await setTray(false);
    await page.getByTestId('map-compute').click();
    const map = page.getByTestId('embedding-map');
    await expect.poll(async () => Number(await map.getAttribute('data-points')), { timeout: 120_000, interval: 250 }).toBeGreaterThan(10);
    await expect.poll(() => map.getAttribute('data-probe-pixel'), { timeout: 10_000 }).toMatch(/^\d+(\.\d)?,\d+(\.\d)?$/);
    await setTray(false); // the map's job opened the tray over the page
    await page.getByTestId('map-colour-prediction').click();
    expect(await map.getAttribute('data-colour')).toBe('prediction');
    await map.scrollIntoViewIfNeeded();
    const postId = (await map.getAttribute('data-probe-post'))!;
    const [px, py] = (await map.getAttribute('data-probe-pixel'))!.split(',').map(Number);
    const box = (await map.boundingBox())!;
    // The probe point lies inside the canvas (the scales cover every point).
    expect(px).toBeGreaterThan(0);
    expect(px).toBeLessThan(box.width);
    expect(py).toBeGreaterThan(0);
    expect(py).toBeLessThan(box.height);
    await page.mouse.click(box.x + px!, box.y + py!);
    const detail = page.getByTestId('post-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getAttribute('data-post-id'), { timeout: 20_000 }).toBe(postId);
    expect(await page.getByTestId('map-post-facts').textContent()).toMatch(new RegExp(`^Post ${postId}: p\\(good\\) \\d\\.\\d{3} · label (good|bad|none) · (train|val|test|none) split$`));
    await expect.poll(() => detail.locator('img').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '46-train-embedding-map.png') });
    await page.getByTestId('detail-close').click();
  }, 180_000);

  it('sweeps two tail widths and plots labeled-set size against accuracy', async () => {
    await page.getByTestId('sweep-labelset').selectOption('demo residual 10%');
    await page.getByTestId('sweep-widths').fill('10, 20');
    await page.getByTestId('sweep-epochs').fill('3');
    await page.getByTestId('sweep-start').click();
    await setTray(false);
    const chart = page.getByTestId('sweep-chart');
    await expect.poll(async () => Number((await chart.getAttribute('data-points')) ?? 0), { timeout: 240_000, interval: 500 }).toBe(2);
    const rows = page.getByTestId('sweep-point');
    const labeled = await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.children[1]!.textContent)));
    expect(labeled[0]).toBeLessThan(labeled[1]!);
    expect(await rows.evaluateAll((nodes) => nodes.map((node) => node.children[3]!.textContent))).toEqual([expect.stringMatching(/^\d+\.\d%$/), expect.stringMatching(/^\d+\.\d%$/)]);
    await setTray(false); // the sweep's job opened the tray over the chart
    await page.getByTestId('sweep-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '47-train-sweep.png') });
  }, 300_000);

  it('follows a running run across a reload, keeps the tray shut, and cancels it from the page', async () => {
    await setTray(false);
    await page.getByTestId('train-labelset').selectOption('demo residual 10%');
    // Many epochs of batches of 1 and no early stop: long enough to reload the page in the middle.
    await page.getByTestId('train-epochs').fill('1000');
    await page.getByTestId('train-batch').fill('1');
    await page.getByTestId('train-patience').fill('0');
    await page.getByTestId('train-name').fill('long run');
    await page.getByTestId('train-start').click();
    await expect.poll(drawn, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    // The page shows the run's progress itself: the tray stayed closed.
    expect(await page.getByTestId('job-tray').count()).toBe(0);
    const before = await drawn();

    await page.reload();
    await expect.poll(() => page.getByTestId('train-start').textContent(), { timeout: 20_000 }).toBe('Training…');
    await expect.poll(drawn, { timeout: 20_000, interval: 100 }).toBeGreaterThan(before);
    const grown = await drawn();
    await expect.poll(drawn, { timeout: 20_000, interval: 100 }).toBeGreaterThan(grown);
    // Room ahead on the x axis while it trains, not the 1000 epochs asked for.
    const xMax = Number(await page.getByTestId('train-curve-accuracy').getAttribute('data-x-max'));
    expect(xMax).toBeGreaterThan(grown);
    expect(xMax).toBeLessThan(1000);
    await page.screenshot({ path: join(shots, '48-train-live-after-reload.png') });

    // The tray opens on request and Escape closes it.
    await setTray(true);
    await page.getByTestId('job-tray').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('job-tray').count()).toBe(0);
    // ... and so does a press outside it.
    await setTray(true);
    await page.getByTestId('job-tray').waitFor();
    await page.locator('h1').first().click();
    await expect.poll(() => page.getByTestId('job-tray').count()).toBe(0);

    const jobs = await api.jobs.list();
    const job = jobs.ok ? jobs.value.find((entry) => entry.kind === 'train' && entry.state === 'running') : undefined;
    const runId = (job?.checkpoint as { runId?: string } | undefined)?.runId;
    expect(runId).toBeTruthy();
    await page.getByTestId('train-cancel').click();
    const status = page.locator(`[data-testid="run-row"][data-run-id="${runId}"] [data-testid="run-status"]`);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('stopped');
    expect(await page.getByTestId('train-start').textContent()).toBe('Train');

    // Resumed from the tray, the same run goes on live on the page; cancelled from the page once more.
    await setTray(true);
    await page.locator(`[data-testid="job-item"][data-job-id="${job!.id}"] [data-testid="job-resume"]`).click();
    await setTray(false);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('running (live)');
    const resumedAt = await drawn();
    await expect.poll(drawn, { timeout: 20_000, interval: 100 }).toBeGreaterThan(resumedAt);
    await page.getByTestId('train-cancel').click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('stopped');
  }, 120_000);

  it('draws an early-stopped run up to the epochs it ran, then checks it against shuffled labels', async () => {
    await page.getByTestId('train-epochs').fill('100');
    await page.getByTestId('train-batch').fill('32');
    await page.getByTestId('train-patience').fill('3');
    await page.getByTestId('train-name').fill('early stop');
    // Values a step attribute used to refuse are fine; a learning rate above 1 warns without blocking.
    await page.getByTestId('train-dropout').fill('0.33');
    await page.getByTestId('train-lr').fill('5');
    expect(await page.getByTestId('train-form-error').count()).toBe(0);
    expect(await page.getByTestId('train-form-warning').textContent()).toMatch(/likely to diverge/);
    expect(await page.getByTestId('train-start').isEnabled()).toBe(true);
    await page.getByTestId('train-lr').fill('0.01');
    await page.getByTestId('train-dropout').fill('1');
    expect(await page.getByTestId('train-form-error').textContent()).toMatch(/^Dropout: from 0 up to/);
    await page.getByTestId('train-dropout').fill('0.5');
    const started = Date.now();
    await page.getByTestId('train-start').click();
    let run: RunSummary | undefined;
    const finished = async (name: string) => {
      const runs = await api.runs.list();
      run = runs.ok ? runs.value.find((entry) => entry.name === name && Date.parse(entry.createdAt) >= started - 1000 && entry.status === 'completed') : undefined;
      return run !== undefined;
    };
    await expect.poll(() => finished('early stop'), { timeout: 60_000, interval: 250 }).toBe(true);
    const early = run!;
    // The finished run is selected by itself and its evaluation opens; the x axis ends at the epochs run.
    await expect.poll(() => page.locator('[data-testid="run-row"][aria-selected="true"]').getAttribute('data-run-id'), { timeout: 20_000 }).toBe(early.id);
    await expect.poll(() => page.getByTestId('train-curve-accuracy').getAttribute('data-x-max'), { timeout: 20_000 }).toBe(String(early.epochsDone));
    if (early.stoppedEarly) {
      expect(early.epochsDone).toBeLessThan(100);
      expect(await page.getByTestId('train-epochs-line').textContent()).toContain(`stopped early at epoch ${early.epochsDone} of 100 (patience 3)`);
    }
    await page.getByTestId('sanity-check-start').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(shots, '49-train-early-stop.png') });

    await page.getByTestId('sanity-check-start').click();
    await expect.poll(() => finished('early stop · shuffled labels'), { timeout: 60_000, interval: 250 }).toBe(true);
    expect(run!.params.shuffleLabels).toBe(true);
    const verdict = page.getByTestId('sanity-verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toMatch(/final val accuracy 0\.\d\d \[0\.\d\d, [01]\.\d\d\].* — (consistent with chance|above chance) \(majority baseline 0\.\d\d/);
    expect(await page.locator(`[data-testid="run-row"][data-run-id="${run!.id}"] [data-testid="run-shuffled"]`).count()).toBe(1);
    expect(await page.getByTestId('job-tray').count()).toBe(0);
    await verdict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '49b-train-sanity-check.png') });
  }, 150_000);
});
