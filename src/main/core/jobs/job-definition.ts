import type { z } from 'zod';
import type { JobRecord } from '../../../shared/jobs/job-types';
import type { MlHost } from '../ml/ml-host';
import type { ProjectSession } from '../projects/project-session';

export interface ProgressUpdate {
  done: number;
  total: number;
  message?: string;
  /** Plain JSON from which a resumed run continues; persisted with the job (at most about once a second). */
  checkpoint?: unknown;
}

export interface JobContext<Params> {
  /** The job's id (e.g. to record which job made a training run). */
  jobId: string;
  params: Params;
  /** The last checkpoint saved by an earlier run of this job, or undefined on a fresh start. */
  checkpoint: unknown;
  /** Aborted when the user cancels or the app closes; jobs stop at the next safe point. */
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  project: ProjectSession;
  ml: MlHost;
  /**
   * Queues a follow-up job. It runs after this one when both share a lane; `after` makes it wait for another job
   * of any lane, and fail (saying why) if that one does not succeed.
   */
  enqueue(kind: string, params: Record<string, unknown>, options?: { after?: string }): Promise<JobRecord>;
  /** Whether this version has a job of that kind. */
  canRun(kind: string): boolean;
}

/** A kind of long work. Jobs of one lane run one at a time (e.g. everything that needs the ML host). */
export interface JobDefinition<Params = unknown> {
  kind: string;
  lane: 'ml' | 'io';
  description: string;
  unit: string;
  params: z.ZodType<Params>;
  title(params: Params): string;
  run(context: JobContext<Params>): Promise<unknown>;
}

export function defineJob<Params>(definition: JobDefinition<Params>): JobDefinition<Params> {
  return definition;
}
