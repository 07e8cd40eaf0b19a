/**
 * The exact preprocessing of a backbone for a run (the catalog's, plus what depends on the user's weights for vgg16).
 * Runs anywhere in Node: the main process checks it before a job starts, the ML host before it loads a model.
 */
import { backboneCatalog } from '../../../shared/training/backbones';
import type { BackboneName, Preprocessing } from '../../../shared/training/training-types';
import { checkVgg16Weights } from './backbones/vgg16-weights';

export async function resolvePreprocessing(backbone: BackboneName, weights?: string): Promise<Preprocessing> {
  const base = backboneCatalog[backbone].defaultPreprocessing;
  if (backbone !== 'vgg16') return { ...base, mean: [...base.mean] };
  const check = await checkVgg16Weights(weights);
  return {
    ...base,
    mean: [...base.mean],
    featureDim: check.includesTop ? 4096 : 512,
    featureLayer: check.includesTop ? 'fc2' : 'global average of block5_pool',
    version: `${base.version} · weights ${check.fingerprint}`,
  };
}
