import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/project/project-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { useErrors } from '../../app/error-context';

/**
 * The open project's summary, kept current by the 'project.changed' event.
 * undefined while the first answer is pending; null when no project is open.
 */
export function useProject() {
  const api = useApi();
  const { report } = useErrors();
  const reconnects = useReconnectCount();
  const [project, setProject] = useState<ProjectSummary | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.on('project.changed', (summary) => setProject(summary));
    void api.project.current().then((result) => {
      if (!live) return;
      if (result.ok) {
        setProject(result.value);
      } else {
        report(new ApiError(result.error));
        setProject((previous) => previous ?? null);
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, report, reconnects]);

  return { project, setProject };
}
