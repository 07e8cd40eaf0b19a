import { postStatuses } from '../../../shared/faces/face-columns';
import { faceColumns } from '../faces/face-queries';
import type { ProjectSession } from '../projects/project-session';
import type { FacePass } from './label-population';

/**
 * The face rule's verdict per post row for the label step: pass (or kept by an override) → true, fail (or dropped)
 * → false, not detected yet → null. Null overall when no image of the project was ever run through the detector.
 */
export function facePassOf(project: ProjectSession): FacePass | null {
  const columns = faceColumns(project);
  if (!columns.status.some((status) => status !== 0)) return null;
  const statuses = postStatuses(columns, project.project.data.settings.faceRule);
  return (row) => {
    const status = statuses[row];
    return status === 'pass' ? true : status === 'fail' ? false : null;
  };
}
