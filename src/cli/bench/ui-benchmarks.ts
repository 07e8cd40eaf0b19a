import { chromium, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { startBrowserServer } from '../../main/core/server/browser-server';
import { Workbench } from '../../main/core/workbench';
import { ensureRendererBuilt, rendererDir } from '../renderer-build';
import { importedProject, type Benchmark } from '../../main/core/bench/benchmarks';

/**
 * Interface figures measured in Chromium on the real pages (the issues ask for frame-level targets "measured in
 * Chromium"): the built renderer, served in-process against a project, driven by playwright-core.
 */
export interface UiFigures {
  /** Labels page: median time of one threshold step's recompute inside the page (cutTails, counts, colours). */
  labelStepRecomputeMs: number;
  /** Labels page: median and p95 frame interval while the threshold moves one step every frame (re-cut, recount, redraw). */
  labelStepFrameMs: number;
  labelStepFrameP95Ms: number;
  /** Dataset table: median and p95 frame interval while scrolling 400 px per frame. */
  tableScrollFrameMs: number;
  tableScrollFrameP95Ms: number;
  /** Dataset grid: the same. */
  gridScrollFrameMs: number;
  gridScrollFrameP95Ms: number;
  population: number;
}

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian\'s (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;

/**
 * Runs in the page (written against `any`: this file is type-checked without the DOM library). No named inner
 * functions: tsx would wrap them in a `__name` helper that does not exist in the page.
 */
async function scrollInPage(selector: string): Promise<number[]> {
  const page = globalThis as any;
  const root = page.document.querySelector(selector);
  const candidates = [root, ...Array.from(root ? root.querySelectorAll('*') : [])] as any[];
  const scroller = candidates.find((el) => el && el.scrollHeight > el.clientHeight + 10);
  if (!scroller) throw new Error(`nothing scrolls in ${selector}`);
  const frames: number[] = [];
  let last = await new Promise<number>((resolve) => page.requestAnimationFrame(resolve));
  for (let i = 0; i < 90; i++) {
    scroller.scrollTop += 400;
    const now = await new Promise<number>((resolve) => page.requestAnimationFrame(resolve));
    frames.push(now - last);
    last = now;
  }
  return frames;
}

/** Steps the top threshold once per frame from inside the page (no driver round trips); returns frame intervals. */
async function stepInPage(): Promise<number[]> {
  const page = globalThis as any;
  const handle = page.document.querySelector('[data-testid="labels-handle-top"]');
  if (!handle) throw new Error('no threshold handle on the Labels page');
  const stamps: number[] = [];
  for (let i = 0; i < 60; i++) {
    stamps.push(await new Promise<number>((resolve) => page.requestAnimationFrame(resolve)));
    handle.dispatchEvent(new page.KeyboardEvent('keydown', { key: i % 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
  }
  return stamps.slice(1).map((stamp, i) => stamp - stamps[i]!);
}

async function scrollFrames(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(scrollInPage, selector);
}

export async function measureUi(projectDir: string, configDir: string): Promise<UiFigures> {
  ensureRendererBuilt(() => undefined);
  const workbench = await Workbench.create({ shell: 'browser', configDir });
  await workbench.openProject(projectDir);
  const server = await startBrowserServer({ workbench, rendererDir });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}#/labels`);
    const faces = page.getByTestId('labels-faces');
    await faces.waitFor({ timeout: 120_000 });
    await faces.selectOption('ignore');
    const population = page.getByTestId('labels-count-population');
    await page.waitForFunction(
      () => Number((globalThis as any).document.querySelector('[data-testid="labels-count-population"]')?.textContent?.replaceAll(',', '') ?? 0) > 0,
      null,
      { timeout: 180_000 },
    );
    const size = Number((await population.textContent())?.replaceAll(',', ''));
    const histogram = page.getByTestId('labels-histogram');
    const topBefore = await histogram.getAttribute('data-top');
    await page.getByTestId('labels-handle-top').focus();
    await page.keyboard.press('ArrowLeft');
    if ((await histogram.getAttribute('data-top')) === topBefore) throw new Error('the threshold handle did not respond to the keyboard');
    const stepFramesMs = await page.evaluate(stepInPage);
    const recompute: number[] = [];
    for (let step = 0; step < 10; step++) {
      await page.keyboard.press(step % 2 ? 'ArrowRight' : 'ArrowLeft');
      recompute.push(Number(await histogram.getAttribute('data-last-step-ms')));
    }

    await page.goto(`${server.url}#/dataset`);
    await page.getByTestId('view-table').click({ timeout: 120_000 });
    await page.getByTestId('post-table').waitFor();
    await page.waitForTimeout(1000);
    const table = await scrollFrames(page, '[data-testid="post-table"]');
    await page.getByTestId('view-grid').click();
    await page.getByTestId('post-grid').waitFor();
    await page.waitForTimeout(1000);
    const grid = await scrollFrames(page, '[data-testid="post-grid"]');
    return {
      labelStepRecomputeMs: median(recompute),
      labelStepFrameMs: median(stepFramesMs),
      labelStepFrameP95Ms: p95(stepFramesMs),
      tableScrollFrameMs: median(table),
      tableScrollFrameP95Ms: p95(table),
      gridScrollFrameMs: median(grid),
      gridScrollFrameP95Ms: p95(grid),
      population: size,
    };
  } finally {
    await browser.close();
    await server.close();
    await workbench.dispose();
  }
}

/**
 * Two figures for `npm run bench`: the Labels page's threshold step and the Dataset table's scroll frame, both in
 * Chromium on a project of --rows posts (the grid and the other figures come as details).
 */
export const uiBenchmarks: Benchmark[] = [
  {
    name: 'ui-label-step',
    description: 'Labels page in Chromium: frame interval while the top threshold moves one step per frame (residual rule, faces ignored)',
    unit: 'ms',
    // The "≤ 16 ms per step" is one frame: met when stepping every frame keeps the 60 Hz cadence (16.7 ms).
    target: 16.7,
    prepare: async (context) => void (await importedProject(context)),
    measure: async (context) => {
      const figures = await measureUi(await importedProject(context), context.configDir);
      return {
        value: figures.labelStepFrameMs,
        details: {
          stepFrameP95Ms: Number(figures.labelStepFrameP95Ms.toFixed(1)),
          recomputeMs: Number(figures.labelStepRecomputeMs.toFixed(2)),
          population: figures.population,
          tableScrollFrameMs: Number(figures.tableScrollFrameMs.toFixed(1)),
          tableScrollP95Ms: Number(figures.tableScrollFrameP95Ms.toFixed(1)),
          gridScrollFrameMs: Number(figures.gridScrollFrameMs.toFixed(1)),
          gridScrollP95Ms: Number(figures.gridScrollFrameP95Ms.toFixed(1)),
        },
      };
    },
  },
];
