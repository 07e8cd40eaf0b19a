/**
 * Entry of the ML host child process: owns TensorFlow.js, answers requests from MlHost (ml-host.ts).
 * Nothing here may block for long without yielding, so cancel messages get through.
 */
import * as tf from '@tensorflow/tfjs';
import { isBackendName, type BackendInfo } from '../../../shared/ml/backend';
import { toAppError } from '../../../shared/result';
import { resolveBackend } from './backend-resolver';
import { runMatmulBenchmark } from './matmul-benchmark';
import { loadBackbone } from '../training/host/backbone-loader';
import { embedImages, type HostControl } from '../training/host/embed-images';
import { finetune } from '../training/host/finetune-trainer';
import { trainHead, type HeadEpochUpdate } from '../training/host/head-trainer';
import { predictFeatures, predictImages } from '../training/host/predict';
import type { BenchmarkCheckpoint, FromMlHost, MlMethod, MlMethods, ToMlHost } from './ml-protocol';

silenceNodeBackendAdvert();

const cancelled = new Set<number>();
let backend: Promise<BackendInfo> | null = null;

function ensureBackend(): Promise<BackendInfo> {
  const forced = process.env.SELFIE_LAB_BACKEND;
  backend ??= resolveBackend(forced && isBackendName(forced) ? forced : undefined);
  return backend;
}

function send(message: FromMlHost): void {
  process.send?.(message);
}

/** Cancel checks and throttled progress for one request (the last update of a run is always sent). */
function controlFor(id: number): HostControl {
  let lastSent = 0;
  return {
    cancelled: () => cancelled.has(id),
    progress: (done, total, message) => {
      const now = Date.now();
      if (now - lastSent < 100 && done < total) return;
      lastSent = now;
      send({ type: 'progress', id, done, total, message });
    },
  };
}

/** Training sends every epoch, with the history so far as the checkpoint (the UI draws the curves from it). */
function epochReporter(id: number, epochs: number) {
  return (update: HeadEpochUpdate) => {
    const last = update.history[update.history.length - 1];
    const message = last
      ? `epoch ${last.epoch}/${epochs} · loss ${last.trainLoss.toFixed(3)} · acc ${last.trainAccuracy.toFixed(3)}${last.valAccuracy === null ? '' : ` · val acc ${last.valAccuracy.toFixed(3)}`}`
      : 'training';
    send({ type: 'progress', id, done: last?.epoch ?? 0, total: epochs, message, checkpoint: update });
  };
}

type Handler<M extends MlMethod> = (params: MlMethods[M][0], id: number) => Promise<MlMethods[M][1]>;

const handlers: { [M in MlMethod]: Handler<M> } = {
  probe: async () => ensureBackend(),
  memory: async () => {
    await ensureBackend();
    const memory = tf.memory();
    return { numTensors: memory.numTensors, numBytes: memory.numBytes };
  },
  benchmark: async (params, id) => {
    await ensureBackend();
    let lastSent = 0;
    const result = await runMatmulBenchmark(params, {
      cancelled: () => cancelled.has(id),
      progress: (done: number, checkpoint: BenchmarkCheckpoint) => {
        const now = Date.now();
        if (now - lastSent < 50 && done < params.iterations) return;
        lastSent = now;
        send({ type: 'progress', id, done, total: params.iterations, message: `matmul ${params.size}×${params.size}`, checkpoint });
      },
    });
    if (result === null) throw Object.assign(new Error('Cancelled.'), { cancelled: true });
    return result;
  },
  stats: async () => {
    const usage = process.resourceUsage();
    return { maxRssMb: usage.maxRSS / 1024, rssMb: process.memoryUsage().rss / 2 ** 20 };
  },
  backbone: async (params) => {
    await ensureBackend();
    return (await loadBackbone(params.backbone, params.weights)).preprocessing;
  },
  embed: async (params, id) => {
    await ensureBackend();
    return embedImages(params, controlFor(id));
  },
  trainHead: async (params, id) => {
    await ensureBackend();
    return trainHead(params, { ...controlFor(id), epoch: epochReporter(id, params.hyper.epochs) });
  },
  finetune: async (params, id) => {
    await ensureBackend();
    return finetune(params, { ...controlFor(id), epoch: epochReporter(id, params.hyper.epochs) });
  },
  predictFeatures: async (params, id) => {
    await ensureBackend();
    return predictFeatures(params, controlFor(id));
  },
  predictImages: async (params, id) => {
    await ensureBackend();
    return predictImages(params, controlFor(id));
  },
};

process.on('message', (message: ToMlHost) => {
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id, method, params } = message;
  const handler = handlers[method] as Handler<MlMethod> | undefined;
  if (!handler) {
    send({ type: 'result', id, ok: false, error: { code: 'INTERNAL', message: `The ML host has no method "${method}".` } });
    return;
  }
  handler(params as never, id).then(
    (value) => send({ type: 'result', id, ok: true, value }),
    (error: unknown) => {
      const isCancel = cancelled.has(id) || (error as { cancelled?: boolean })?.cancelled === true;
      send({ type: 'result', id, ok: false, error: isCancel ? { code: 'CANCELLED', message: 'Cancelled.' } : mlError(error) });
    },
  ).finally(() => cancelled.delete(id));
});

process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

function mlError(error: unknown) {
  const appError = toAppError(error);
  return appError.code === 'INTERNAL' ? { ...appError, code: 'ML_BACKEND' as const } : appError;
}

/** tfjs prints an advert for tfjs-node on every start in Node; the UI already says which backend is active. */
function silenceNodeBackendAdvert(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Looks like you are running TensorFlow.js in Node.js')) return;
    warn(...args);
  };
}
