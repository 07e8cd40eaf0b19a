import { availableParallelism, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { BackendInfo, BackendName } from '../../../shared/ml/backend';
import { AppFailure } from '../../../shared/result';
import { resolveScriptEntry } from '../runtime/script-entry';
import type { DetectionOutcome, FaceTask, FaceWorkerData, FromFaceWorker } from './face-protocol';
import { startScriptWorker } from './worker-thread';

export interface FacePoolOptions extends Omit<FaceWorkerData, 'backend'> {
  /** Force one backend; otherwise the first worker resolves it (tfjs-node-gpu -> tfjs-node -> wasm -> cpu). */
  backend?: BackendName;
  /** Workers for the wasm and cpu backends (default: defaultPoolSize()). Native backends always get one (see below). */
  size?: number;
}

export type FaceTaskResult = { ok: true; value: DetectionOutcome } | { ok: false; reason: string };

interface Slot {
  worker: Worker;
  busy: { id: number; resolve: (result: FaceTaskResult) => void; reject: (error: Error) => void } | null;
}

interface Queued {
  task: FaceTask;
  resolve: (result: FaceTaskResult) => void;
  reject: (error: Error) => void;
}

/** Native backends use their own thread pool, and tfjs-node misbehaves when several threads load it (tensorflow/tfjs#8388). */
const nativeBackends: readonly BackendName[] = ['tensorflow', 'tensorflow-gpu'];
/** Measured resident memory of one wasm worker after SSD has run (models, tfjs, the wasm heap): ~370 MB; Tiny ~230 MB. */
const workerMemoryBytes = 400 * 2 ** 20;

/** One worker per core, but no more than half the machine's memory holds. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor((totalmem() * 0.5) / workerMemoryBytes)));
}

/** A pool whose workers keep dying (out of memory, a native crash) stops instead of restarting them forever. */
const maxRestarts = 5;

/**
 * Face detection off the main thread: worker threads (face-detection.worker.ts), each with its own TensorFlow.js
 * backend and face-api models, one image at a time each. A worker that dies fails only its current image (recorded as
 * an error) and is replaced.
 */
export class FaceDetectorPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private restarts = 0;
  private closed = false;
  private failure: AppFailure | null = null;
  /** The most tensors any worker held after an image (a leak shows as growth). */
  maxTensors = 0;

  private constructor(
    private readonly data: FaceWorkerData,
    readonly backend: BackendInfo,
    readonly faceApiVersion: string,
  ) {}

  static async start(options: FacePoolOptions): Promise<FaceDetectorPool> {
    const data: FaceWorkerData = { detectors: options.detectors, landmarks: options.landmarks, ...(options.backend ? { backend: options.backend } : {}) };
    // The first worker resolves the backend; the others are told which one, so they do not try (and load) native ones.
    const first = await startWorker(data);
    const pool = new FaceDetectorPool({ ...data, backend: first.ready.backend.backend }, first.ready.backend, first.ready.faceApiVersion);
    pool.adopt(first.worker);
    const wanted = nativeBackends.includes(pool.backend.backend) ? 1 : Math.max(1, options.size ?? defaultPoolSize());
    try {
      const more = await Promise.all(Array.from({ length: wanted - 1 }, () => startWorker(pool.data)));
      for (const started of more) pool.adopt(started.worker);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Detects faces in one image; per-image failures (unreadable, corrupt) resolve as {ok: false, reason}. */
  detect(task: FaceTask): Promise<FaceTaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new AppFailure('CANCELLED', 'The face detector pool was closed.'));
    return new Promise<FaceTaskResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const cancelled = new AppFailure('CANCELLED', 'The face detector pool was closed.');
    for (const queued of this.queue.splice(0)) queued.reject(cancelled);
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.busy?.reject(cancelled);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private adopt(worker: Worker): void {
    const slot: Slot = { worker, busy: null };
    this.slots.push(slot);
    worker.on('message', (message: FromFaceWorker) => {
      if (message.type !== 'result' || !slot.busy || slot.busy.id !== message.id) return;
      const { resolve } = slot.busy;
      slot.busy = null;
      if (message.ok) {
        this.maxTensors = Math.max(this.maxTensors, message.tensors);
        resolve({ ok: true, value: message.value });
      } else {
        resolve({ ok: false, reason: message.reason });
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.onWorkerGone(slot, error.message));
    worker.on('exit', (code) => this.onWorkerGone(slot, `exit code ${code}`));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      const id = this.nextId++;
      slot.busy = { id, resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage({ type: 'detect', id, task: next.task });
    }
  }

  private onWorkerGone(slot: Slot, how: string): void {
    const position = this.slots.indexOf(slot);
    if (position < 0) return; // already handled ('error' is followed by 'exit'), or closed
    this.slots.splice(position, 1);
    slot.busy?.resolve({ ok: false, reason: `the face detector worker stopped while reading this image (${how})` });
    slot.busy = null;
    if (this.closed) return;
    if (++this.restarts > maxRestarts) {
      this.failure = new AppFailure('ML_BACKEND', `Face detector workers stopped ${this.restarts} times (last: ${how}); the job stops.`);
      for (const queued of this.queue.splice(0)) queued.reject(this.failure);
      return;
    }
    startWorker(this.data).then(
      (started) => {
        if (this.closed) void started.worker.terminate();
        else {
          this.adopt(started.worker);
          this.dispatch();
        }
      },
      (error: unknown) => {
        this.failure = error instanceof AppFailure ? error : new AppFailure('ML_BACKEND', String(error));
        if (this.slots.length === 0) for (const queued of this.queue.splice(0)) queued.reject(this.failure);
      },
    );
  }
}

type Ready = Extract<FromFaceWorker, { type: 'ready' }>;

/** Starts one worker and waits until it has its backend and models (or says why it cannot). */
function startWorker(data: FaceWorkerData): Promise<{ worker: Worker; ready: Ready }> {
  const entry = resolveScriptEntry(dirname(fileURLToPath(import.meta.url)), 'face-detection.worker');
  const worker = startScriptWorker(entry, data);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: FromFaceWorker) => {
      if (message.type === 'ready') {
        cleanup();
        resolve({ worker, ready: message });
      } else if (message.type === 'failed') {
        cleanup();
        void worker.terminate();
        reject(AppFailure.from(message.error));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new AppFailure('ML_BACKEND', `The face detector worker failed to start: ${error.message}`));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new AppFailure('ML_BACKEND', `The face detector worker stopped while starting (exit code ${code}).`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
