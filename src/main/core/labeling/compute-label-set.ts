import { scoreAgainstTruth } from '../../../shared/labeling/agreement';
import { resolvedTails, type LabelRuleParams, type LabelSetItems, type LabelSetSummary } from '../../../shared/labeling/label-set';
import type { LinearFit } from '../../../shared/labeling/regression';
import { countLabels, karpathyRule, ratioRule, residualRule, type RuleResult } from '../../../shared/labeling/rules';
import { splitByOwner } from '../../../shared/labeling/split';
import type { LabelPopulation } from './label-population';

export function applyRule(population: LabelPopulation, params: LabelRuleParams): RuleResult {
  const input = { ids: population.ids, likes: population.likes, followers: population.followers, hashtags: population.hashtags };
  const tails = resolvedTails(params);
  switch (params.strategy) {
    case 'residual':
      return residualRule(input, { ...tails, hashtags: params.hashtags });
    case 'ratio':
      return ratioRule(input, tails);
    case 'karpathy':
      return karpathyRule(input, { groupSize: params.groupSize });
  }
}

/** Labels, scores and splits for a population, with the summary a label set stores. */
export function computeLabelSet(
  population: LabelPopulation,
  params: LabelRuleParams,
): { items: LabelSetItems; summary: Omit<LabelSetSummary, 'id' | 'name' | 'version' | 'createdAt' | 'minDays'> } {
  const result = population.ids.length >= 3 ? applyRule(population, params) : { labels: new Int8Array(population.ids.length), scores: new Float64Array(population.ids.length) };
  const train = Math.max(0, 1 - params.val - params.test);
  const splits = splitByOwner({
    owners: population.owners,
    duplicateOf: population.duplicateOf,
    include: Array.from(result.labels, (label) => label !== 0),
    fractions: { train, val: params.val, test: params.test },
    seed: params.seed,
  });
  const counts = countLabels(result.labels);
  const perSplit = { train: { good: 0, bad: 0 }, val: { good: 0, bad: 0 }, test: { good: 0, bad: 0 } };
  const names = ['train', 'val', 'test'] as const;
  result.labels.forEach((label, i) => {
    const split = splits[i]!;
    if (label === 0 || split < 0) return;
    perSplit[names[split]!][label === 1 ? 'good' : 'bad']++;
  });
  const hasTruth = population.quality.some((q) => Number.isFinite(q));
  const fit: LinearFit | null = 'fit' in result && result.fit ? result.fit : null;
  return {
    items: {
      postId: population.ids,
      ownerId: population.owners,
      label: Array.from(result.labels),
      score: Array.from(result.scores, (score) => (Number.isFinite(score) ? score : null)),
      split: Array.from(splits),
    },
    summary: {
      params,
      population: population.ids.length,
      ...counts,
      splits: perSplit,
      fit,
      truth: hasTruth ? scoreAgainstTruth(result.labels, population.quality) : null,
      excluded: population.excluded,
    },
  };
}
