import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDir = join(packageRoot, 'out', 'renderer');

/** `serve` needs the built renderer; a fresh clone has none, so build it once (what `npm run build` does). */
export function ensureRendererBuilt(log: (text: string) => void): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  log('The user interface is not built yet; building it once (npm run build)…');
  const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: packageRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`Building the user interface failed; run "npm run build" to see why.\n${(build.stderr ?? '').slice(-2000)}`);
  }
}
