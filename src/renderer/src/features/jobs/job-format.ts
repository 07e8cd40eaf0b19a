import { formatDuration, isActive, type JobRecord } from '../../../../shared/jobs/job-types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1,200 / 3,000 iterations" */
export function formatCount(job: JobRecord): string {
  const { done, total, unit } = job.progress;
  return total > 0 ? `${integer.format(done)} / ${integer.format(total)} ${unit}` : `${integer.format(done)} ${unit}`;
}

/** "123.4 iterations/s", or null before the rate is known. */
export function formatRate(job: JobRecord): string | null {
  const { rate, unit } = job.progress;
  return rate === null ? null : `${oneDecimal.format(rate)} ${unit}/s`;
}

/** "ETA 12 s" while active; "took 4 min 05 s" once finished. */
export function formatTiming(job: JobRecord): string | null {
  if (isActive(job)) {
    return job.progress.etaSeconds === null ? null : `ETA ${formatDuration(job.progress.etaSeconds)}`;
  }
  if (!job.startedAt || !job.finishedAt) return null;
  const seconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
  return Number.isFinite(seconds) ? `took ${formatDuration(seconds)}` : null;
}

export const stateLabels: Record<JobRecord['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** One line describing a succeeded job's result, e.g. "12.3 GFLOP/s on wasm" for a benchmark. */
export function summarizeResult(job: JobRecord): string | null {
  if (job.state !== 'succeeded' || typeof job.result !== 'object' || job.result === null) return null;
  const result = job.result as Record<string, unknown>;
  if (job.kind === 'ml.benchmark' && typeof result['gflops'] === 'number') {
    const backend = typeof result['backend'] === 'string' ? result['backend'] : 'this backend';
    const perIteration =
      typeof result['msPerIteration'] === 'number' ? ` · ${result['msPerIteration'].toFixed(2)} ms per product` : '';
    return `${oneDecimal.format(result['gflops'])} GFLOP/s on ${backend}${perIteration}`;
  }
  if (job.kind === 'train' && result['stoppedEarly'] === true && typeof result['epochsDone'] === 'number') {
    const patience = typeof job.params['patience'] === 'number' ? ` (patience ${job.params['patience']})` : '';
    return `stopped early at epoch ${result['epochsDone']}${patience}`;
  }
  return typeof result['summary'] === 'string' ? result['summary'] : null;
}
