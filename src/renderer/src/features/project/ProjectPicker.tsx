import type { AppInfo } from '../../../../shared/api/contract';
import type { ProjectSummary } from '../../../../shared/project/project-types';
import { CreateProjectForm } from './CreateProjectForm';
import { OpenProjectForm } from './OpenProjectForm';
import { RecentProjects } from './RecentProjects';

/** Shown when no project is open, or when the user asked to switch projects (then it offers a way back). */
export function ProjectPicker(props: {
  appInfo: AppInfo | null;
  current: ProjectSummary | null;
  onOpened(project: ProjectSummary): void;
  onCancel(): void;
}) {
  return (
    <main className="picker" data-testid="project-picker">
      <div className="picker__intro">
        <h1>{props.current ? 'Switch project' : 'Welcome to Selfie Lab'}</h1>
        <p className="page__lead">
          Replicate and extend the “Deep Learning on Selfies” study: import posts, keep the single-face selfies, label
          them by likes for their audience, train a network, and compare it with your own blind ratings.
        </p>
        {props.current ? (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            ← Back to {props.current.name}
          </button>
        ) : null}
      </div>
      <div className="picker__grid">
        <CreateProjectForm appInfo={props.appInfo} onOpened={props.onOpened} />
        <OpenProjectForm appInfo={props.appInfo} onOpened={props.onOpened} />
        <RecentProjects onOpened={props.onOpened} />
      </div>
    </main>
  );
}
