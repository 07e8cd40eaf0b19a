import type { ReactNode } from 'react';
import { isActive, isResumable, type JobRecord } from '../../../../shared/jobs/job-types';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { formatCount, formatRate, formatTiming, stateLabels } from '../jobs/job-format';

/** One step of an import (reading sources, analysing images): live progress while it runs, then its result. */
export function JobStep(props: { title: string; job: JobRecord; testId: string; children?: ReactNode }) {
  const { job } = props;
  const details = [formatCount(job), formatRate(job), formatTiming(job)].filter(Boolean).join(' · ');
  return (
    <div className="job-step" data-testid={props.testId} data-state={job.state}>
      <div className="job-step__header">
        <h3 className="job-step__title">{props.title}</h3>
        <span className={`pill pill--small pill--${job.state}`}>{stateLabels[job.state]}</span>
        <span className="muted job-step__details">{details}</span>
      </div>
      {isActive(job) ? (
        <>
          <JobProgressBar job={job} />
          {job.progress.message ? <p className="muted job-step__message">{job.progress.message}</p> : null}
        </>
      ) : null}
      {job.state === 'failed' && job.error ? (
        <p className="job-step__error" role="alert">
          <code>{job.error.code}</code> {job.error.message}
        </p>
      ) : null}
      {isResumable(job) ? <p className="muted">Resume it from the Jobs tray; it continues where it stopped.</p> : null}
      {job.state === 'succeeded' ? props.children : null}
    </div>
  );
}
