import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, commands } from '../../src/cli/main';
import { tempDir } from '../support/temp';

const bin = resolve(import.meta.dirname, '../../bin/selfie-lab.js');

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('selfie-lab CLI', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    env = { SELFIE_LAB_CONFIG_DIR: join(dir, 'config') };
  });
  afterAll(async () => cleanup());

  it('has --help for every command', async () => {
    for (const command of commands) {
      const out: string[] = [];
      const code = await runCli([command.name, '--help'], { out: (t) => out.push(t), err: (t) => out.push(t) });
      expect(code).toBe(0);
      expect(out.join('\n')).toContain(`Usage: selfie-lab ${command.name}`);
      expect(out.join('\n')).toContain('--json');
    }
    const top: string[] = [];
    expect(await runCli(['--help'], { out: (t) => top.push(t), err: () => undefined })).toBe(0);
    for (const command of commands) expect(top.join('\n')).toContain(command.name);
  });

  it('rejects unknown commands and options with exit code 2 and a hint', async () => {
    const err: string[] = [];
    expect(await runCli(['frobnicate'], { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toContain('unknown command "frobnicate"');
    const out: string[] = [];
    expect(await runCli(['info', '--colour', '--json'], { out: (t) => out.push(t), err: () => undefined })).toBe(2);
    expect(JSON.parse(out.join(''))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('--colour') } });
  });

  it('init creates a project; info --json prints its summary and {backend, version, device}', () => {
    const project = join(dir, 'p');
    const init = cli(['init', project, '--name', 'CLI study', '--json'], env);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout).value).toMatchObject({ name: 'CLI study', dir: project, schemaVersion: 4 });
    expect(existsSync(join(project, 'posts.json'))).toBe(true);

    const info = cli(['info', '--project', project, '--json'], env);
    expect(info.code).toBe(0);
    const value = JSON.parse(info.stdout).value;
    expect(value.project).toMatchObject({ name: 'CLI study', counts: { posts: 0, jobs: 0 } });
    expect(value.backend).toMatchObject({ backend: 'wasm', version: '4.22.0', device: expect.stringContaining('CPU') });

    const text = cli(['info', '--project', project], env);
    expect(text.stdout).toContain('Project: CLI study');
    expect(text.stdout).toContain('ML backend: wasm');
    expect(text.stdout).toContain('skipped tensorflow: @tensorflow/tfjs-node is not installed');
  });

  it('reports a missing project clearly, for humans and machines', () => {
    const human = cli(['info', '--project', join(dir, 'nowhere')], env);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('is not a Selfie Lab project');
    expect(human.stderr).not.toContain('    at '); // no stack trace
    const machine = cli(['info', '--project', join(dir, 'nowhere'), '--json'], env);
    expect(JSON.parse(machine.stdout)).toMatchObject({ ok: false, error: { code: 'PROJECT_NOT_FOUND' } });
  });

  it('serve prints a tokenised URL, serves the page, answers 401 without the token, and stops cleanly', async () => {
    const project = join(dir, 'served');
    const child = spawn(process.execPath, [bin, 'serve', '--project', project, '--port', '0', '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolveLine, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        if (buffer.includes('\n')) resolveLine(buffer.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const { value } = JSON.parse(line) as { value: { url: string; origin: string; token: string; project: string } };
    expect(value.project).toBe(project);
    expect(value.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const page = await fetch(value.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(value.origin)).status).toBe(401);
    expect(existsSync(join(project, '.selfie-lab.lock'))).toBe(true);

    const exit = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(existsSync(join(project, '.selfie-lab.lock'))).toBe(false);
  });
});
