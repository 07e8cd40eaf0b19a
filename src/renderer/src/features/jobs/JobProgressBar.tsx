import { fractionDone, type JobRecord } from '../../../../shared/jobs/job-types';

export function JobProgressBar({ job }: { job: JobRecord }) {
  const percent = Math.round(fractionDone(job.progress) * 100);
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
