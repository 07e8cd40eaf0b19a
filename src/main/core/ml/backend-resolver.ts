/**
 * Runs inside the ML host only. Tries the backends in DESIGN.md's order and keeps the first that initialises:
 * @tensorflow/tfjs-node-gpu (CUDA) -> @tensorflow/tfjs-node (native CPU) -> wasm (SIMD, threads) -> cpu (pure JS).
 * The native packages are optional dependencies: offline installs lack them, and that is reported, not fatal.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import {
  backendPackages,
  backendPreference,
  type BackendAttempt,
  type BackendInfo,
  type BackendName,
} from '../../../shared/ml/backend';

// Not named `require`: the ESM bundle of the main process injects its own `require` shim.
const resolveFromHere = createRequire(import.meta.url).resolve;

type Initialiser = () => Promise<string>; // returns the device description

const initialisers: Record<BackendName, Initialiser> = {
  'tensorflow-gpu': async () => {
    await import(backendPackages['tensorflow-gpu']);
    await activate('tensorflow');
    return 'GPU (CUDA, tfjs-node-gpu)';
  },
  tensorflow: async () => {
    await import(backendPackages.tensorflow);
    await activate('tensorflow');
    return `CPU (native libtensorflow, ${cpus().length} cores)`;
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Its default is a CDN; point it at the .wasm files inside the installed package instead.
    const distDir = dirname(resolveFromHere('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(`${join(distDir, '/')}`);
    await activate('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `CPU (wasm${simd ? ', SIMD' : ''}${threads ? ', threads' : ''})`;
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    await activate('cpu');
    return 'CPU (pure JavaScript)';
  },
};

async function activate(name: string): Promise<void> {
  const okay = await tf.setBackend(name);
  if (!okay || tf.getBackend() !== name) throw new Error(`tf.setBackend("${name}") failed`);
  await tf.ready();
  // A smoke test: a backend that registers but cannot compute is no backend.
  const value = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
  if (value !== 3) throw new Error(`backend "${name}" computed 1 + 2 = ${value}`);
}

export async function resolveBackend(forced?: BackendName): Promise<BackendInfo> {
  const order = forced ? [forced] : [...backendPreference];
  const attempts: BackendAttempt[] = [];
  for (const backend of order) {
    try {
      const device = await initialisers[backend]();
      attempts.push({ backend, ok: true });
      const info: BackendInfo = {
        backend,
        version: tf.version_core,
        device,
        capabilities: {
          convolutionGradients: hasKernel('Conv2DBackpropFilter') && hasKernel('Conv2DBackpropInput'),
          gpu: backend === 'tensorflow-gpu',
        },
        attempts,
      };
      if (forced) info.forced = forced;
      return info;
    } catch (error) {
      attempts.push({ backend, ok: false, reason: explain(backend, error) });
    }
  }
  const summary = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  throw new Error(`No TensorFlow.js backend could be initialised (${summary}).`);
}

function hasKernel(kernelName: string): boolean {
  return tf.getKernel(kernelName, tf.getBackend()) !== undefined;
}

function explain(backend: BackendName, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Cannot find (package|module)/.test(message) && message.includes(backendPackages[backend])) {
    return `${backendPackages[backend]} is not installed`;
  }
  return message.split('\n')[0] ?? message;
}
