import type { LabelSetItems } from '../../../shared/labeling/label-set';
import type { Cell } from './table-writer';

export const labelExportColumns = ['post_id', 'owner_id', 'label', 'score', 'split'];

const splitName = (code: number) => ['train', 'val', 'test'][code] ?? 'none';
const labelName = (code: number) => (code === 1 ? 'good' : code === -1 ? 'bad' : 'none');

/** post_id, owner_id, label (good|bad|none), score (residual, group rank or ratio), split (train|val|test|none). */
export function* labelExportRows(items: LabelSetItems): Generator<Cell[]> {
  for (let i = 0; i < items.postId.length; i++) {
    yield [items.postId[i]!, items.ownerId[i] ?? null, labelName(items.label[i]!), items.score[i] ?? null, splitName(items.split[i]!)];
  }
}
