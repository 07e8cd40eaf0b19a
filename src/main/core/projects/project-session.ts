import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ProjectSummary } from '../../../shared/project/project-types';
import { AppFailure } from '../../../shared/result';
import { JsonStore } from '../storage/json-store';
import { ProjectLock } from '../storage/project-lock';
import { jobsJsonSchema, type JobsJson } from '../jobs/jobs-store';
import { migrateProject } from './migrations';
import { facesPathCodec, postsPathCodec } from './project-paths';
import { emptyPostsFile, validatePostsFile, type PostsFile } from '../posts/posts-file';
import { PostTable } from '../posts/post-table';
import {
  emptyFaceOverridesFile,
  emptyFacesFile,
  validateFaceOverridesFile,
  validateFacesFile,
  type FaceOverridesFile,
  type FacesFile,
} from '../faces/faces-file';
import { FaceTable } from '../faces/face-table';
import { countFaces } from '../../../shared/faces/face-rule';
import {
  emptyStores,
  labelSetsJsonSchema,
  newProjectJson,
  projectFolders,
  projectJsonSchema,
  projectPath,
  type ProjectJson,
} from './project-files';

export interface OpenOptions {
  /** Without write access no lock is taken and nothing is written (e.g. `selfie-lab info`). */
  writable: boolean;
  /** Who holds the lock, shown to a second instance. */
  shell: string;
}

/** An open project: its stores, and the lock while it is open for writing. */
export class ProjectSession {
  private constructor(
    readonly dir: string,
    readonly project: JsonStore<ProjectJson>,
    readonly posts: JsonStore<PostsFile>,
    readonly faces: JsonStore<FacesFile>,
    readonly faceOverrides: JsonStore<FaceOverridesFile>,
    readonly labelSets: JsonStore<{ labelSets: Array<{ id: string }> }>,
    readonly jobs: JsonStore<JobsJson>,
    private readonly lock: ProjectLock | null,
  ) {}

  private table: PostTable | null = null;
  private faceIndex: FaceTable | null = null;

  /** The posts, by column (see posts-file.ts). Save changes with `posts.write()`. */
  get postTable(): PostTable {
    if (!this.table || this.table.file !== this.posts.data) this.table = new PostTable(this.posts.data);
    return this.table;
  }

  /** Face detections and overrides (see faces-file.ts). Save with `faces.write()` / `faceOverrides.write()`. */
  get faceTable(): FaceTable {
    if (!this.faceIndex || this.faceIndex.file !== this.faces.data || this.faceIndex.overridesFile !== this.faceOverrides.data) {
      this.faceIndex = new FaceTable(this.faces.data, this.faceOverrides.data);
    }
    return this.faceIndex;
  }

  get writable(): boolean {
    return this.lock !== null;
  }

  /** Creates a project in `dir` (created if missing; must not already hold a project). */
  static async create(dir: string, name: string | undefined, options: OpenOptions): Promise<ProjectSession> {
    const absolute = resolve(dir);
    if (await isProjectFolder(absolute)) {
      throw new AppFailure('PROJECT_EXISTS', `${absolute} already holds a Selfie Lab project; open it instead.`, { dir: absolute });
    }
    try {
      await mkdir(absolute, { recursive: true });
    } catch (error) {
      throw new AppFailure('IO_ERROR', `Cannot create the folder ${absolute}: ${(error as Error).message}`, { dir: absolute });
    }
    const project = await JsonStore.open(projectPath(absolute, 'project'), projectJsonSchema, newProjectJson(name ?? basename(absolute), new Date()));
    await project.write();
    return ProjectSession.open(absolute, options);
  }

  static async open(dir: string, options: OpenOptions): Promise<ProjectSession> {
    const absolute = resolve(dir);
    if (!(await isProjectFolder(absolute))) {
      const reason = (await folderExists(absolute)) ? 'has no project.json' : 'does not exist';
      throw new AppFailure(
        'PROJECT_NOT_FOUND',
        `${absolute} is not a Selfie Lab project (the folder ${reason}). Create one with "selfie-lab init ${absolute}" or from the project picker.`,
        { dir: absolute },
      );
    }
    const lock = options.writable ? await ProjectLock.acquire(absolute, options.shell) : null;
    try {
      const project = await JsonStore.open(projectPath(absolute, 'project'), projectJsonSchema, newProjectJson(basename(absolute), new Date()));
      const migration = await migrateProject(absolute, project.data);
      if (migration.migrated) {
        if (!lock) {
          throw new AppFailure('PROJECT_TOO_NEW', `${absolute} needs an upgrade; open it once for writing (e.g. in the app) first.`, { dir: absolute });
        }
        await project.update((data) => Object.assign(data, migration.project));
      }
      const stores = await Promise.all([
        JsonStore.open(projectPath(absolute, 'posts'), validatePostsFile, emptyPostsFile(), { pretty: false, codec: postsPathCodec(absolute) }),
        JsonStore.open(projectPath(absolute, 'faces'), validateFacesFile, emptyFacesFile(), { pretty: false, codec: facesPathCodec(absolute) }),
        JsonStore.open(projectPath(absolute, 'faceOverrides'), validateFaceOverridesFile, emptyFaceOverridesFile()),
        JsonStore.open(projectPath(absolute, 'labelSets'), labelSetsJsonSchema, emptyStores.labelSets),
        JsonStore.open(projectPath(absolute, 'jobs'), jobsJsonSchema, { jobs: [] }),
      ]);
      const session = new ProjectSession(absolute, project, ...stores, lock);
      if (lock) await session.ensureLayout();
      return session;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.lock?.release();
  }

  async summary(): Promise<ProjectSummary> {
    const data = this.project.data;
    return {
      name: data.name,
      dir: this.dir,
      schemaVersion: data.schemaVersion,
      createdAt: data.createdAt,
      settings: data.settings,
      writable: this.writable,
      revisions: { posts: this.posts.revision, faces: this.faces.revision },
      counts: {
        posts: this.posts.data.columns.id.length,
        faces: this.facesWithOneFace(),
        labelSets: this.labelSets.data.labelSets.length,
        runs: await countEntries(join(this.dir, 'runs'), (name) => !name.startsWith('.')),
        raters: await countEntries(join(this.dir, 'ratings'), (name) => name.endsWith('.json')),
        jobs: this.jobs.data.jobs.length,
      },
    };
  }

  /** Images with exactly one face under the project's rule (what the Faces and Labels pages show). */
  private facesWithOneFace(): number {
    const rule = this.project.data.settings.faceRule;
    let count = 0;
    for (const record of this.faces.data.images) if (countFaces(record, rule) === 1) count++;
    return count;
  }

  /** Writes any store file that does not exist yet and the standard folders. */
  private async ensureLayout(): Promise<void> {
    for (const folder of projectFolders) await mkdir(join(this.dir, folder), { recursive: true });
    for (const store of [this.posts, this.faces, this.faceOverrides, this.labelSets, this.jobs]) {
      if (!(await fileExists(store.file))) await store.write();
    }
  }
}

export async function isProjectFolder(dir: string): Promise<boolean> {
  return fileExists(projectPath(dir, 'project'));
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function folderExists(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function countEntries(dir: string, keep: (name: string) => boolean): Promise<number> {
  try {
    return (await readdir(dir)).filter(keep).length;
  } catch {
    return 0;
  }
}
