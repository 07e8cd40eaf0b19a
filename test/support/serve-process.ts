import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../../bin/selfie-lab.js');

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `selfie-lab serve --json` as a real child process and waits for the line with its URL. */
export async function startServe(args: string[], env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', ...args], {
    // Never let a test build a demo project in the real home folder.
    env: { ...process.env, SELFIE_LAB_DEMO_DIR: `${env.SELFIE_LAB_CONFIG_DIR ?? '/tmp'}/demo-project`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const line = await new Promise<string>((resolveLine, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      log += chunk.toString();
      if (buffer.includes('\n')) resolveLine(buffer.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`selfie-lab serve exited with ${code}:\n${log}`)));
  });
  const { value } = JSON.parse(line) as { value: { url: string; origin: string; token: string } };
  return {
    ...value,
    child,
    output: () => log,
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGINT');
      }),
  };
}
