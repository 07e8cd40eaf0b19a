import { useEffect, useRef } from 'react';
import { Spinner } from '../../components/Spinner';
import { JobItem } from './JobItem';
import type { JobsState } from './use-jobs';

/** The header's toggle opens and closes the tray itself; a press on it is not a press "outside". */
const toggleSelector = '[data-testid="job-tray-toggle"]';

/** The bottom-right panel listing the project's jobs, newest first. Escape or a press outside closes it. */
export function JobTray(props: { jobs: JobsState; onClose(): void }) {
  const { jobs, activeCount, loading, error, merge, forget } = props.jobs;
  const tray = useRef<HTMLElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (!target || !target.isConnected || tray.current?.contains(target) || target.closest(toggleSelector)) return;
      onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Another open layer (a drawer, a dialog) handles its own Escape first.
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [onClose]);

  return (
    <aside className="job-tray" data-testid="job-tray" aria-label="Jobs" ref={tray}>
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
