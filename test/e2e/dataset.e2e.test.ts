import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDir } from '../support/temp';

/**
 * A researcher's first dataset in browser mode: import a CSV manifest through the form, read the import and image
 * analysis reports, then filter, sort and browse the posts as a table, a thumbnail grid and a scatter, and open one.
 */
const shots = resolve(import.meta.dirname, '../../test-results/e2e');
const postCount = 40;
const ids = Array.from({ length: postCount }, (_, index) => `p${String(index + 1).padStart(2, '0')}`);
/** Post i (1-based) has 1000 + 100·i followers, so "followers ≥ 3000" keeps posts 20…40. */
const followersOf = (i: number) => 1000 + 100 * i;
/** Posts 1…20 get a second snapshot 8 days after posting: only they have labeled likes (the rule is ≥ 7 days). */
const labeledPosts = 20;
const dayMs = 86_400_000;

/** A 64×64 JPEG of random 8×8 blocks (seeded): distinct perceptual hashes, so only real copies are duplicates. */
async function blockyJpeg(seed: number): Promise<Buffer> {
  let state = seed * 7919 + 17;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 255;
  const blocks = Array.from({ length: 64 }, () => [random(), random(), random()]);
  const pixels = Buffer.alloc(64 * 64 * 3);
  for (let y = 0; y < 64; y++) {
    for (let x = 0; x < 64; x++) {
      const block = blocks[Math.floor(y / 8) * 8 + Math.floor(x / 8)]!;
      pixels.set(block.map(Math.round), (y * 64 + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

interface Fixture {
  manifest: string;
  badLine: number;
}

/** images/pNN.jpg, with p40 a byte-identical copy of p39 and p38 a truncated JPEG, and manifest.csv. */
async function writeFixture(dir: string): Promise<Fixture> {
  await mkdir(join(dir, 'images'), { recursive: true });
  for (let i = 1; i <= postCount - 1; i++) {
    const bytes = await blockyJpeg(i);
    await writeFile(join(dir, 'images', i === 38 ? 'corrupt.jpg' : `${ids[i - 1]}.jpg`), i === 38 ? bytes.subarray(0, 300) : bytes);
  }
  await copyFile(join(dir, 'images', 'p39.jpg'), join(dir, 'images', 'p40.jpg'));
  const lines = ['post_id,image,owner_id,owner_name,followers,likes,comments,posted_at,captured_at,caption'];
  const row = (i: number, likes: string, capturedAfterDays: number) => {
    const posted = Date.UTC(2024, 2, 1) + i * 3_600_000;
    const image = i === 38 ? 'images/corrupt.jpg' : `images/${ids[i - 1]}.jpg`;
    const captured = new Date(posted + capturedAfterDays * dayMs).toISOString();
    return `${ids[i - 1]},${image},${9000 + i},user${i},${followersOf(i)},${likes},${i % 5},${new Date(posted).toISOString()},${captured},"Me today #selfie #look${i % 3}"`;
  };
  for (let i = 1; i <= postCount; i++) lines.push(row(i, String(10 + i), 1));
  for (let i = 1; i <= labeledPosts; i++) lines.push(row(i, String(20 + 3 * i), 8));
  lines.push('p41,images/p01.jpg,9041,user41,500,abc,1,2024-03-02T00:00:00Z,2024-03-10T00:00:00Z,bad likes');
  const badLine = lines.length; // 1-based: the header is line 1
  const manifest = join(dir, 'manifest.csv');
  await writeFile(manifest, `${lines.join('\n')}\n`);
  return { manifest, badLine };
}

describe('dataset: import a manifest and explore its posts', () => {
  let browser: Browser;
  let serve: ServeProcess;
  let page: Page;
  let fixture: Fixture;
  let cleanup: () => Promise<void>;
  const consoleErrors: string[] = [];

  /** The job tray opens by itself when a job starts; close it so screenshots show the page. */
  const hideJobTray = async () => {
    if (await page.getByTestId('job-tray').isVisible()) await page.getByTestId('job-tray-toggle').click();
  };

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    let dir: string;
    ({ dir, cleanup } = await tempDir('selfie-lab-e2e-dataset-'));
    fixture = await writeFixture(join(dir, 'input'));
    serve = await startServe(['--project', join(dir, 'project')], { SELFIE_LAB_CONFIG_DIR: join(dir, 'config') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(serve.url);
    await page.getByTestId('page-dataset').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    const code = await serve?.stop();
    expect(code).toBe(0);
    await cleanup?.();
  });

  it('imports the manifest from the form and reports every outcome, with the bad row by line', async () => {
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-paths').fill(fixture.manifest);
    expect(await page.getByTestId('import-format').inputValue()).toBe('auto');
    await page.getByTestId('import-submit').click();

    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('import-count-imported').textContent()).toBe(String(postCount));
    expect(await report.getByTestId('import-count-updated').textContent()).toBe(String(labeledPosts));
    expect(Number(await report.getByTestId('import-count-failed').textContent())).toBeGreaterThanOrEqual(1);
    const problems = await report.getByTestId('import-problems').textContent();
    expect(problems).toContain(`manifest.csv:${fixture.badLine}`);
    expect(problems).toContain('BAD_ROW');
    // The form closed and the project now shows the explorer.
    await expect.poll(() => page.getByTestId('explorer-count').textContent(), { timeout: 30_000 }).toContain(`of ${postCount} posts`);
  });

  it('analyses the images next: the truncated JPEG is named, the copied image is an exact duplicate', async () => {
    const analysis = page.getByTestId('analysis-report');
    await analysis.waitFor({ timeout: 90_000 });
    expect(await analysis.getByTestId('analysis-failures').textContent()).toContain('corrupt.jpg');
    expect(await analysis.getByTestId('analysis-duplicates-exact').textContent()).toBe('1');
    expect(await analysis.getByTestId('analysis-count-analysed').textContent()).toBe(String(postCount - 1));
    await hideJobTray();
    await page.getByTestId('import-status').screenshot({ path: join(shots, '10-dataset-import-report.png') });
    await page.screenshot({ path: join(shots, '10-dataset-import-report-page.png'), fullPage: true });
  });

  it('counts, filters and sorts the posts in the table', async () => {
    const count = page.getByTestId('explorer-count');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe(`${postCount} of ${postCount} posts`);
    await page.getByTestId('filter-min-followers').fill(String(followersOf(20)));
    await expect.poll(() => count.textContent()).toBe(`21 of ${postCount} posts`);

    await page.getByTestId('view-table').click();
    const table = page.getByTestId('post-table');
    await table.waitFor();
    await page.getByTestId('sort-followers').click();
    const rows = table.getByTestId('table-row');
    await expect.poll(() => rows.first().getAttribute('data-post-id')).toBe('p40');
    expect(await rows.count()).toBeLessThanOrEqual(21); // virtualized, and filtered
    const firstIds = await Promise.all([0, 1, 2, 3, 4].map((index) => rows.nth(index).getAttribute('data-post-id')));
    expect(firstIds).toEqual(['p40', 'p39', 'p38', 'p37', 'p36']);
    expect(await rows.first().textContent()).toContain('5,000'); // followers of post 40
    await page.screenshot({ path: join(shots, '11-dataset-table.png') });
  });

  it('shows real thumbnails in the grid, and the reason where an image cannot be read', async () => {
    await page.getByTestId('view-grid').click();
    const grid = page.getByTestId('post-grid');
    await grid.waitFor();
    const image = grid.locator('[data-testid="grid-cell"] img').first();
    await image.waitFor({ timeout: 30_000 });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const corrupt = grid.locator('[data-testid="grid-cell"][data-post-id="p38"]');
    await expect.poll(() => corrupt.textContent()).not.toBe('');
    expect(await corrupt.locator('img').count()).toBe(0);
    expect(await grid.locator('[data-post-id="p40"]').textContent()).toContain('duplicate');
    await grid.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '12-dataset-grid.png') });

    // Keyboard: → moves to the next cell, Enter opens it, Esc closes and gives the focus back.
    await grid.locator('[data-position="0"]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-post-id'));
    await expect.poll(focused).toBe('p39');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('post-detail').getAttribute('data-post-id')).toBe('p39');
    await page.keyboard.press('Escape');
    await page.getByTestId('post-detail').waitFor({ state: 'detached' });
    expect(await focused()).toBe('p39');
  });

  it('plots likes against followers and opens the clicked post with its snapshots', async () => {
    await page.getByTestId('filters-reset').click();
    const scatter = page.getByTestId('scatter');
    await expect.poll(() => scatter.getAttribute('data-points')).toBe(String(labeledPosts));
    await scatter.scrollIntoViewIfNeeded();
    const box = (await scatter.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

    const detail = page.getByTestId('post-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getAttribute('data-post-id')).toMatch(/^p\d\d$/);
    const id = (await detail.getAttribute('data-post-id'))!;
    expect(ids.slice(0, labeledPosts)).toContain(id);
    expect(await detail.getByTestId('detail-snapshots').locator('tbody tr').count()).toBe(2);
    expect(await detail.locator('[data-labeled]').count()).toBe(1);
    await page.screenshot({ path: join(shots, '13-dataset-scatter-detail.png') });

    // → and ← step through the posts in the current order (fewest followers last); Esc closes.
    await page.keyboard.press(id === 'p01' ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(() => detail.getAttribute('data-post-id')).not.toBe(id);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('explains that browser mode cannot import dropped files by path', async () => {
    await page.getByTestId('page-dataset').evaluate((root) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['post_id\n'], 'dropped.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        root.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    });
    expect(await page.getByTestId('drop-message').textContent()).toMatch(/cannot be imported by path in browser mode.*type the path/i);
  });

  it('keeps the last report after a reload until it is dismissed', async () => {
    await page.reload();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-count-imported').textContent()).toBe(String(postCount));
    await page.getByTestId('analysis-report').waitFor();
    await page.getByTestId('import-report-dismiss').click();
    await page.getByTestId('import-status').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => page.getByTestId('explorer-count').textContent()).toBe(`${postCount} of ${postCount} posts`);
    expect(await page.getByTestId('import-status').count()).toBe(0);
  });

  it('logged no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
