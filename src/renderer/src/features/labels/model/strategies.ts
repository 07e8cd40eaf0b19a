/** The three labeling rules (src/shared/labeling/rules.ts), as the Labels page names and explains them. */
export type Strategy = 'residual' | 'karpathy' | 'ratio';

export const strategies: ReadonlyArray<{ id: Strategy; name: string; definition: string }> = [
  {
    id: 'residual',
    name: 'Residual extremes (the study)',
    definition:
      'Fit log₁₀(1 + likes) on log₁₀(1 + followers) (and the number of hashtags) by least squares; the posts furthest ' +
      'above the line are good, the furthest below bad, the middle none.',
  },
  {
    id: 'karpathy',
    name: 'Karpathy groups (2015 post)',
    definition:
      'Sort by followers, cut into consecutive groups of G posts with similar audiences, and inside each group label ' +
      'the half with more likes good and the half with fewer bad.',
  },
  {
    id: 'ratio',
    name: 'Like ratio',
    definition:
      'Rank by (1 + likes) / (1 + followers): the top share is good and the bottom share bad; a simple baseline ' +
      '(a median split by default).',
  },
];

export function strategyName(strategy: Strategy): string {
  return strategies.find((item) => item.id === strategy)?.name ?? strategy;
}

/** Residual and ratio cut tails of a ranking; Karpathy labels inside groups and has no thresholds. */
export function hasTails(strategy: Strategy): strategy is 'residual' | 'ratio' {
  return strategy !== 'karpathy';
}

/** What the histogram's x axis shows: the residual itself, or log₁₀ of the ratio (the ratio is heavily skewed). */
export function axisValue(strategy: Strategy, score: number): number {
  return strategy === 'ratio' ? Math.log10(score) : score;
}

export function axisTitle(strategy: Strategy): string {
  return strategy === 'ratio' ? 'log₁₀ of (1 + likes) / (1 + followers)' : 'residual of log₁₀(1 + likes), in decades';
}
