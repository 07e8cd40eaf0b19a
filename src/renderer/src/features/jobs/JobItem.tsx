import { isActive, isResumable, type JobRecord } from '../../../../shared/jobs/job-types';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { formatCount, formatRate, formatTiming, stateLabels, summarizeResult } from './job-format';
import { JobProgressBar } from './JobProgressBar';

export function JobItem(props: { job: JobRecord; merge(job: JobRecord): void; forget(id: string): void }) {
  const { job, merge, forget } = props;
  const api = useApi();
  const run = useAction();
  const rate = formatRate(job);
  const timing = formatTiming(job);
  const summary = summarizeResult(job);
  // Cancel and resume race the job itself: when it finished meanwhile, show its new state instead of the refusal.
  const change = (action: 'cancel' | 'resume') =>
    void run(async () => {
      try {
        merge(call(await api.jobs[action]({ id: job.id })));
      } catch (thrown) {
        if (ApiError.from(thrown).code !== 'JOB_STATE') throw thrown;
        const listed = call(await api.jobs.list()).find((entry) => entry.id === job.id);
        if (listed) merge(listed);
      }
    });

  return (
    <li className={`job job--${job.state}`} data-testid="job-item" data-job-id={job.id} data-state={job.state}>
      <div className="job__head">
        <span className="job__title" title={job.title}>
          {job.title}
        </span>
        <span className={`job-state job-state--${job.state}`}>{stateLabels[job.state]}</span>
      </div>
      <JobProgressBar job={job} />
      <div className="job__meta">
        <span>{formatCount(job)}</span>
        {rate ? <span>{rate}</span> : null}
        {timing ? <span>{timing}</span> : null}
      </div>
      {job.progress.message && isActive(job) ? <p className="job__message">{job.progress.message}</p> : null}
      {job.error && job.state !== 'succeeded' ? <p className="job__error">{job.error.message}</p> : null}
      {summary ? <p className="job__result">{summary}</p> : null}
      <div className="job__actions">
        {isActive(job) ? (
          <button
            type="button"
            className="button button--small"
            data-testid="job-cancel"
            onClick={() => change('cancel')}
          >
            Cancel
          </button>
        ) : null}
        {isResumable(job) ? (
          <button
            type="button"
            className="button button--small"
            data-testid="job-resume"
            onClick={() => change('resume')}
          >
            Resume
          </button>
        ) : null}
        {!isActive(job) ? (
          <button
            type="button"
            className="button button--small button--quiet"
            data-testid="job-remove"
            onClick={() =>
              void run(async () => {
                call(await api.jobs.remove({ id: job.id }));
                forget(job.id);
              })
            }
          >
            Remove
          </button>
        ) : null}
      </div>
    </li>
  );
}
