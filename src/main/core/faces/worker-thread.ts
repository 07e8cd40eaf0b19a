import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScriptEntry } from '../runtime/script-entry';

// Not named `require`: the ESM bundle of the main process injects its own `require` shim.
const resolveFromHere = createRequire(import.meta.url).resolve;

/**
 * Starts a worker thread on an entry found by resolveScriptEntry. A built `.js` entry starts as it is. A `.ts` entry
 * (running from source: the CLI, tests) needs tsx inside the worker, and in Node 20 a worker's `--import` execArgv
 * does not reach its own entry module; so a one-line ESM bootstrap registers tsx's loader, then imports the entry.
 */
export function startScriptWorker(entry: ScriptEntry, workerData: unknown): Worker {
  if (!entry.file.endsWith('.ts')) return new Worker(entry.file, { workerData });
  const tsxApi = pathToFileURL(join(dirname(resolveFromHere('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(entry.file).href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}
