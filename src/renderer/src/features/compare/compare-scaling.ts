import type { AgreementReport, Confusion2 } from '../../../../shared/rating/agreement-statistics';

/** Images counted in a 2×2 agreement table. */
export const matrixN = (counts: Confusion2) => counts.bothGood + counts.bothBad + counts.aGoodBBad + counts.aBadBGood;

/**
 * Rater pairs that judged at least one image in common: with 15 raters there are 105 pairs, most of them (raters of
 * different sessions) with n = 0, which say nothing and would fill the page.
 */
export function pairsWithImages(pairs: AgreementReport['pairs']): AgreementReport['pairs'] {
  return pairs.filter((pair) => pair.kappa.n > 0);
}
