/**
 * Entry of one face detection worker thread (face-pool.ts starts as many as the machine has cores). Each owns a
 * TensorFlow.js backend (wasm: single-threaded, so parallelism comes from the pool) and face-api's models, loaded
 * once; it reads, decodes and detects one image per request, so the main thread only hands out paths.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../../shared/result';
import { describeImageError } from '../images/image-probe';
import { resolveBackend } from '../ml/backend-resolver';
import { detectFaces, loadModels, tensorCount, warmUp } from './face-detector';
import { faceApiVersion } from './face-models';
import type { FaceWorkerData, FromFaceWorker, ToFaceWorker } from './face-protocol';

silenceNodeBackendAdvert();

const port = parentPort;
if (!port) throw new Error('face-detection.worker must run in a worker thread');
const data = workerData as FaceWorkerData;

function send(message: FromFaceWorker): void {
  port!.postMessage(message);
}

async function start(): Promise<void> {
  try {
    const backend = await resolveBackend(data.backend);
    await loadModels(data.detectors, data.landmarks);
    // The pure-JS cpu backend has no kernels to set up, and its one blank inference would cost seconds.
    if (backend.backend !== 'cpu') await warmUp(data.detectors);
    send({ type: 'ready', backend, faceApiVersion: faceApiVersion() });
  } catch (error) {
    const appError = toAppError(error);
    send({ type: 'failed', error: appError.code === 'INTERNAL' ? { ...appError, code: 'ML_BACKEND' } : appError });
  }
}

const started = start();

port.on('message', (message: ToFaceWorker) => {
  if (message.type !== 'detect') return;
  void started
    .then(() => detectFaces(message.task))
    .then(
      (value) => send({ type: 'result', id: message.id, ok: true, value, tensors: tensorCount() }),
      (error: unknown) => send({ type: 'result', id: message.id, ok: false, reason: describeImageError(error) }),
    );
});

/** tfjs prints an advert for tfjs-node on every start in Node; the job already says which backend is active. */
function silenceNodeBackendAdvert(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Looks like you are running TensorFlow.js in Node.js')) return;
    warn(...args);
  };
}
