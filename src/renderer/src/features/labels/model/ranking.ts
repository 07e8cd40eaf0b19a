import { karpathyRule, ratioScores, residualScores, type RankedScores, type RuleResult } from '../../../../../shared/labeling/rules';
import { binScores, type HistogramBins } from './histogram-bins';
import type { Population } from './population';
import { axisValue, type Strategy } from './strategies';

/**
 * The expensive part of a rule, done once per population and strategy (and hashtags on/off, or group size):
 * the fit and the sorted orders. Thresholds then only cut these orders.
 */
export type Ranking =
  | { kind: 'tails'; strategy: 'residual' | 'ratio'; ranked: RankedScores; bins: HistogramBins; ms: number }
  | { kind: 'groups'; strategy: 'karpathy'; result: RuleResult; ms: number }
  | { kind: 'failed'; strategy: Strategy; message: string };

export function rankPopulation(population: Population, strategy: Strategy, options: { hashtags: boolean; groupSize: number }): Ranking {
  const started = performance.now();
  try {
    if (strategy === 'karpathy') {
      const result = karpathyRule(population.input, { groupSize: options.groupSize });
      return { kind: 'groups', strategy, result, ms: performance.now() - started };
    }
    const ranked = strategy === 'residual' ? residualScores(population.input, options.hashtags) : ratioScores(population.input);
    const bins = binScores(ranked, (score) => axisValue(strategy, score));
    return { kind: 'tails', strategy, ranked, bins, ms: performance.now() - started };
  } catch (thrown) {
    // FitError: e.g. every post has the same number of hashtags, so that predictor cannot be fitted.
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const hint = strategy === 'residual' && options.hashtags && /predictor 2|collinear/.test(message) ? ' Turn hashtags off for this population.' : '';
    return { kind: 'failed', strategy, message: `The ${strategy} rule cannot be computed: ${message}.${hint}` };
  }
}

/** The fitted line over the scatter: the residual rule's fit with hashtags held at their mean, or null. */
export function fittedLine(ranking: Ranking, population: Population): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  if (ranking.kind !== 'tails' || !ranking.ranked.fit || population.n === 0) return null;
  const { intercept, coefficients } = ranking.ranked.fit;
  const offset = intercept + (coefficients[1] ?? 0) * population.meanHashtags;
  let low = Infinity;
  let high = -Infinity;
  for (const x of population.logFollowers) {
    if (x < low) low = x;
    if (x > high) high = x;
  }
  const at = (x: number) => ({ x, y: offset + coefficients[0]! * x });
  return { from: at(low), to: at(high) };
}
