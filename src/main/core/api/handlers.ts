import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/result';
import type { Workbench } from '../workbench';
import { jobDefinitions } from '../jobs/kinds';
import { postColumns, postDetail, postRows, postsSummary } from '../posts/post-queries';
import { thumbnailsFor } from '../images/thumbnails';
import { faceColumns, faceImageView, faceImageViewById, facesSummary, setFaceOverride } from '../faces/face-queries';
import { trainCapabilities } from '../training/capabilities';
import { RunsRepository } from '../training/runs-repository';
import { getRun, listRuns, removeRun, runEvaluation } from '../training/runs-service';
import { runSlicesOf } from '../training/run-slices';
import { SweepsRepository } from '../training/sweeps-repository';
import { readEmbeddingMap } from '../training/embedding-map.job';

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

function titleWithDefaults(definition: (typeof jobDefinitions)[number]): string {
  const defaults = definition.params.safeParse({});
  return defaults.success ? definition.title(defaults.data) : definition.description.split(':')[0]!;
}

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
    'project.updateSettings': async (changes) => workbench.updateSettings(changes),

    'posts.summary': async () => {
      const project = workbench.requireProject();
      return postsSummary(project.postTable, project.project.data.settings.likesSnapshotMinDays);
    },
    'posts.columns': async () => {
      const project = workbench.requireProject();
      return postColumns(project.postTable, project.project.data.settings.likesSnapshotMinDays);
    },
    'posts.rows': async ({ rows }) => {
      const project = workbench.requireProject();
      return postRows(project.postTable, rows, project.project.data.settings.likesSnapshotMinDays);
    },
    'posts.get': async ({ id }) => {
      const project = workbench.requireProject();
      return postDetail(project.postTable, id, project.project.data.settings.likesSnapshotMinDays);
    },
    'posts.thumbnails': async ({ rows, image }) => {
      const project = workbench.requireProject();
      return thumbnailsFor(project, rows, image ?? 0);
    },
    'posts.thumbnailsById': async ({ ids }) => {
      const project = workbench.requireProject();
      const table = project.postTable;
      const rows = ids.map((id) => table.rowOf(id) ?? Number.MAX_SAFE_INTEGER);
      return thumbnailsFor(project, rows, 0);
    },

    'labels.population': async (filters) => workbench.requireLabels().population(filters),
    'labels.save': async ({ name, params }) => {
      const summary = await workbench.requireLabels().save(name, params);
      await workbench.announceProjectChange();
      return summary;
    },
    'labels.list': async () => workbench.requireLabels().sets.list(),
    'labels.get': async ({ id }) => workbench.requireLabels().get(id),
    'labels.rename': async ({ id, name }) => workbench.requireLabels().sets.rename(id, name),
    'labels.remove': async ({ id }) => {
      await workbench.requireLabels().sets.remove(id);
      await workbench.announceProjectChange();
      return null;
    },
    'labels.compare': async ({ a, b }) => workbench.requireLabels().compare(a, b),

    'faces.summary': async () => facesSummary(workbench.requireProject()),
    'faces.columns': async () => faceColumns(workbench.requireProject()),
    'faces.image': async ({ postId, imageIndex }) => faceImageViewById(workbench.requireProject(), postId, imageIndex),
    'faces.images': async ({ items }) => {
      const project = workbench.requireProject();
      return items.map(({ row, imageIndex }) => faceImageView(project, row, imageIndex));
    },
    'faces.setRule': async (changes) => {
      const project = workbench.requireProject();
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      await workbench.updateSettings({ faceRule: { ...project.project.data.settings.faceRule, ...defined } });
      return facesSummary(project);
    },
    'faces.setOverride': async ({ postId, override }) => setFaceOverride(workbench.requireProject(), postId, override),

    'train.capabilities': async (input) => trainCapabilities(await workbench.ml.backend(), input?.weights),
    'runs.list': async () => listRuns(workbench.requireProject().dir, workbench.requireJobs().list()),
    'runs.get': async ({ id }) => getRun(workbench.requireProject().dir, id, workbench.requireJobs().list()),
    'runs.predictions': async ({ id }) => new RunsRepository(workbench.requireProject().dir).predictions(id),
    'runs.evaluation': async ({ id, threshold, bins }) => runEvaluation(workbench.requireProject().dir, id, { ...(threshold === undefined ? {} : { threshold }), ...(bins === undefined ? {} : { bins }) }),
    'runs.slices': async ({ id, threshold }) => runSlicesOf(workbench.requireProject(), id, threshold),
    'runs.sweeps': async () => new SweepsRepository(workbench.requireProject().dir).list(),
    'runs.embeddingMap': async ({ id }) => readEmbeddingMap(workbench.requireProject().dir, id),
    'runs.remove': async ({ id }) => {
      await removeRun(workbench.requireProject().dir, id, workbench.requireJobs().list());
      await workbench.announceProjectChange();
      return null;
    },

    'raters.list': async () => (await workbench.requireRatings()).listRaters(),
    'raters.create': async ({ name }) => {
      const rater = await (await workbench.requireRatings()).createRater(name);
      await workbench.announceProjectChange();
      workbench.events.emit('ratings.changed', { session: null, rater: rater.id });
      return rater;
    },
    'raters.rename': async ({ rater, name }) => {
      const renamed = await (await workbench.requireRatings()).renameRater(rater, name);
      workbench.events.emit('ratings.changed', { session: null, rater });
      return renamed;
    },
    'raters.remove': async ({ rater }) => {
      await (await workbench.requireRatings()).removeRater(rater);
      await workbench.announceProjectChange();
      workbench.events.emit('ratings.changed', { session: null, rater });
      return null;
    },
    'ratings.sessions': async () => (await workbench.requireRatings()).listSessions(),
    'ratings.createSession': async (input) => {
      const session = await (await workbench.requireRatings()).createSession(input);
      workbench.events.emit('ratings.changed', { session: session.id, rater: null });
      return session;
    },
    'ratings.removeSession': async ({ session }) => {
      await (await workbench.requireRatings()).removeSession(session);
      workbench.events.emit('ratings.changed', { session, rater: null });
      return null;
    },
    'ratings.next': async ({ session, rater }) => (await workbench.requireRatings()).next(session, rater),
    'ratings.image': async ({ postId, maxSize }) => (await workbench.requireRatings()).image(postId, maxSize),
    'ratings.rate': async ({ session, rater, postId, rating, ms }) => {
      const step = await (await workbench.requireRatings()).rate(session, rater, postId, rating, ms);
      workbench.events.emit('ratings.changed', { session, rater });
      return step;
    },
    'ratings.judge': async ({ session, rater, left, right, winner, ms }) => {
      const step = await (await workbench.requireRatings()).judge(session, rater, left, right, winner, ms);
      workbench.events.emit('ratings.changed', { session, rater });
      return step;
    },
    'ratings.undo': async ({ session, rater }) => {
      const step = await (await workbench.requireRatings()).undo(session, rater);
      workbench.events.emit('ratings.changed', { session, rater });
      return step;
    },
    'ratings.compare': async (input) => (await workbench.requireRatings()).compare(input ?? {}),
    'ratings.ranking': async ({ session }) => (await workbench.requireRatings()).ranking(session),

    'dialog.pickFolder': async (input) => {
      const pick = workbench.options.services?.pickFolder;
      if (!pick) {
        throw new AppFailure('UNSUPPORTED', 'Folder dialogs exist only in the desktop app; type the folder path instead.');
      }
      return pick(input);
    },
    'dialog.pickFile': async (input) => {
      const pick = workbench.options.services?.pickFile;
      if (!pick) throw new AppFailure('UNSUPPORTED', 'File dialogs exist only in the desktop app; type the file path instead.');
      return pick(input);
    },

    'jobs.kinds': async () =>
      jobDefinitions.map((definition) => ({
        kind: definition.kind,
        // Kinds with required parameters (train needs a label set) are titled by their description's first clause.
        title: titleWithDefaults(definition),
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
