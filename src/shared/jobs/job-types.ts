/** Long work (imports, face detection, training...) runs as jobs: persisted, observable, cancellable, resumable. */

export const jobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobState = (typeof jobStates)[number];

/** States from which a job can be resumed from its last checkpoint. */
export const resumableStates: readonly JobState[] = ['failed', 'cancelled', 'interrupted'];
export const activeStates: readonly JobState[] = ['queued', 'running'];

export interface JobProgress {
  done: number;
  total: number;
  /** What "done" counts, e.g. "images", "iterations". */
  unit: string;
  /** Units per second over the recent window; null until two samples exist. */
  rate: number | null;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
  /** Short status line, e.g. "matmul 256×256". */
  message?: string;
}

export interface JobRecord {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  params: Record<string, unknown>;
  progress: JobProgress;
  /** Job-specific state from which a resumed run continues (plain JSON). */
  checkpoint?: unknown;
  result?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** How many times the job was resumed. */
  resumes: number;
}

export function isActive(job: Pick<JobRecord, 'state'>): boolean {
  return activeStates.includes(job.state);
}

export function isResumable(job: Pick<JobRecord, 'state'>): boolean {
  return resumableStates.includes(job.state);
}

/** A (time, done) observation used to estimate the rate. */
export interface ProgressSample {
  /** milliseconds */
  at: number;
  done: number;
}

/**
 * Rate in units/second over a sliding window of samples (the last `windowMs` ms, at least two samples),
 * so one slow item does not swing the ETA and a stall shows up within the window.
 */
export function estimateRate(samples: readonly ProgressSample[], windowMs = 10_000): number | null {
  if (samples.length < 2) return null;
  const last = samples[samples.length - 1]!;
  let first = samples[0]!;
  for (const sample of samples) {
    if (last.at - sample.at <= windowMs) {
      first = sample;
      break;
    }
  }
  if (first === last) first = samples[samples.length - 2]!;
  const elapsedMs = last.at - first.at;
  if (elapsedMs <= 0) return null;
  return ((last.done - first.done) * 1000) / elapsedMs;
}

export function estimateEtaSeconds(done: number, total: number, rate: number | null): number | null {
  if (rate === null || rate <= 0 || total <= 0) return null;
  return Math.max(0, (total - done) / rate);
}

/** "3 s", "4 min 05 s", "2 h 07 min" */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export function fractionDone(progress: Pick<JobProgress, 'done' | 'total'>): number {
  if (progress.total <= 0) return 0;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}
