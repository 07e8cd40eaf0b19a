/** Messages between the main process and the ML host child process (structured-clone serialisation). */
import type { BenchmarkParams } from '../../../shared/api/contract';
import type { BackendInfo, BackendName } from '../../../shared/ml/backend';
import type { AppError } from '../../../shared/result';

export interface BenchmarkCheckpoint {
  done: number;
  elapsedMs: number;
}

export interface BenchmarkResult {
  backend: BackendName;
  size: number;
  iterations: number;
  msPerIteration: number;
  gflops: number;
}

/** Method name -> [params, result]. */
export interface MlMethods {
  probe: [Record<string, never>, BackendInfo];
  benchmark: [BenchmarkParams & { checkpoint?: BenchmarkCheckpoint }, BenchmarkResult];
  memory: [Record<string, never>, { numTensors: number; numBytes: number }];
}
export type MlMethod = keyof MlMethods;

export type ToMlHost =
  | { type: 'request'; id: number; method: MlMethod; params: unknown }
  | { type: 'cancel'; id: number };

export type FromMlHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: AppError }
  | { type: 'progress'; id: number; done: number; total: number; message?: string; checkpoint?: unknown };

export interface MlHostOptions {
  /** Force one backend instead of trying them in order. */
  backend?: BackendName;
}
