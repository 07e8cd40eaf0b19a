import { benchmarkParams } from '../../../../shared/api/contract';
import { defineJob } from '../job-definition';
import type { BenchmarkCheckpoint } from '../../ml/ml-protocol';

/** Times matrix products on the active backend, so a user sees what their machine can do before a long run. */
export const mlBenchmarkJob = defineJob({
  kind: 'ml.benchmark',
  lane: 'ml',
  unit: 'iterations',
  description: 'Measure the active TensorFlow.js backend: repeated float32 matrix products, reported as GFLOP/s.',
  params: benchmarkParams,
  title: (params) => `Benchmark ML backend (${params.iterations} × matmul ${params.size}²)`,
  run: async ({ params, checkpoint, signal, progress, ml }) => {
    const info = await ml.backend();
    const resumeFrom = checkpoint as BenchmarkCheckpoint | undefined;
    progress({ done: resumeFrom?.done ?? 0, total: params.iterations, message: `on ${info.backend}` });
    return ml.call(
      'benchmark',
      resumeFrom ? { ...params, checkpoint: resumeFrom } : params,
      { signal, onProgress: (update) => progress({ ...update, message: `${update.message ?? ''} on ${info.backend}`.trim() }) },
    );
  },
});
