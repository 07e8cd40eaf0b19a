/** What a project folder holds, as the renderer and the CLI see it. */
import { defaultFaceRule, type FaceRule } from '../faces/face-rule';

/** Bumped when a store file's shape changes; src/main/core/projects/migrations.ts upgrades older projects. */
export const currentSchemaVersion = 4;

export interface ProjectSettings {
  /** Likes are labeled from the first snapshot captured at least this many days after posting (FORMATS.md). */
  likesSnapshotMinDays: number;
  /** Two images whose 64-bit dHashes differ in at most this many bits are near-duplicates (reposts). */
  nearDuplicateDistance: number;
  /** The face filter: exactly one face with score ≥ minScore and size ≥ minSize of the shorter side (src/shared/faces). */
  faceRule: FaceRule;
}

export const defaultProjectSettings: ProjectSettings = {
  likesSnapshotMinDays: 7,
  nearDuplicateDistance: 6,
  faceRule: { ...defaultFaceRule },
};

export interface ProjectCounts {
  posts: number;
  /** Images with exactly one face under the project's face rule. */
  faces: number;
  labelSets: number;
  runs: number;
  raters: number;
  jobs: number;
}

export interface ProjectSummary {
  name: string;
  /** Absolute path of the project folder. */
  dir: string;
  schemaVersion: number;
  createdAt: string;
  settings: ProjectSettings;
  counts: ProjectCounts;
  /**
   * Grow whenever posts.json / faces.json are written while the project is open (they restart from 0 when it is
   * reopened). Pages that load these files compare them to skip reloads a change elsewhere (a rule, a label set) set off.
   */
  revisions: { posts: number; faces: number };
  /** False when opened without the project lock (read-only commands such as `selfie-lab info`). */
  writable: boolean;
}

export interface RecentProject {
  name: string;
  dir: string;
  openedAt: string;
}
