import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServe, type ServeProcess } from '../support/serve-process';
import { createApi, type Api } from '../../src/shared/api/client';
import { httpTransport } from '../support/http-transport';
import { waitForDemoStages } from '../support/demo-jobs';
import { tempDir } from '../support/temp';

/**
 * A researcher's very first start: `selfie-lab serve` with no project opens the demo project, builds it in the
 * background (photo variants, import, image analysis, face detection, a first label set) and the Dataset page fills
 * with its 600 posts.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');

describe('first start opens the demo project', () => {
  let browser: Browser;
  let serve: ServeProcess;
  let page: Page;
  let dir: string;
  let cleanup: () => Promise<void>;
  let api: Api;
  let closeApi: () => void;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    ({ dir, cleanup } = await tempDir('selfie-lab-demo-e2e-'));
    serve = await startServe([], { SELFIE_LAB_CONFIG_DIR: join(dir, 'config'), SELFIE_LAB_DEMO_DIR: join(dir, 'demo') });
    const transport = httpTransport(serve.origin, serve.token);
    api = createApi(transport);
    closeApi = () => transport.close();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    closeApi?.();
    await browser?.close();
    await serve?.stop();
    await cleanup?.();
  });

  it('shows the demo project at once, with its preparation running as jobs', async () => {
    await page.goto(serve.url);
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 20_000 }).toContain('Selfie Lab demo');
    expect(existsSync(join(dir, 'demo', 'project.json'))).toBe(true);
    await page.getByTestId('job-tray-toggle').click();
    await expect.poll(() => page.getByTestId('job-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '20-demo-first-start.png') });
  });

  it('fills the Dataset page with the 600 simulated posts once the import and image analysis finish', { timeout: 300_000 }, async () => {
    // demo.prepare, import, images.analyze, faces.detect and labels.create all succeed (training comes after them).
    await waitForDemoStages(api);
    const toggle = page.getByTestId('job-tray-toggle');
    if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click(); // the tray would cover the page's controls
    await page.getByTestId('nav-dataset').click();
    await expect.poll(() => page.getByTestId('explorer-count').textContent(), { timeout: 30_000 }).toMatch(/600 of 600 posts/);
    await page.getByTestId('view-grid').click();
    await expect
      .poll(() => page.locator('[data-testid="grid-cell"] img[src^="data:image/webp"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(4);
    await page.screenshot({ path: join(shots, '21-demo-dataset-grid.png') });
  });
});
