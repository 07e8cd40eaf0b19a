import { AppFailure } from '../../../shared/result';
import { embeddingsParams } from '../../../shared/training/training-types';
import { defineJob } from '../jobs/job-definition';
import { LabelSets } from '../labeling/label-sets';
import type { LabelSetItems } from '../../../shared/labeling/label-set';
import type { ProjectSession } from '../projects/project-session';
import { ensureEmbeddings, type EmbeddingsReport } from './embeddings';
import { resolvePreprocessing } from './preprocessing';
import { labelSetImages } from './training-data';

/** Every post of the project as a label-set-like list (label 0, no split), for embeddings without a label set. */
function allPosts(project: ProjectSession): LabelSetItems {
  const ids = project.postTable.file.columns.id;
  return { postId: [...ids], ownerId: ids.map(() => null), label: ids.map(() => 0), score: ids.map(() => null), split: ids.map(() => -1) };
}

/**
 * Backbone features of every post's first image into cache/embeddings/<backbone>/ (the posts of a label set, or all).
 * Resumable by construction: cached images are skipped.
 */
export const embeddingsJob = defineJob({
  kind: 'embeddings.compute',
  lane: 'ml',
  unit: 'images',
  description: 'Compute backbone features (MobileNetV2, VGG-16 or the face descriptor) of every post\'s first image into the project\'s cache, in the ML host.',
  params: embeddingsParams,
  title: (params) => `Compute ${params.backbone} features${params.labelSet ? ` (${params.labelSet})` : ''}`,
  run: async ({ params, signal, progress, project, ml }): Promise<EmbeddingsReport> => {
    if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only.`);
    const preprocessing = await resolvePreprocessing(params.backbone, params.weights);
    const items = params.labelSet ? await new LabelSets(project).items(new LabelSets(project).find(params.labelSet).id) : allPosts(project);
    const entries = await labelSetImages(project, items, params.backbone, { labeledOnly: params.labeledOnly });
    progress({ done: 0, total: entries.length, message: `loading ${params.backbone}` });
    return ensureEmbeddings(entries, {
      ml,
      projectDir: project.dir,
      preprocessing,
      ...(params.weights ? { weights: params.weights } : {}),
      batch: params.batch,
      signal,
      onProgress: (done, total, message) => progress({ done, total, message }),
    });
  },
});
