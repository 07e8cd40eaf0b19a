import type { ComponentType } from 'react';
import type { ProjectSummary } from '../../../shared/project/project-types';
import type { BackendState } from '../features/backend/use-backend';
import { ComparePage } from '../features/compare/ComparePage';
import { DatasetPage } from '../features/dataset/DatasetPage';
import { FacesPage } from '../features/faces/FacesPage';
import { LabelsPage } from '../features/labels/LabelsPage';
import { RatingPage } from '../features/rating/RatingPage';
import { TrainingPage } from '../features/training/TrainingPage';
import { Navigation } from './Navigation';
import { ProjectFooter } from './ProjectFooter';
import type { PageProps } from './page-props';
import type { PageId } from './routes';
import { useHashRoute, usePageShortcuts } from './use-hash-route';

const pageComponents: Record<PageId, ComponentType<PageProps>> = {
  dataset: DatasetPage,
  faces: FacesPage,
  labels: LabelsPage,
  train: TrainingPage,
  rate: RatingPage,
  compare: ComparePage,
};

/** The open project: sidebar navigation and the current page. */
export function Workspace(props: { project: ProjectSummary; backend: BackendState }) {
  const [page, navigate] = useHashRoute();
  usePageShortcuts(navigate);
  const CurrentPage = pageComponents[page];
  return (
    <div className="workspace">
      <Navigation current={page} footer={<ProjectFooter project={props.project} />} />
      <main className="workspace__main">
        <CurrentPage project={props.project} backend={props.backend} navigate={navigate} />
      </main>
    </div>
  );
}
