import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../src/shared/api/client';
import type { JobRecord } from '../../src/shared/jobs/job-types';
import type { ProjectSummary } from '../../src/shared/project/project-types';
import { MlHost } from '../../src/main/core/ml/ml-host';
import { startBrowserServer, type BrowserServer } from '../../src/main/core/server/browser-server';
import { createInMemoryApi } from '../../src/main/core/transport/in-memory';
import type { Workbench } from '../../src/main/core/workbench';
import { httpTransport } from '../support/http-transport';
import { tempDir, testWorkbench } from '../support/temp';

const ml = new MlHost();
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(async () => {
  await ml.dispose();
  await cleanup();
});

/** The same user story over each transport: both must satisfy the one contract identically. */
function contractStory(name: string, connect: (workbench: Workbench, root: string) => Promise<{ api: Api; close(): Promise<void> }>) {
  describe(`the API over ${name}`, () => {
    let workbench: Workbench;
    let api: Api;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const base = join(root, name);
      workbench = await testWorkbench(join(base, 'config'), { mlHost: ml });
      ({ api, close } = await connect(workbench, base));
    });
    afterAll(async () => {
      await close();
      await workbench.dispose();
    });

    it('starts with no project, creates one, and lists it as recent', async () => {
      expect(await api.project.current()).toEqual({ ok: true, value: null });
      const changes: Array<ProjectSummary | null> = [];
      api.on('project.changed', (summary) => changes.push(summary));
      const dir = join(root, name, 'study');
      const created = await api.project.create({ dir, name: 'Study' });
      expect(created.ok && created.value).toMatchObject({ name: 'Study', dir, schemaVersion: 4, writable: true });
      const recent = await api.project.recent();
      expect(recent.ok && recent.value.map((r) => r.dir)).toEqual([dir]);
      await expect.poll(() => changes.at(-1)?.name).toBe('Study');
    });

    it('answers wrong input and unknown folders with errors as data', async () => {
      const wrong = await api.project.open({ dir: 7 as unknown as string });
      expect(wrong.ok === false && wrong.error.code).toBe('INVALID_INPUT');
      const missing = await api.project.open({ dir: join(root, name, 'missing') });
      expect(missing.ok === false && missing.error).toMatchObject({ code: 'PROJECT_NOT_FOUND', details: { dir: join(root, name, 'missing') } });
      const noDialogs = await api.dialog.pickFolder({ purpose: 'open' });
      expect(noDialogs.ok === false && noDialogs.error.code).toBe('UNSUPPORTED');
    });

    it('reports the ML backend', async () => {
      const backend = await api.ml.backend();
      expect(backend.ok && backend.value).toMatchObject({ backend: 'wasm', version: '4.22.0', capabilities: { convolutionGradients: false } });
    });

    it('runs a job and pushes its progress as events', async () => {
      const updates: JobRecord[] = [];
      api.on('job.updated', (job) => updates.push(job));
      const started = await api.jobs.start({ kind: 'ml.benchmark', params: { iterations: 600, size: 256 } });
      expect(started.ok).toBe(true);
      const id = started.ok ? started.value.id : '';
      await expect.poll(() => updates.find((u) => u.id === id && u.state === 'succeeded')?.progress.done, { timeout: 30_000 }).toBe(600);
      expect(updates.some((u) => u.id === id && u.state === 'running' && u.progress.done > 0 && u.progress.done < 600)).toBe(true);
      const list = await api.jobs.list();
      expect(list.ok && list.value.find((job) => job.id === id)?.state).toBe('succeeded');
      const bad = await api.jobs.start({ kind: 'ml.benchmark', params: { iterations: -1 } });
      expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT');
    });
  });
}

contractStory('in-memory', async (workbench) => ({ api: createInMemoryApi(workbench), close: async () => undefined }));

let server: BrowserServer;
contractStory('http', async (workbench, base) => {
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root">Selfie Lab page</div>');
  server = await startBrowserServer({ workbench, rendererDir });
  const transport = httpTransport(server.origin, server.token);
  await transport.ready();
  return {
    api: createApi(transport),
    close: async () => {
      transport.close();
      await server.close();
    },
  };
});

describe('browser-mode security', () => {
  let workbench: Workbench;
  let secured: BrowserServer;
  beforeAll(async () => {
    const base = join(root, 'security');
    workbench = await testWorkbench(join(base, 'config'), { mlHost: ml });
    await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><div id="root">Selfie Lab page</div>');
    await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'do not serve');
    secured = await startBrowserServer({ workbench, rendererDir: join(base, 'renderer') });
  });
  afterAll(async () => {
    await secured.close();
    await workbench.dispose();
  });

  it('binds to 127.0.0.1 and answers 401 without the token', async () => {
    expect(secured.host).toBe('127.0.0.1');
    expect(secured.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect((await fetch(`${secured.origin}/`)).status).toBe(401);
    expect((await fetch(`${secured.origin}/assets/app.js`)).status).toBe(401);
    expect((await fetch(`${secured.origin}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${secured.origin}/?token=wrong`)).status).toBe(401);
    const denied = await fetch(`${secured.origin}/api/app.info`, { method: 'POST', headers: { 'X-Selfie-Lab-Token': 'x'.repeat(48) } });
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('serves the page with the token and sets a cookie for its assets', async () => {
    const page = await fetch(secured.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Selfie Lab page');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await fetch(`${secured.origin}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    // SPA routes fall back to index.html; paths outside the renderer folder are not served.
    expect(await (await fetch(`${secured.origin}/faces?token=${secured.token}`)).text()).toContain('Selfie Lab page');
    const traversal = await fetch(`${secured.origin}/..%2Fsecret.txt?token=${secured.token}`);
    expect(await traversal.text()).not.toContain('do not serve');
  });

  it('refuses API calls and event sockets from other origins', async () => {
    const foreign = await fetch(`${secured.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'X-Selfie-Lab-Token': secured.token, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const outcome = (origin: string | undefined, token: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${secured.origin.replace('http', 'ws')}/events?token=${token}`, origin ? { origin } : {});
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
        socket.once('error', () => resolve('error'));
      });
    expect(await outcome('http://evil.example', secured.token)).toBe('403');
    expect(await outcome(undefined, secured.token)).toBe('403');
    expect(await outcome(secured.origin, 'wrong')).toBe('401');
    expect(await outcome(secured.origin, secured.token)).toBe('open');
  });

  it('answers malformed bodies with 400 and an error envelope', async () => {
    const response = await fetch(`${secured.origin}/api/project.open`, {
      method: 'POST',
      headers: { 'X-Selfie-Lab-Token': secured.token, 'Content-Type': 'application/json' },
      body: '{"input": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });
});
