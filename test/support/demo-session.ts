import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createApi, type Api } from '../../src/shared/api/client';
import { launchChromium } from './browser';
import { httpTransport } from './http-transport';
import { startServe, type ServeProcess } from './serve-process';
import { tempDir } from './temp';

export interface DemoSession {
  page: Page;
  api: Api;
  serve: ServeProcess;
  /** Opens or closes the job tray (it covers page controls when open). */
  setTray(open: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * `selfie-lab serve` on a fresh config folder, whose first start opens the demo project, an API client over HTTP,
 * and a Chromium page: what the page e2e tests on the demo project start from. The demo is a copy of the one the
 * e2e global setup built (every stage done, a trained run included); `demo: 'fresh'` starts from an empty demo
 * folder instead, so the project builds in the background as on a real first start.
 */
export async function startDemoSession(options: {
  prefix: string;
  shots: string;
  viewport: { width: number; height: number };
  demo?: 'prebuilt' | 'fresh';
}): Promise<DemoSession> {
  await mkdir(options.shots, { recursive: true });
  const { dir, cleanup } = await tempDir(options.prefix);
  if (options.demo !== 'fresh') await cp(inject('prebuiltDemo'), join(dir, 'demo'), { recursive: true });
  const serve = await startServe([], { SELFIE_LAB_CONFIG_DIR: join(dir, 'config'), SELFIE_LAB_DEMO_DIR: join(dir, 'demo') });
  const transport = httpTransport(serve.origin, serve.token);
  const api = createApi(transport);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
  } catch (error) {
    transport.close();
    await serve.stop();
    await cleanup();
    throw error;
  }
  const page = await browser.newPage({ viewport: options.viewport });
  return {
    page,
    api,
    serve,
    setTray: async (open) => {
      const toggle = page.getByTestId('job-tray-toggle');
      if ((await toggle.getAttribute('aria-pressed')) !== String(open)) await toggle.click();
    },
    close: async () => {
      transport.close();
      await browser?.close();
      await serve.stop();
      await cleanup();
    },
  };
}
