import { join } from 'node:path';
import { z } from 'zod';
import { carouselRules, defaultFaceRule } from '../../../shared/faces/face-rule';
import { currentSchemaVersion, defaultProjectSettings } from '../../../shared/project/project-types';

/**
 * A project is a folder. Files are split by how often they change, so a click never rewrites 100 MB (DESIGN.md):
 *   project.json    settings, schema version
 *   posts.json      posts and like snapshots
 *   faces.json      face detections per image (src/main/core/faces/faces-file.ts)
 *   face-overrides.json  keep/drop decisions per post (small: it changes with every click)
 *   labelsets.json  saved label sets
 *   jobs.json       job records (progress, checkpoints) for resume after a crash
 *   runs/<id>/      training runs
 *   ratings/<rater>.json
 *   cache/          thumbnails, embeddings (.f32)
 *   images/         images copied into the project
 */
export const projectFile = {
  project: 'project.json',
  posts: 'posts.json',
  faces: 'faces.json',
  faceOverrides: 'face-overrides.json',
  labelSets: 'labelsets.json',
  jobs: 'jobs.json',
} as const;

export const projectFolders = ['runs', 'ratings', 'cache', 'images'] as const;

export function projectPath(dir: string, file: keyof typeof projectFile): string {
  return join(dir, projectFile[file]);
}

export const faceRuleSchema = z.object({
  minScore: z.number().min(0).max(1).default(defaultFaceRule.minScore),
  minSize: z.number().min(0).max(1).default(defaultFaceRule.minSize),
  carousel: z.enum(carouselRules).default(defaultFaceRule.carousel),
});

export const projectSettingsSchema = z.object({
  likesSnapshotMinDays: z.number().int().min(0).max(365).default(defaultProjectSettings.likesSnapshotMinDays),
  nearDuplicateDistance: z.number().int().min(0).max(32).default(defaultProjectSettings.nearDuplicateDistance),
  faceRule: faceRuleSchema.default({ ...defaultFaceRule }),
});

export const projectJsonSchema = z.object({
  schemaVersion: z.number().int().min(0),
  name: z.string().min(1),
  createdAt: z.string(),
  settings: projectSettingsSchema.default(defaultProjectSettings),
});
export type ProjectJson = z.infer<typeof projectJsonSchema>;

/** Later issues give these their full record schemas; unknown fields are kept, not stripped. */
export const labelSetsJsonSchema = z.looseObject({ labelSets: z.array(z.looseObject({ id: z.string() })) });

export const emptyStores = {
  labelSets: { labelSets: [] },
};

export function newProjectJson(name: string, now: Date): ProjectJson {
  return { schemaVersion: currentSchemaVersion, name, createdAt: now.toISOString(), settings: structuredClone(defaultProjectSettings) };
}
