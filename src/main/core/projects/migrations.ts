import { currentSchemaVersion } from '../../../shared/project/project-types';
import { AppFailure } from '../../../shared/result';
import type { ProjectJson } from './project-files';

/**
 * Upgrades for projects written by older versions: migrations[v] turns a version-v project into v+1.
 * Each is given the project folder so it can rewrite the store files it concerns.
 */
export type Migration = (projectDir: string, project: ProjectJson) => Promise<ProjectJson>;

export const migrations: Record<number, Migration> = {
  // Version 0 (the first prototype) stored no settings object.
  0: async (_dir, project) => ({ ...project, schemaVersion: 1 }),
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
