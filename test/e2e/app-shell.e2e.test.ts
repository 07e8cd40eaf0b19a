import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDir } from '../support/temp';

/**
 * A new user's first session in browser mode: the real `selfie-lab serve` and the built renderer in
 * Debian's Chromium. Screenshots go to test-results/e2e/ for people to look at.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');
const pages = ['dataset', 'faces', 'labels', 'train', 'rate', 'compare'] as const;

describe('app shell in browser mode', () => {
  let browser: Browser;
  let serve: ServeProcess;
  let page: Page;
  let dir: string;
  let cleanup: () => Promise<void>;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    ({ dir, cleanup } = await tempDir('selfie-lab-e2e-'));
    serve = await startServe(['--no-demo'], { SELFIE_LAB_CONFIG_DIR: join(dir, 'config') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    const code = await serve?.stop();
    expect(code).toBe(0);
    await cleanup?.();
  });

  it('refuses the page without the token', async () => {
    const response = await page.goto(serve.origin);
    expect(response?.status()).toBe(401);
  });

  it('shows the project picker, and a clear error for a folder that is not a project', async () => {
    await page.goto(serve.url);
    await page.getByTestId('project-picker').waitFor();
    expect(new URL(page.url()).searchParams.get('token')).toBeNull(); // the token is not left in the address bar
    await page.getByTestId('open-project-dir').fill(join(dir, 'not-a-project'));
    await page.getByTestId('open-project-submit').click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('is not a Selfie Lab project');
    await page.screenshot({ path: join(shots, '01-project-picker-error.png') });
  });

  it('creates a project through the UI and shows it with the ML backend in the header', async () => {
    await page.getByTestId('create-project-dir').fill(join(dir, 'my-study'));
    await page.getByTestId('create-project-name').fill('My selfie study');
    await page.getByTestId('create-project-submit').click();
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 15_000 }).toContain('My selfie study');
    const badge = page.getByTestId('backend-badge');
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toContain('wasm');
    expect(await badge.textContent()).toContain('4.22.0');
  });

  it('navigates every page, each with a title and an empty state that says what to do', async () => {
    for (const [index, name] of pages.entries()) {
      await page.getByTestId(`nav-${name}`).click();
      const root = page.getByTestId(`page-${name}`);
      await root.waitFor();
      expect((await root.locator('h1').textContent())?.trim().length).toBeGreaterThan(2);
      const empty = root.getByTestId('empty-state');
      expect((await empty.textContent())?.length).toBeGreaterThan(40);
      expect(new URL(page.url()).hash).toContain(name);
      await page.screenshot({ path: join(shots, `02-page-${index + 1}-${name}.png`) });
    }
    // Keyboard: Alt+1 goes back to the first page.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('page-dataset').waitFor();
  });

  it('runs a job from the UI with a live progress bar, and cancels and resumes it', async () => {
    await page.getByTestId('backend-badge').click();
    const details = page.getByTestId('backend-details');
    await details.waitFor();
    expect(await details.textContent()).toContain('@tensorflow/tfjs-node is not installed');
    await page.screenshot({ path: join(shots, '03-backend-details.png') });
    await page.getByTestId('start-benchmark').click();

    const tray = page.getByTestId('job-tray');
    await tray.waitFor();
    const job = tray.getByTestId('job-item').first();
    const bar = job.getByTestId('job-progress');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(first);
    expect(await job.getAttribute('data-state')).toBe('running');
    await page.screenshot({ path: join(shots, '04-job-running.png') });

    await job.getByTestId('job-cancel').click();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toBe('cancelled');
    const stoppedAt = Number(await bar.getAttribute('aria-valuenow'));
    await job.getByTestId('job-resume').click();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 120_000 }).toBe('succeeded');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(100);
    expect(stoppedAt).toBeLessThan(100);
    expect(await job.textContent()).toMatch(/GFLOP\/s/);
    await page.screenshot({ path: join(shots, '05-job-succeeded.png') });
  });

  it('keeps the project after a reload, and logged no errors in the page', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('header-project-name').textContent(), { timeout: 15_000 }).toContain('My selfie study');
    await page.getByTestId('job-tray-toggle').click();
    await expect.poll(() => page.getByTestId('job-item').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '06-after-reload.png') });
    expect(consoleErrors.filter((text) => !text.includes('401'))).toEqual([]);
  });
});
