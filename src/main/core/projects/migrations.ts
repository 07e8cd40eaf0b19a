import { readFile } from 'node:fs/promises';
import { currentSchemaVersion } from '../../../shared/project/project-types';
import { AppFailure } from '../../../shared/result';
import { emptyPostsFile } from '../posts/posts-file';
import { emptyFacesFile } from '../faces/faces-file';
import { writeFileAtomic } from '../storage/atomic-write';
import { projectPath, type ProjectJson } from './project-files';

/**
 * Upgrades for projects written by older versions: migrations[v] turns a version-v project into v+1.
 * Each is given the project folder so it can rewrite the store files it concerns.
 */
export type Migration = (projectDir: string, project: ProjectJson) => Promise<ProjectJson>;

export const migrations: Record<number, Migration> = {
  // Version 0 (the first prototype) stored no settings object.
  0: async (_dir, project) => ({ ...project, schemaVersion: 1 }),
  // Version 1 stored posts as {"posts": [...]} objects; version 2 stores them by column (posts-file.ts).
  // No version-1 project could hold posts (import arrived with version 2), so only the empty table converts.
  1: async (dir, project) => {
    const file = projectPath(dir, 'posts');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      const old = JSON.parse(text) as { posts?: unknown[] };
      if (Array.isArray(old.posts)) {
        if (old.posts.length > 0) {
          throw new AppFailure('INVALID_FILE', `${file} holds ${old.posts.length} posts in the version-1 format, which cannot be converted.`, { file });
        }
        await writeFileAtomic(file, JSON.stringify(emptyPostsFile()), { keepBackup: true });
      }
    }
    return { ...project, schemaVersion: 2 };
  },
  // Version 2 held a placeholder faces.json, {"images": []}, that nothing wrote to; version 3 stores detection
  // records (faces-file.ts). Only the empty placeholder converts; the rule settings get their defaults on read.
  2: async (dir, project) => {
    const file = projectPath(dir, 'faces');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      let old: { format?: unknown; images?: unknown[] };
      try {
        old = JSON.parse(text) as typeof old;
      } catch (error) {
        throw new AppFailure('CORRUPT_FILE', `${file} is not valid JSON: ${(error as Error).message}.`, { file });
      }
      if (old.format === undefined && Array.isArray(old.images)) {
        if (old.images.length > 0) {
          throw new AppFailure('INVALID_FILE', `${file} holds ${old.images.length} records in the version-2 placeholder format, which cannot be converted.`, { file });
        }
        await writeFileAtomic(file, JSON.stringify(emptyFacesFile()), { keepBackup: true });
      }
    }
    return { ...project, schemaVersion: 3 };
  },
  // Version 4 stores paths inside the project folder relative to it (project-paths.ts), so folders can move. Reading
  // absolute paths still works, so nothing is rewritten here; the files convert on their next write. The version
  // goes up so that older versions, which would read the relative paths as missing files, refuse the project.
  3: async (_dir, project) => ({ ...project, schemaVersion: 4 }),
};

export async function migrateProject(
  projectDir: string,
  project: ProjectJson,
  table: Record<number, Migration> = migrations,
  target: number = currentSchemaVersion,
): Promise<{ project: ProjectJson; migrated: boolean }> {
  if (project.schemaVersion > target) {
    throw new AppFailure(
      'PROJECT_TOO_NEW',
      `${projectDir} was written by a newer Selfie Lab (project schema ${project.schemaVersion}; this version reads up to ${target}). Update Selfie Lab to open it.`,
      { dir: projectDir, schemaVersion: project.schemaVersion, supported: target },
    );
  }
  let current = project;
  while (current.schemaVersion < target) {
    const step = table[current.schemaVersion];
    if (!step) {
      throw new AppFailure('INVALID_FILE', `No migration from project schema ${current.schemaVersion}.`, { dir: projectDir });
    }
    current = await step(projectDir, current);
  }
  return { project: current, migrated: current !== project };
}
