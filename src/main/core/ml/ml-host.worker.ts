/**
 * Entry of the ML host child process: owns TensorFlow.js, answers requests from MlHost (ml-host.ts).
 * Nothing here may block for long without yielding, so cancel messages get through.
 */
import * as tf from '@tensorflow/tfjs';
import { isBackendName, type BackendInfo } from '../../../shared/ml/backend';
import { toAppError } from '../../../shared/result';
import { resolveBackend } from './backend-resolver';
import { runMatmulBenchmark } from './matmul-benchmark';
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
