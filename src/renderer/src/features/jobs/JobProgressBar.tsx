import { fractionDone, type JobRecord } from '../../../../shared/jobs/job-types';

export function JobProgressBar({ job }: { job: JobRecord }) {
  // A succeeded job is done even when it did fewer units than planned (a run that stopped early).
  const percent = job.state === 'succeeded' ? 100 : Math.round(fractionDone(job.progress) * 100);
  return (
    <div
      className={`progress progress--${job.state}`}
      role="progressbar"
      aria-label={`${job.title}: ${percent}%`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="job-progress"
    >
      <div className="progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
