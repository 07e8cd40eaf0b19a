import type { JobRecord } from '../shared/jobs/job-types';
import { formatDuration, fractionDone } from '../shared/jobs/job-types';
import type { Workbench } from '../main/core/workbench';

/**
 * Runs one job through the workbench and shows its progress on stderr: a bar redrawn in place on a terminal,
 * a line every few seconds otherwise (CI logs). Resolves with the finished job record.
 */
export async function runJobWithProgress(workbench: Workbench, kind: string, params: Record<string, unknown>, quiet: boolean): Promise<JobRecord> {
  const jobs = workbench.requireJobs();
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  let id = '';
  const unsubscribe = workbench.subscribe((event, payload) => {
    if (event !== 'job.updated' || quiet) return;
    const job = payload as JobRecord;
    if (job.id !== id || job.state !== 'running') return;
    const now = Date.now();
    if (tty) process.stderr.write(`\r${describeProgress(job)}\u001b[K`);
    else if (now - lastLine > 5000) {
      lastLine = now;
      process.stderr.write(`${describeProgress(job)}\n`);
    }
  });
  const stop = () => void jobs.cancel(id).catch(() => undefined);
  process.once('SIGINT', stop);
  try {
    id = (await jobs.start(kind, params)).id;
    await jobs.idle();
    return jobs.get(id);
  } finally {
    process.removeListener('SIGINT', stop);
    unsubscribe();
    if (tty && !quiet) process.stderr.write('\r\u001b[K');
  }
}

export function describeProgress(job: JobRecord): string {
  const { progress } = job;
  const fraction = fractionDone(progress);
  const width = 24;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const rate = progress.rate === null ? '' : ` · ${progress.rate.toFixed(1)} ${progress.unit}/s`;
  const eta = progress.etaSeconds === null ? '' : ` · ETA ${formatDuration(progress.etaSeconds)}`;
  const message = progress.message ? ` · ${progress.message}` : '';
  return `${job.title} ${bar} ${(fraction * 100).toFixed(0)}%${rate}${eta}${message}`;
}
