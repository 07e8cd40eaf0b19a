import type { ProjectSummary } from '../../../shared/project/project-types';
import type { BackendState } from '../features/backend/use-backend';
import type { PageId } from './routes';

/** What every workspace page receives. */
export interface PageProps {
  project: ProjectSummary;
  backend: BackendState;
  navigate(page: PageId): void;
}
