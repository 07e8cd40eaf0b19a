// Builds the demo project once for the whole e2e suite, the way a first start does (serve on an empty demo folder:
// demo.prepare, then import → images → faces → label → train → evaluate), and hands its folder to the tests. Page
// tests copy it (startDemoSession) instead of each waiting ~100 s for their own build; the demo e2e test still
// watches a first start build from nothing. Project folders can move (paths inside are stored relative), so a copy
// is a complete project.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApi } from '../../src/shared/api/client';
import { httpTransport } from './http-transport';
import { startServe } from './serve-process';
import { tempDir } from './temp';

export const demoJobKinds = ['demo.prepare', 'import', 'images.analyze', 'faces.detect', 'labels.create', 'train', 'evaluate'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** A built demo project (every stage succeeded); copy it, never open it in place. */
    prebuiltDemo: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir, cleanup } = await tempDir('selfie-lab-e2e-demo-');
  const demo = join(dir, 'demo');
  const serve = await startServe([], { SELFIE_LAB_CONFIG_DIR: join(dir, 'config'), SELFIE_LAB_DEMO_DIR: demo });
  const transport = httpTransport(serve.origin, serve.token);
  const api = createApi(transport);
  const started = Date.now();
  try {
    for (;;) {
      const jobs = await api.jobs.list();
      const list = jobs.ok ? jobs.value : [];
      const failed = list.find((job) => job.state === 'failed' || job.state === 'cancelled');
      if (failed) throw new Error(`the e2e demo project could not be built: ${failed.kind} ${failed.state}: ${failed.error?.message ?? ''}\n${serve.output()}`);
      const done = demoJobKinds.every((kind) => list.some((job) => job.kind === kind && job.state === 'succeeded'));
      if (done) break;
      if (Date.now() - started > 600_000) throw new Error(`the e2e demo project was not built within 10 minutes:\n${serve.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    transport.close();
    await serve.stop();
  }
  project.provide('prebuiltDemo', demo);
  return cleanup;
}
