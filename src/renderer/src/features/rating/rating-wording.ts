import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { RaterSummary, RatingSplit } from '../../../../shared/rating/rating-types';

/** "(1 skipped)", "(all skipped)" when every answer was a skip, "" when none was. */
export function skippedText(done: number, skipped: number): string {
  if (skipped <= 0) return '';
  return done > 0 && skipped >= done ? '(all skipped)' : `(${skipped} skipped)`;
}

/** "Zoë answered 5 of 5 pairs (all skipped)". */
export function answeredText(rater: string, done: number, total: number, skipped: number, unit: 'image' | 'pair'): string {
  const skips = skippedText(done, skipped);
  return `${rater} answered ${done} of ${total} ${total === 1 ? unit : `${unit}s`}${skips ? ` ${skips}` : ''}.`;
}

/** Raters by name as people read names (case and accents folded), ids breaking ties. */
export function sortRaters(raters: readonly RaterSummary[]): RaterSummary[] {
  return [...raters].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

/** Why a session cannot be created from this choice, in words for the form; null when it can. */
export function createSessionBlocker(set: LabelSetSummary | undefined, split: RatingSplit, rater: string | null): string | null {
  if (!set) return 'Choose a label set first.';
  const counts = set.splits[split];
  if (counts.good === 0 && counts.bad === 0) return `The ${split} split of ${set.name} has no labeled images: choose another split.`;
  if (counts.good === 0) return `The ${split} split has no good images, so no sample can compare good with bad: choose another split.`;
  if (counts.bad === 0) return `The ${split} split has no bad images, so no sample can compare good with bad: choose another split.`;
  if (!rater) return 'Pick or add a rater first (under "Who is rating?"): the session opens for them.';
  return null;
}
