import { useEffect, useMemo, useState } from 'react';
import { countLabels, cutTails, type LabelCounts } from '../../../../../shared/labeling/rules';
import type { Tails } from './editor-state';
import { countPerBin, type BinClassCounts } from './histogram-bins';
import type { Population } from './population';
import { rankPopulation, type Ranking } from './ranking';
import { sampleScatter, type ScatterSample } from './scatter-sample';
import type { Strategy } from './strategies';

/** Everything one slider step produces, kept together so views never mix one population's labels with another's. */
export interface Labeling {
  population: Population;
  ranking: Ranking;
  tails: Tails;
  /** [n] int8: 1 good, -1 bad, 0 none. */
  labels: Int8Array;
  counts: LabelCounts;
  perBin: BinClassCounts | null;
  sample: ScatterSample;
  /** How long this step's recompute took (cut, count per class and per bin), in ms: the page's own frame-budget meter. */
  stepMs: number;
}

/**
 * The live labeling: the ranking is memoised per population/strategy/hashtags/group size; a threshold change only
 * re-cuts it (O(n)) and recounts; the charts recolour from the new labels when they draw.
 */
export function useLabeling(
  population: Population,
  rule: { strategy: Strategy; hashtags: boolean; groupSize: number },
  tails: Tails,
): { labeling: Labeling | null; failure: string | null } {
  const { strategy, hashtags, groupSize } = rule;
  const rankedHashtags = strategy === 'residual' ? hashtags : false;
  const rankedGroupSize = strategy === 'karpathy' ? groupSize : 0;
  const ranking = useMemo(
    () => (population.n >= 3 ? rankPopulation(population, strategy, { hashtags: rankedHashtags, groupSize: rankedGroupSize }) : null),
    [population, strategy, rankedHashtags, rankedGroupSize],
  );
  const sample = useMemo(() => sampleScatter(population), [population]);
  const { top, bottom } = tails;
  const labeling = useMemo(() => {
    if (!ranking || ranking.kind === 'failed') return null;
    const started = performance.now();
    const labels = ranking.kind === 'tails' ? cutTails(ranking.ranked, top, bottom) : ranking.result.labels;
    const counts = countLabels(labels);
    const perBin = ranking.kind === 'tails' ? countPerBin(ranking.bins, labels) : null;
    const stepMs = performance.now() - started;
    return { population, ranking, tails: { top, bottom }, labels, counts, perBin, sample, stepMs };
  }, [population, ranking, sample, top, bottom]);
  return { labeling, failure: ranking?.kind === 'failed' ? ranking.message : null };
}

/**
 * A value that follows `value` once it has stopped changing for `delayMs` and nothing holds it (a drag in
 * progress): the heavier views (split, truth, examples, comparisons) follow the release, not every step.
 */
export function useSettled<T>(value: T, hold: boolean, delayMs = 120): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (hold || Object.is(settled, value)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, hold, settled, delayMs]);
  return settled;
}
