/**
 * UMAP (umap-js, Google PAIR) in a worker thread: its nearest-neighbour search and layout epochs are seconds of
 * synchronous CPU work that must not run on the main process's event loop. The worker is a short inline script that
 * requires umap-js by its resolved path, so it needs no bundle entry of its own and runs the same from source (tsx)
 * and from the built app. Deterministic: umap-js draws only from the seeded generator passed in.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../../shared/result';

// Not named `require`: the ESM bundle of the main process injects its own `require` shim.
const resolveFromHere = createRequire(import.meta.url).resolve;

export interface UmapOptions {
  nNeighbors: number;
  minDist: number;
  seed: number;
}

export interface UmapLayout {
  /** [n] each. */
  x: Float32Array;
  y: Float32Array;
  epochs: number;
}

// CommonJS, run with `eval: true`. mulberry32 is the project's seeded generator (src/shared/simulation/random.ts).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { UMAP } = require(workerData.umapPath);
const { data, n, dim, nNeighbors, minDist, seed } = workerData;
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const rows = [];
for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * dim, (i + 1) * dim)));
const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(nNeighbors, n - 1), minDist, random });
const epochs = umap.initializeFit(rows);
parentPort.postMessage({ type: 'progress', epoch: 0, epochs });
for (let epoch = 0; epoch < epochs; epoch++) {
  umap.step();
  if (epoch % 20 === 19) parentPort.postMessage({ type: 'progress', epoch: epoch + 1, epochs });
}
const embedding = umap.getEmbedding();
const x = new Float32Array(n);
const y = new Float32Array(n);
embedding.forEach((point, i) => { x[i] = point[0]; y[i] = point[1]; });
parentPort.postMessage({ type: 'done', x, y, epochs }, [x.buffer, y.buffer]);
`;

/** Lays out `n` points of `dim` values ([n × dim] row-major) in 2-D. Aborting terminates the worker. */
export function umapInWorker(
  data: Float32Array,
  n: number,
  dim: number,
  options: UmapOptions,
  control: { signal?: AbortSignal; onEpoch?(epoch: number, epochs: number): void } = {},
): Promise<UmapLayout> {
  if (n < 3) return Promise.reject(new AppFailure('INVALID_INPUT', `A map needs at least 3 points with cached features; this run has ${n}.`));
  if (data.length !== n * dim) return Promise.reject(new RangeError(`umapInWorker: ${data.length} values for ${n} × ${dim}`));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { umapPath: resolveFromHere('umap-js'), data, n, dim, ...options } });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => {
      void worker.terminate();
      finish(() => reject(new AppFailure('CANCELLED', 'The embedding map was cancelled.')));
    };
    if (control.signal?.aborted) return onAbort();
    control.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: { type: 'progress'; epoch: number; epochs: number } | ({ type: 'done' } & UmapLayout)) => {
      if (message.type === 'progress') control.onEpoch?.(message.epoch, message.epochs);
      else {
        void worker.terminate();
        finish(() => resolve({ x: message.x, y: message.y, epochs: message.epochs }));
      }
    });
    worker.on('error', (error) => finish(() => reject(new AppFailure('INTERNAL', `UMAP failed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new AppFailure('INTERNAL', `The UMAP worker stopped (exit code ${code}) before finishing.`))));
  });
}
