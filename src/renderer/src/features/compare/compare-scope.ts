import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CompareTable, RatingSplit } from '../../../../shared/rating/rating-types';
import { plural } from '../../components/plural';

/** The split the Compare page asks for: one of the label set's splits, or every rated image ('all'). */
export type SplitChoice = RatingSplit | 'all';

/**
 * Held-out images are where a model is fairly compared: the test split when the label set has one. Without it, every
 * rated image ('all'): val alone would be the split the run picked its best epoch on, so it flatters the model too.
 */
export function defaultCompareSplit(set: Pick<LabelSetSummary, 'splits'> | undefined): SplitChoice {
  const test = set?.splits.test;
  return test && test.good + test.bad > 0 ? 'test' : 'all';
}

/** What a split choice means for the model's figures, in one sentence (null when there is nothing to warn about). */
export function splitCaution(split: SplitChoice): string | null {
  if (split === 'val') return "The model's best epoch was chosen on the val split, so its accuracy here is optimistic.";
  if (split === 'train') return 'The model was trained on these images: its accuracy here says little about new images.';
  if (split === 'all') return 'All splits together: the model trained on the train images and picked its best epoch on val, so its figures lean optimistic; the test split alone is the fair comparison.';
  return null;
}

/** "val split · session “Week 1” · 12 images": what the statistics below were computed over. */
export function scopeText(scope: CompareTable['scope'], sessionName: string | null, images: number): string {
  const split = scope.split ? `${scope.split} split` : 'all splits';
  const session = scope.session ? `session “${sessionName ?? scope.session}”` : 'all sessions';
  return `${split} · ${session} · ${plural(images, 'image')}`;
}
