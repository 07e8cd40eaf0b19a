import type { RunPredictions } from '../../../shared/training/training-types';
import type { Cell } from './table-writer';

export const predictionExportColumns = ['post_id', 'split', 'label', 'p_good', 'predicted'];

const splitName = (code: number) => ['train', 'val', 'test'][code] ?? 'none';
const labelName = (code: number) => (code === 1 ? 'good' : code === -1 ? 'bad' : 'none');

/** post_id, split (train|val|test|none), label (good|bad|none), p_good (0..1), predicted (good|bad at the run's threshold). */
export function* predictionExportRows(predictions: RunPredictions): Generator<Cell[]> {
  for (let i = 0; i < predictions.postId.length; i++) {
    yield [predictions.postId[i]!, splitName(predictions.split[i]!), labelName(predictions.label[i]!), predictions.pGood[i]!, labelName(predictions.predicted[i]!)];
  }
}
