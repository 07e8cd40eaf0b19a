import { useEffect, useState } from 'react';
import type { ProjectSummary, RecentProject } from '../../../../shared/project/project-types';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { Spinner } from '../../components/Spinner';

const openedFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function RecentProjects(props: { onOpened(project: ProjectSummary): void }) {
  const api = useApi();
  const run = useAction();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void api.project.recent().then((result) => {
      if (!live) return;
      if (result.ok) setRecent(result.value);
      else setError(new ApiError(result.error));
    });
    return () => {
      live = false;
    };
  }, [api]);

  const open = (dir: string) =>
    void run(async () => {
      props.onOpened(call(await api.project.open({ dir })));
    });
  const forget = (dir: string) =>
    void run(async () => {
      setRecent(call(await api.project.forgetRecent({ dir })));
    });

  return (
    <section className="card picker-card recent" aria-labelledby="recent-projects-title">
      <h2 id="recent-projects-title" className="card__title">
        Recent projects
      </h2>
      {error ? <p className="muted">Could not read the recent projects: {error.message}</p> : null}
      {!error && recent === null ? <Spinner label="Loading recent projects…" /> : null}
      {recent?.length === 0 ? <p className="muted">None yet. Projects you create or open appear here.</p> : null}
      {recent && recent.length > 0 ? (
        <ul className="recent__list">
          {recent.map((project) => (
            <li key={project.dir} className="recent__item" data-testid="recent-project">
              <button type="button" className="recent__open" title={`Open ${project.dir}`} onClick={() => open(project.dir)}>
                <span className="recent__name">{project.name}</span>
                <span className="recent__dir">{project.dir}</span>
                <span className="recent__date">opened {formatOpened(project.openedAt)}</span>
              </button>
              <button
                type="button"
                className="icon-button recent__forget"
                aria-label={`Forget ${project.name}`}
                title="Remove from this list (the folder stays on disk)"
                data-testid="recent-project-forget"
                onClick={() => forget(project.dir)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function formatOpened(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : openedFormat.format(date);
}
