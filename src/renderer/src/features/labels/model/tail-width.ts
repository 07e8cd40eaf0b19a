import { scoreAgainstTruth } from '../../../../../shared/labeling/agreement';
import { countLabels, cutTails, type RankedScores } from '../../../../../shared/labeling/rules';
import type { Population } from './population';

/** The tail widths the trade-off chart sweeps: 5%, 10%, … 50% on each side. */
export const tailWidths = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

export interface TailWidthPoint {
  width: number;
  /** Posts labeled good or bad with both tails this wide. */
  labeled: number;
  /** Against the simulated truth, or null without one. */
  accuracy: number | null;
}

/** One point of the study's trade-off: wider tails give more training data, but labels nearer the middle are noisier. */
export function tailWidthPoint(population: Population, ranked: RankedScores, width: number): TailWidthPoint {
  const labels = cutTails(ranked, width, width);
  const { good, bad } = countLabels(labels);
  const accuracy = population.hasTruth ? scoreAgainstTruth(labels, population.quality, population.medianQuality).accuracy : null;
  return { width, labeled: good + bad, accuracy };
}
