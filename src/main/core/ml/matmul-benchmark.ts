import * as tf from '@tensorflow/tfjs';
import type { BenchmarkCheckpoint, BenchmarkResult } from './ml-protocol';

/**
 * Measures the active backend: `iterations` products of two [size, size] float32 matrices, each read back
 * (so asynchronous backends are timed to completion). Resumable: the checkpoint carries iterations and time so far.
 */
export async function runMatmulBenchmark(
  params: { iterations: number; size: number; checkpoint?: BenchmarkCheckpoint },
  control: { cancelled(): boolean; progress(done: number, checkpoint: BenchmarkCheckpoint): void },
): Promise<BenchmarkResult | null> {
  const { iterations, size } = params;
  let done = params.checkpoint?.done ?? 0;
  let elapsedMs = params.checkpoint?.elapsedMs ?? 0;
  const a = tf.randomUniform([size, size], 0, 1, 'float32', 1);
  const b = tf.randomUniform([size, size], 0, 1, 'float32', 2);
  try {
    while (done < iterations) {
      if (control.cancelled()) return null;
      const started = performance.now();
      const product = tf.matMul(a, b);
      await product.data();
      product.dispose();
      elapsedMs += performance.now() - started;
      done += 1;
      control.progress(done, { done, elapsedMs });
      // Yield so cancel messages are handled between iterations.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    a.dispose();
    b.dispose();
  }
  const msPerIteration = elapsedMs / iterations;
  return {
    backend: tf.getBackend() as BenchmarkResult['backend'],
    size,
    iterations,
    msPerIteration,
    gflops: (2 * size ** 3) / (msPerIteration * 1e6),
  };
}
