import { Spinner } from '../../components/Spinner';
import { JobItem } from './JobItem';
import type { JobsState } from './use-jobs';

/** The bottom-right panel listing the project's jobs, newest first. */
export function JobTray(props: { jobs: JobsState; onClose(): void }) {
  const { jobs, activeCount, loading, error, merge, forget } = props.jobs;
  return (
    <aside className="job-tray" data-testid="job-tray" aria-label="Jobs">
      <header className="job-tray__header">
        <h2 className="job-tray__title">
          Jobs
          <span className="muted">{activeCount > 0 ? ` · ${activeCount} active` : ''}</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Hide jobs" onClick={props.onClose}>
          ▾
        </button>
      </header>
      <div className="job-tray__body">
        {error ? <p className="job-tray__error">Could not list jobs: {error.message}</p> : null}
        {loading && jobs.length === 0 ? <Spinner label="Loading jobs…" /> : null}
        {!loading && !error && jobs.length === 0 ? (
          <p className="job-tray__empty">
            No jobs yet. Long work (imports, face detection, training) runs here, with progress, cancel and resume.
            Try the benchmark in the backend badge.
          </p>
        ) : null}
        <ul className="job-list">
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} merge={merge} forget={forget} />
          ))}
        </ul>
      </div>
    </aside>
  );
}
