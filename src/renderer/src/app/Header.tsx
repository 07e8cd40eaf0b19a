import type { ProjectSummary } from '../../../shared/project/project-types';
import { BackendBadge } from '../features/backend/BackendBadge';
import type { BackendState } from '../features/backend/use-backend';
import { ConnectionIndicator } from './ConnectionIndicator';

export function Header(props: {
  project: ProjectSummary | null;
  backend: BackendState;
  onBenchmark: (() => Promise<void>) | null;
  activeJobs: number;
  trayOpen: boolean;
  onToggleTray(): void;
  onSwitchProject(): void;
  onCloseProject(): void;
}) {
  const { project } = props;
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          ◐
        </span>
        <span className="app-header__name">Selfie Lab</span>
      </div>
      {project ? (
        <div className="app-header__project">
          <span className="app-header__divider" aria-hidden="true">
            /
          </span>
          <span className="app-header__project-name" data-testid="header-project-name" title={project.dir}>
            {project.name}
          </span>
          {!project.writable ? <span className="pill pill--small">read-only</span> : null}
        </div>
      ) : null}
      <div className="app-header__spacer" />
      <ConnectionIndicator />
      <BackendBadge backend={props.backend} onBenchmark={props.onBenchmark} />
      {project ? (
        <>
          <button
            type="button"
            className={props.trayOpen ? 'button button--toggle button--pressed' : 'button button--toggle'}
            data-testid="job-tray-toggle"
            aria-pressed={props.trayOpen}
            aria-label={`Jobs, ${props.activeJobs} active`}
            onClick={props.onToggleTray}
          >
            Jobs
            <span className={props.activeJobs > 0 ? 'count count--active' : 'count'}>{props.activeJobs}</span>
          </button>
          <button type="button" className="button" data-testid="switch-project" onClick={props.onSwitchProject}>
            Switch project
          </button>
          <button type="button" className="button button--quiet" data-testid="close-project" onClick={props.onCloseProject}>
            Close project
          </button>
        </>
      ) : null}
    </header>
  );
}
