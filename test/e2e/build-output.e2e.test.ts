import { fork, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Checks on what `npm run build` produced for the Electron shell, without the Electron binary. */
const root = resolve(import.meta.dirname, '../..');

describe('the Electron build', () => {
  it('bundles a sandbox-safe preload that requires nothing but electron', () => {
    const preload = readFileSync(resolve(root, 'out/preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\(["']ipcRenderer/);
  });

  it('puts the ML host entry beside the main bundle, and it answers a probe when run as plain Node', async () => {
    const worker = resolve(root, 'out/main/ml-host.worker.js');
    expect(existsSync(resolve(root, 'out/main/index.js'))).toBe(true);
    expect(existsSync(worker)).toBe(true);
    const child = fork(worker, [], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const reply = await new Promise<any>((resolveReply, reject) => {
      child.on('message', (message: any) => {
        if (message.type === 'result') resolveReply(message);
      });
      child.once('exit', (code) => reject(new Error(`the built ML host exited with code ${code} before answering`)));
      child.send({ type: 'request', id: 1, method: 'probe', params: {} });
    });
    child.kill();
    expect(reply).toMatchObject({ id: 1, ok: true, value: { backend: 'wasm', version: '4.22.0' } });
  });

  it('npm start explains a missing Electron binary and points to browser mode, without a stack trace', () => {
    const result = spawnSync(process.execPath, [resolve(root, 'scripts/start.js')], {
      encoding: 'utf8',
      // Electron's own package honours this variable; pointing it at nothing simulates an offline install.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: resolve(root, '.tmp/no-electron-here') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron binary is not installed');
    expect(result.stderr).toContain('npx selfie-lab serve');
    expect(result.stderr).not.toContain('    at ');
  });
});
