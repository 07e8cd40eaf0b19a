import { fork, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendInfo } from '../../../shared/ml/backend';
import { AppFailure } from '../../../shared/result';
import { resolveScriptEntry } from '../runtime/script-entry';
import type { FromMlHost, MlHostOptions, MlMethod, MlMethods, ToMlHost } from './ml-protocol';

export interface MlCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; message?: string; checkpoint?: unknown }) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: MlCallOptions['onProgress'];
}

/**
 * The one long-lived process that owns TensorFlow.js (DESIGN.md: never tfjs-node in several threads,
 * tensorflow/tfjs#8388). Started on first use; if it dies, pending calls fail with ML_BACKEND and the
 * next call starts a fresh one.
 */
export class MlHost {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private backendInfo: Promise<BackendInfo> | null = null;
  private stderrTail = '';

  constructor(private readonly options: MlHostOptions = {}) {}

  /** The child's pid while it runs (diagnostics, tests). */
  get processId(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves the backend once (tfjs-node-gpu -> tfjs-node -> wasm -> cpu) and caches it. */
  backend(): Promise<BackendInfo> {
    this.backendInfo ??= this.call('probe', {}).catch((error: unknown) => {
      this.backendInfo = null;
      throw error;
    });
    return this.backendInfo;
  }

  call<M extends MlMethod>(method: M, params: MlMethods[M][0], options: MlCallOptions = {}): Promise<MlMethods[M][1]> {
    if (options.signal?.aborted) return Promise.reject(new AppFailure('CANCELLED', 'Cancelled.'));
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<MlMethods[M][1]>((resolve, reject) => {
      const onAbort = () => this.send({ type: 'cancel', id });
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve(value as MlMethods[M][1]);
        },
        reject: (error) => {
          options.signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        onProgress: options.onProgress,
      });
      this.send({ type: 'request', id, method, params }, child);
    });
  }

  /** Stops the child process; pending calls fail. */
  async dispose(): Promise<void> {
    const child = this.child;
    this.child = null;
    this.backendInfo = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.connected) return this.child;
    const entry = resolveScriptEntry(dirname(fileURLToPath(import.meta.url)), 'ml-host.worker');
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
    if (this.options.backend) env.SELFIE_LAB_BACKEND = this.options.backend;
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    child.on('message', (message: FromMlHost) => this.onMessage(message));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.on('error', (error) => this.onExit(child, null, null, error));
    this.child = child;
    return child;
  }

  private send(message: ToMlHost, child = this.child): void {
    if (child && child.connected) child.send(message);
  }

  private onMessage(message: FromMlHost): void {
    if (message.type === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(AppFailure.from(message.error));
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, error?: Error): void {
    if (this.child === child) {
      this.child = null;
      this.backendInfo = null;
    }
    if (this.pending.size === 0) return;
    const how = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
    const tail = this.stderrTail.trim().split('\n').slice(-5).join('\n');
    const failure = new AppFailure('ML_BACKEND', `The ML host process stopped unexpectedly (${how}).${tail ? ` Last output:\n${tail}` : ''}`, {
      exitCode: code,
      signal,
    });
    for (const pending of this.pending.values()) pending.reject(failure);
    this.pending.clear();
  }
}
