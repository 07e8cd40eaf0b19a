import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/result';
import type { Workbench } from '../workbench';
import { jobDefinitions } from '../jobs/kinds';

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** One handler per contract method. Handlers throw AppFailure; the dispatcher turns that into data. */
export function createHandlers(workbench: Workbench): Handlers {
  return {
    'app.info': async () => workbench.appInfo(),
    'ml.backend': async () => {
      const info = await workbench.ml.backend();
      return info;
    },

    'project.current': async () => workbench.projectSummary(),
    'project.create': async ({ dir, name }) => workbench.createProject(dir, name),
    'project.open': async ({ dir }) => workbench.openProject(dir),
    'project.close': async () => {
      await workbench.closeProject();
      return null;
    },
    'project.recent': async () => workbench.recentProjects(),
    'project.forgetRecent': async ({ dir }) => workbench.forgetRecent(dir),

    'dialog.pickFolder': async (input) => {
      const pick = workbench.options.services?.pickFolder;
      if (!pick) {
        throw new AppFailure('UNSUPPORTED', 'Folder dialogs exist only in the desktop app; type the folder path instead.');
      }
      return pick(input);
    },

    'jobs.kinds': async () =>
      jobDefinitions.map((definition) => ({
        kind: definition.kind,
        title: definition.title(definition.params.parse({})),
        description: definition.description,
        needsProject: true,
      })),
    'jobs.list': async () => workbench.requireJobs().list(),
    'jobs.start': async ({ kind, params }) => workbench.requireJobs().start(kind, params),
    'jobs.cancel': async ({ id }) => workbench.requireJobs().cancel(id),
    'jobs.resume': async ({ id }) => workbench.requireJobs().resume(id),
    'jobs.remove': async ({ id }) => {
      await workbench.requireJobs().remove(id);
      return null;
    },
  };
}
