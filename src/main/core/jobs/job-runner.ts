import { randomUUID } from 'node:crypto';
import {
  estimateEtaSeconds,
  estimateRate,
  isActive,
  isResumable,
  type JobRecord,
  type ProgressSample,
} from '../../../shared/jobs/job-types';
import { AppFailure, toAppError } from '../../../shared/result';
import type { MlHost } from '../ml/ml-host';
import type { ProjectSession } from '../projects/project-session';
import type { JobDefinition, ProgressUpdate } from './job-definition';

const persistEveryMs = 1000;
const emitEveryMs = 100;

interface Running {
  controller: AbortController;
  samples: ProgressSample[];
  lastPersist: number;
  lastEmit: number;
  settled: Promise<void>;
}

/**
 * Runs jobs for one open project. Every state change is persisted in jobs.json, so after a crash the
 * jobs that were running show as "interrupted" and can be resumed from their last checkpoint.
 */
export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition<any>>();
  private readonly running = new Map<string, Running>();
  private readonly laneQueues = new Map<string, Promise<void>>();
  /** Resolves when a scheduled job has settled (for jobs that wait on another, see `start`'s `after`). */
  private readonly settledOf = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly project: ProjectSession,
    private readonly ml: MlHost,
    definitions: readonly JobDefinition<any>[],
    private readonly onUpdate: (job: JobRecord) => void,
    private readonly now: () => number = Date.now,
  ) {
    for (const definition of definitions) this.definitions.set(definition.kind, definition);
  }

  /** Marks jobs left running or queued by a process that stopped (crash, kill, power loss) as interrupted. */
  async recoverInterrupted(): Promise<number> {
    const stale = this.project.jobs.data.jobs.filter((job) => isActive(job));
    if (stale.length === 0 || !this.project.writable) return stale.length;
    await this.project.jobs.update(() => {
      for (const job of stale) {
        job.state = 'interrupted';
        job.progress.rate = null;
        job.progress.etaSeconds = null;
        job.updatedAt = new Date(this.now()).toISOString();
      }
    });
    return stale.length;
  }

  list(): JobRecord[] {
    return this.project.jobs.data.jobs.map((job) => structuredClone(job) as JobRecord).reverse();
  }

  get(id: string): JobRecord {
    const job = this.find(id);
    return structuredClone(job) as JobRecord;
  }

  async start(kind: string, rawParams: unknown, options: { after?: string } = {}): Promise<JobRecord> {
    const definition = this.definitions.get(kind);
    if (!definition) {
      throw new AppFailure('INVALID_INPUT', `Unknown job kind "${kind}". Known kinds: ${[...this.definitions.keys()].join(', ')}.`, { kind });
    }
    const parsed = definition.params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppFailure('INVALID_INPUT', `Invalid parameters for ${kind}: ${issue?.path.join('.') || 'params'}: ${issue?.message}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    this.assertWritable();
    const stamp = new Date(this.now()).toISOString();
    const job: JobRecord = {
      id: randomUUID(),
      kind,
      title: definition.title(parsed.data),
      state: 'queued',
      params: parsed.data as Record<string, unknown>,
      progress: { done: 0, total: 0, unit: definition.unit, rate: null, etaSeconds: null },
      createdAt: stamp,
      updatedAt: stamp,
      resumes: 0,
    };
    await this.project.jobs.update((data) => {
      data.jobs.push(job);
    });
    this.schedule(job.id, definition, options.after);
    return this.get(job.id);
  }

  async resume(id: string): Promise<JobRecord> {
    const job = this.find(id);
    if (!isResumable(job)) {
      throw new AppFailure('JOB_STATE', `Job "${job.title}" ${stateWords(job.state)}; only failed, cancelled or interrupted jobs can be resumed.`, { id });
    }
    const definition = this.definitions.get(job.kind);
    if (!definition) throw new AppFailure('JOB_STATE', `This version of Selfie Lab cannot run jobs of kind "${job.kind}".`, { id });
    this.assertWritable();
    await this.mutate(id, (record) => {
      record.state = 'queued';
      record.resumes += 1;
      delete record.error;
      delete record.finishedAt;
    });
    this.schedule(id, definition);
    return this.get(id);
  }

  async cancel(id: string): Promise<JobRecord> {
    const job = this.find(id);
    const active = this.running.get(id);
    if (active) {
      active.controller.abort();
      await active.settled;
    } else if (job.state === 'queued') {
      await this.finish(id, 'cancelled');
    } else {
      throw new AppFailure('JOB_STATE', `Job "${job.title}" ${stateWords(job.state)}; only queued or running jobs can be cancelled.`, { id });
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const job = this.find(id);
    if (isActive(job)) throw new AppFailure('JOB_STATE', `Cancel job "${job.title}" before removing it.`, { id });
    await this.project.jobs.update((data) => {
      data.jobs = data.jobs.filter((record) => record.id !== id);
    });
  }

  /** Stops every running job; they are left "interrupted" so the next session can resume them. */
  async close(): Promise<void> {
    this.closed = true;
    const active = [...this.running.values()];
    for (const run of active) run.controller.abort(new AppFailure('CANCELLED', 'The project was closed.'));
    await Promise.all(active.map((run) => run.settled));
  }

  /** Resolves when every job scheduled so far has settled (for tests and the CLI). */
  async idle(): Promise<void> {
    await Promise.all([...this.laneQueues.values()]);
  }

  private schedule(id: string, definition: JobDefinition<any>, after?: string): void {
    const previous = this.laneQueues.get(definition.lane) ?? Promise.resolve();
    const prerequisite = after ? (this.settledOf.get(after) ?? Promise.resolve()) : Promise.resolve();
    const next = Promise.all([previous, prerequisite]).then(() => this.execute(id, definition, after));
    this.laneQueues.set(definition.lane, next);
    this.settledOf.set(id, next);
    this.emit(id);
  }

  private async execute(id: string, definition: JobDefinition<any>, after?: string): Promise<void> {
    const job = this.findOrNull(id);
    if (!job || job.state !== 'queued' || this.closed) return;
    const prerequisite = after ? this.findOrNull(after) : null;
    if (prerequisite && prerequisite.state !== 'succeeded') {
      await this.finish(id, 'failed', {
        error: { code: 'JOB_STATE', message: `Not run: it needs "${prerequisite.title}" to succeed first, and that job is ${prerequisite.state}. Resume this job after it.` },
      });
      return;
    }
    const controller = new AbortController();
    let settle!: () => void;
    const run: Running = {
      controller,
      samples: [],
      lastPersist: 0,
      lastEmit: 0,
      settled: new Promise<void>((resolve) => (settle = resolve)),
    };
    this.running.set(id, run);
    try {
      await this.mutate(id, (record) => {
        record.state = 'running';
        record.startedAt ??= new Date(this.now()).toISOString();
        record.progress.rate = null;
        record.progress.etaSeconds = null;
      });
      const result = await definition.run({
        jobId: id,
        params: job.params,
        checkpoint: job.checkpoint,
        signal: controller.signal,
        progress: (update) => this.onProgress(id, run, update),
        project: this.project,
        ml: this.ml,
        enqueue: (kind, params, options) => this.start(kind, params, options),
        canRun: (kind) => this.definitions.has(kind),
      });
      if (controller.signal.aborted) {
        await this.finish(id, this.closed ? 'interrupted' : 'cancelled');
      } else {
        await this.finish(id, 'succeeded', { result });
      }
    } catch (thrown) {
      if (controller.signal.aborted) {
        await this.finish(id, this.closed ? 'interrupted' : 'cancelled');
      } else {
        await this.finish(id, 'failed', { error: toAppError(thrown) });
      }
    } finally {
      this.running.delete(id);
      settle();
    }
  }

  private onProgress(id: string, run: Running, update: ProgressUpdate): void {
    const job = this.findOrNull(id);
    if (!job || job.state !== 'running') return;
    const at = this.now();
    run.samples.push({ at, done: update.done });
    if (run.samples.length > 200) run.samples.splice(0, run.samples.length - 200);
    const rate = estimateRate(run.samples);
    job.progress = {
      ...job.progress,
      done: update.done,
      total: update.total,
      rate,
      etaSeconds: estimateEtaSeconds(update.done, update.total, rate),
      ...(update.message === undefined ? {} : { message: update.message }),
    };
    if (update.checkpoint !== undefined) job.checkpoint = update.checkpoint;
    job.updatedAt = new Date(at).toISOString();
    if (at - run.lastPersist >= persistEveryMs) {
      run.lastPersist = at;
      void this.project.jobs.write().catch(() => undefined); // the final state is written by finish()
    }
    if (at - run.lastEmit >= emitEveryMs || update.done >= update.total) {
      run.lastEmit = at;
      this.emit(id);
    }
  }

  private async finish(id: string, state: JobRecord['state'], outcome: { result?: unknown; error?: JobRecord['error'] } = {}) {
    await this.mutate(id, (record) => {
      record.state = state;
      record.finishedAt = new Date(this.now()).toISOString();
      record.progress.rate = state === 'succeeded' ? record.progress.rate : null;
      record.progress.etaSeconds = state === 'succeeded' ? 0 : null;
      if (outcome.result !== undefined) record.result = outcome.result;
      if (outcome.error !== undefined) record.error = outcome.error;
    });
  }

  private async mutate(id: string, change: (job: JobRecord) => void): Promise<void> {
    await this.project.jobs.update((data) => {
      const job = data.jobs.find((record) => record.id === id);
      if (!job) return;
      change(job as JobRecord);
      job.updatedAt = new Date(this.now()).toISOString();
    });
    this.emit(id);
  }

  private emit(id: string): void {
    const job = this.findOrNull(id);
    if (job) this.onUpdate(structuredClone(job) as JobRecord);
  }

  private find(id: string): JobRecord {
    const job = this.findOrNull(id);
    if (!job) throw new AppFailure('JOB_NOT_FOUND', `No job with id ${id} in this project.`, { id });
    return job;
  }

  private findOrNull(id: string): JobRecord | null {
    return (this.project.jobs.data.jobs.find((job) => job.id === id) as JobRecord | undefined) ?? null;
  }

  private assertWritable(): void {
    if (!this.project.writable) throw new AppFailure('PROJECT_LOCKED', `${this.project.dir} is open read-only; jobs cannot run.`);
  }
}

/** "has succeeded", "is running"…: a job's state in a sentence. */
function stateWords(state: JobRecord['state']): string {
  return ['succeeded', 'failed', 'cancelled'].includes(state) ? `has ${state === 'cancelled' ? 'been cancelled' : state}` : `is ${state}`;
}
