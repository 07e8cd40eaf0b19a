import { useCallback, useState } from 'react';
import type { ProjectSummary } from '../../shared/project/project-types';
import { useApi } from './api/api-context';
import { call } from './api/api-error';
import { useAction, useErrors } from './app/error-context';
import { ErrorBanner } from './app/ErrorBanner';
import { Header } from './app/Header';
import { useAppInfo } from './app/use-app-info';
import { Workspace } from './app/Workspace';
import { Spinner } from './components/Spinner';
import { useBackend } from './features/backend/use-backend';
import { JobTray } from './features/jobs/JobTray';
import { useJobs } from './features/jobs/use-jobs';
import { ProjectPicker } from './features/project/ProjectPicker';
import { useProject } from './features/project/use-project';

/** Benchmark size offered from the backend popover: long enough for a stable GFLOP/s figure, short enough to wait for. */
const benchmarkParams = { iterations: 3000, size: 256 };

export function App() {
  const api = useApi();
  const run = useAction();
  const { dismiss } = useErrors();
  const appInfo = useAppInfo();
  const backend = useBackend();
  const { project, setProject } = useProject();
  const [pickerOpen, setPickerOpen] = useState(false);
  const [trayOpen, setTrayOpen] = useState(false);
  const openTray = useCallback(() => setTrayOpen(true), []);
  const jobs = useJobs(project?.dir ?? null, openTray);

  const opened = (summary: ProjectSummary) => {
    setProject(summary);
    setPickerOpen(false);
    dismiss();
  };
  const closeProject = () =>
    void run(async () => {
      call(await api.project.close());
      setProject(null);
      setTrayOpen(false);
    });
  const startBenchmark = async () => {
    await run(async () => {
      jobs.merge(call(await api.jobs.start({ kind: 'ml.benchmark', params: benchmarkParams })));
      setTrayOpen(true);
    });
  };

  if (project === undefined) {
    return (
      <div className="splash">
        <Spinner label="Opening Selfie Lab…" />
        <ErrorBanner />
      </div>
    );
  }

  const showPicker = project === null || pickerOpen;
  return (
    <div className="app">
      <Header
        project={project}
        backend={backend}
        onBenchmark={project ? startBenchmark : null}
        activeJobs={jobs.activeCount}
        trayOpen={trayOpen}
        onToggleTray={() => setTrayOpen((open) => !open)}
        onSwitchProject={() => setPickerOpen(true)}
        onCloseProject={closeProject}
      />
      <ErrorBanner />
      {showPicker ? (
        <ProjectPicker appInfo={appInfo} current={project} onOpened={opened} onCancel={() => {
            dismiss();
            setPickerOpen(false);
          }} />
      ) : (
        <Workspace project={project} backend={backend} />
      )}
      {project && trayOpen ? <JobTray jobs={jobs} onClose={() => setTrayOpen(false)} /> : null}
    </div>
  );
}
