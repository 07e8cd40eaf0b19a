import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { AppFailure } from '../../../shared/result';
import { embeddingMapParams, projectOntoDominantSubspace, seededSample, type EmbeddingMap, type EmbeddingMapParams } from '../../../shared/training/embedding-map';
import { defineJob, type JobContext } from '../jobs/job-definition';
import { LabelSets } from '../labeling/label-sets';
import { writeFileAtomic } from '../storage/atomic-write';
import { embeddingsDir } from './cache-dirs';
import { cachedKeys, readFeatureMatrix } from './embedding-cache';
import { RunsRepository } from './runs-repository';
import { labelSetImages } from './training-data';
import { umapInWorker } from './umap-worker';

export function embeddingMapFile(projectDir: string, runId: string): string {
  return join(new RunsRepository(projectDir).dir(runId), 'embedding-map.json');
}

/** The stored map of a run, or null when none was computed yet. */
export async function readEmbeddingMap(projectDir: string, runId: string): Promise<EmbeddingMap | null> {
  await new RunsRepository(projectDir).get(runId);
  const file = embeddingMapFile(projectDir, runId);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as EmbeddingMap;
  } catch (error) {
    throw new AppFailure('CORRUPT_FILE', `${file} is not valid JSON: ${(error as Error).message}; compute the map again.`, { file });
  }
}

/** The event loop gets a turn between blocks of the projection. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `embeddings.map`: a 2-D UMAP of a run's cached backbone features (one point per predicted post whose features are
 * cached, a seeded sample of `cap` when there are more), stored in runs/<id>/embedding-map.json with each point's
 * split, label and p(good). The features are first projected onto their dominant 50-D subspace here (in blocks, the
 * event loop keeps turning), then UMAP runs in a worker thread. For a fine-tuned run the features are still the
 * frozen backbone's (the cache's), coloured by the fine-tuned model's predictions.
 */
export const embeddingMapJob = defineJob({
  kind: 'embeddings.map',
  lane: 'io',
  unit: 'epochs',
  description: "Embedding map: a seeded 2-D UMAP of a run's cached backbone features (umap-js, in a worker thread), stored in the run folder.",
  params: embeddingMapParams,
  title: (params) => `Embedding map of run ${params.run}`,
  run: (context) => computeEmbeddingMap(context),
});

async function computeEmbeddingMap({ params, signal, progress, project }: JobContext<EmbeddingMapParams>): Promise<Omit<EmbeddingMap, 'postId' | 'split' | 'label' | 'pGood' | 'x' | 'y'> & { points: number }> {
  if (!project.writable) throw new AppFailure('PROJECT_LOCKED', `${project.dir} is open read-only.`);
  const started = Date.now();
  const runs = new RunsRepository(project.dir);
  const run = await runs.get(params.run);
  if (run.status !== 'completed') throw new AppFailure('JOB_STATE', `Run ${run.id} is ${run.status}; only a completed run has predictions to colour a map with.`, { run: run.id });
  const predictions = await runs.predictions(run.id);
  progress({ done: 0, total: 1, message: 'finding cached features' });
  const items = await new LabelSets(project).items(run.labelSet.id);
  const entries = await labelSetImages(project, items, run.backbone);
  const keyOf = new Map(entries.filter((entry) => entry.key !== null).map((entry) => [entry.postId, entry.key!]));
  const featureDir = embeddingsDir(project.dir, run.backbone);
  const cached = await cachedKeys(featureDir);
  const usable = predictions.postId.map((postId, i) => ({ i, key: keyOf.get(postId) })).filter((entry): entry is { i: number; key: string } => entry.key !== undefined && cached.has(entry.key));
  if (usable.length < 3) {
    throw new AppFailure('INVALID_INPUT', `Run ${run.id} has ${usable.length} predicted posts with cached ${run.backbone} features; a map needs at least 3. Compute the embeddings of its label set first.`, { run: run.id });
  }
  const chosen = seededSample(usable.length, params.cap, params.seed).map((index) => usable[index]!);
  const dim = run.preprocessing.featureDim;
  const features = await readFeatureMatrix(featureDir, chosen.map((entry) => entry.key), dim);
  if (signal.aborted) throw new AppFailure('CANCELLED', 'The embedding map was cancelled.');
  const target = params.projectTo > 0 && params.projectTo < dim ? Math.min(params.projectTo, chosen.length) : 0;
  progress({ done: 0, total: 1, message: target ? `projecting ${chosen.length} × ${dim} features onto ${target} dimensions` : 'starting UMAP' });
  const input = target ? await projectOntoDominantSubspace(features, chosen.length, dim, target, { seed: params.seed, pause: yieldToEventLoop }) : features;
  const inputDim = target || dim;
  let total = 1;
  const layout = await umapInWorker(input, chosen.length, inputDim, { nNeighbors: params.nNeighbors, minDist: params.minDist, seed: params.seed }, {
    signal,
    onEpoch: (epoch, epochs) => {
      total = epochs;
      progress({ done: epoch, total: epochs, message: `UMAP of ${chosen.length} posts${chosen.length < usable.length ? ` (a seeded sample of ${usable.length})` : ''}` });
    },
  });
  const map: EmbeddingMap = {
    runId: run.id,
    createdAt: new Date().toISOString(),
    backbone: run.backbone,
    featureDim: dim,
    params,
    available: usable.length,
    umapInputDim: inputDim,
    epochs: layout.epochs,
    seconds: (Date.now() - started) / 1000,
    postId: chosen.map((entry) => predictions.postId[entry.i]!),
    split: chosen.map((entry) => predictions.split[entry.i]!),
    label: chosen.map((entry) => predictions.label[entry.i]!),
    pGood: chosen.map((entry) => predictions.pGood[entry.i]!),
    x: Array.from(layout.x, (value) => Math.round(value * 1e5) / 1e5),
    y: Array.from(layout.y, (value) => Math.round(value * 1e5) / 1e5),
  };
  await writeFileAtomic(embeddingMapFile(project.dir, run.id), JSON.stringify(map));
  progress({ done: total, total });
  const { postId: _p, split: _s, label: _l, pGood: _g, x: _x, y: _y, ...summary } = map;
  return { ...summary, points: map.postId.length };
}
