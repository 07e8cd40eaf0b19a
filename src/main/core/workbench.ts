import { homedir } from 'node:os';
import type { AppInfo, EventName, MethodName, Shell } from '../../shared/api/contract';
import type { BackendName } from '../../shared/ml/backend';
import type { ProjectSettings, ProjectSummary, RecentProject } from '../../shared/project/project-types';
import { AppFailure, type Result } from '../../shared/result';
import { dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { EventBus } from './events';
import { JobRunner } from './jobs/job-runner';
import { jobDefinitions } from './jobs/kinds';
import { MlHost } from './ml/ml-host';
import { isProjectFolder, ProjectSession } from './projects/project-session';
import { defaultDemoDir } from './demo/demo-pipeline';
import { LabelService } from './labeling/label-service';
import { facePassOf } from './labeling/face-pass';
import { RecentProjects } from './projects/recent-projects';
import { RatingService } from './rating/rating-service';
import { appVersion } from './version';

/** Platform seams a shell may provide (the Electron shell gives native dialogs; others answer UNSUPPORTED). */
export interface ShellServices {
  pickFolder?: (options: { title?: string; purpose: 'open' | 'create' | 'import' }) => Promise<string | null>;
  pickFile?: (options: { title?: string; filters?: Array<{ name: string; extensions: string[] }> }) => Promise<string | null>;
}

export interface WorkbenchOptions {
  shell: Shell;
  /** Per-user settings (recent projects): Electron's userData, or ~/.config/selfie-lab. */
  configDir: string;
  /** Force one TensorFlow.js backend. */
  backend?: BackendName;
  services?: ShellServices;
  /** Share an ML host (tests); otherwise the workbench starts its own on first use. */
  mlHost?: MlHost;
}

/**
 * The composition root of the core (DESIGN.md): wires projects, jobs, the ML host and the API handlers.
 * Knows nothing of Electron, HTTP or the DOM; every shell talks to it through dispatch() and the event bus.
 */
export class Workbench {
  readonly events = new EventBus();
  readonly ml: MlHost;
  private session: ProjectSession | null = null;
  private runner: JobRunner | null = null;
  /** Ratings of the open project: one service per project session, so each rater's writes stay queued in order. */
  private ratings: { session: ProjectSession; service: Promise<RatingService> } | null = null;
  private readonly handlers = createHandlers(this);
  private readonly ownsMlHost: boolean;

  private constructor(
    readonly options: WorkbenchOptions,
    private readonly recent: RecentProjects,
  ) {
    this.ml = options.mlHost ?? new MlHost(options.backend ? { backend: options.backend } : {});
    this.ownsMlHost = options.mlHost === undefined;
  }

  static async create(options: WorkbenchOptions): Promise<Workbench> {
    return new Workbench(options, await RecentProjects.open(options.configDir));
  }

  /** Validates and runs one API call; never throws. */
  dispatch(method: MethodName | string, input: unknown): Promise<Result<unknown>> {
    return dispatch(this.handlers, method, input);
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    return this.events.subscribe(listener);
  }

  appInfo(): AppInfo {
    return {
      name: 'Selfie Lab',
      version: appVersion,
      shell: this.options.shell,
      nativeDialogs: this.options.services?.pickFolder !== undefined,
      platform: process.platform,
      homeDir: homedir(),
    };
  }

  get project(): ProjectSession | null {
    return this.session;
  }

  requireProject(): ProjectSession {
    if (!this.session) throw new AppFailure('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.session;
  }

  requireJobs(): JobRunner {
    this.requireProject();
    return this.runner!;
  }

  /** Labeling for the open project; the face rule's verdicts are read at each call (they change with the rule). */
  requireLabels(): LabelService {
    const session = this.requireProject();
    return new LabelService(session, () => facePassOf(session));
  }

  /** Rating sessions, raters and the three-way comparison for the open project. */
  requireRatings(): Promise<RatingService> {
    const session = this.requireProject();
    if (this.ratings?.session !== session) {
      const service = RatingService.open(session, () => this.requireLabels());
      // A damaged sessions file must not stick: the next call tries again (after the user fixed it).
      service.catch(() => {
        if (this.ratings?.service === service) this.ratings = null;
      });
      this.ratings = { session, service };
    }
    return this.ratings.service;
  }

  async createProject(dir: string, name?: string): Promise<ProjectSummary> {
    const session = await ProjectSession.create(dir, name, { writable: true, shell: this.options.shell });
    return this.adopt(session);
  }

  async openProject(dir: string, options: { writable?: boolean } = {}): Promise<ProjectSummary> {
    const session = await ProjectSession.open(dir, { writable: options.writable ?? true, shell: this.options.shell });
    return this.adopt(session);
  }

  /**
   * First start (no project open, none opened before): open the demo project, creating it in the background
   * (a `demo.prepare` job, then the pipeline's jobs) if it does not exist yet. Returns null when not first start.
   */
  async openDemoIfFirstStart(): Promise<ProjectSummary | null> {
    if (this.session || this.recent.list().length > 0) return null;
    const dir = defaultDemoDir();
    if (await isProjectFolder(dir)) return this.openProject(dir);
    const summary = await this.createProject(dir, 'Selfie Lab demo');
    await this.requireJobs().start('demo.prepare', {});
    return summary;
  }

  async closeProject(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.runner?.close();
    this.runner = null;
    this.session = null;
    this.ratings = null;
    await session.close();
    this.events.emit('project.changed', null);
  }

  async projectSummary(): Promise<ProjectSummary | null> {
    return this.session ? this.session.summary() : null;
  }

  async updateSettings(changes: Partial<ProjectSettings>): Promise<ProjectSummary> {
    const session = this.requireProject();
    if (!session.writable) throw new AppFailure('PROJECT_LOCKED', `${session.dir} is open read-only.`);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    await session.project.update((data) => Object.assign(data.settings, defined));
    const summary = await session.summary();
    this.events.emit('project.changed', summary);
    return summary;
  }

  /** Tells every shell the project's contents changed (after a job wrote to it). */
  async announceProjectChange(): Promise<void> {
    const summary = await this.projectSummary();
    if (summary) this.events.emit('project.changed', summary);
  }

  recentProjects(): RecentProject[] {
    return this.recent.list();
  }

  forgetRecent(dir: string): Promise<RecentProject[]> {
    return this.recent.forget(dir);
  }

  /** Closes the project (running jobs become "interrupted") and stops the ML host. */
  async dispose(): Promise<void> {
    await this.closeProject();
    if (this.ownsMlHost) await this.ml.dispose();
  }

  private async adopt(session: ProjectSession): Promise<ProjectSummary> {
    await this.closeProject();
    this.session = session;
    this.runner = new JobRunner(session, this.ml, jobDefinitions, (job) => {
      this.events.emit('job.updated', job);
      // Jobs that change the posts (import, image analysis) change what every page shows.
      if (job.state === 'succeeded' && ['import', 'images.analyze', 'faces.detect', 'labels.create', 'train'].includes(job.kind)) void this.announceProjectChange();
    });
    await this.runner.recoverInterrupted();
    const summary = await session.summary();
    if (session.writable) await this.recent.touch({ name: summary.name, dir: summary.dir });
    this.events.emit('project.changed', summary);
    return summary;
  }
}
