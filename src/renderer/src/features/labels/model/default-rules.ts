import { ratioRule, karpathyRule, residualRule } from '../../../../../shared/labeling/rules';
import { defaultEditorState, defaultTails } from './editor-state';
import type { Population } from './population';
import type { Strategy } from './strategies';

export type DefaultLabels = { labels: Int8Array; note: string } | { error: string };

const cache = new WeakMap<Population, Map<Strategy, DefaultLabels>>();

/**
 * Each rule at its defaults (residual 10%/10% with hashtags, Karpathy G = 100, ratio 50%/50%), computed once per
 * population: the reference the truth panel and the comparison offer.
 */
export function defaultLabels(population: Population, strategy: Strategy): DefaultLabels {
  let perPopulation = cache.get(population);
  if (!perPopulation) cache.set(population, (perPopulation = new Map()));
  const known = perPopulation.get(strategy);
  if (known) return known;
  const computed = compute(population, strategy);
  perPopulation.set(strategy, computed);
  return computed;
}

export function defaultNote(strategy: Strategy): string {
  if (strategy === 'karpathy') return `G = ${defaultEditorState.groupSize}`;
  const { top, bottom } = defaultTails[strategy];
  return `${top * 100}% / ${bottom * 100}%${strategy === 'residual' ? ', hashtags on' : ''}`;
}

function compute(population: Population, strategy: Strategy): DefaultLabels {
  if (population.n < 3) return { error: 'too few posts' };
  const note = defaultNote(strategy);
  try {
    if (strategy === 'karpathy') return { labels: karpathyRule(population.input, { groupSize: defaultEditorState.groupSize }).labels, note };
    if (strategy === 'ratio') return { labels: ratioRule(population.input, defaultTails.ratio).labels, note };
    try {
      return { labels: residualRule(population.input, { ...defaultTails.residual, hashtags: true }).labels, note };
    } catch {
      // Hashtags without variation in this population: the study's fit on followers alone.
      return { labels: residualRule(population.input, { ...defaultTails.residual, hashtags: false }).labels, note: `${note.replace(', hashtags on', '')}, hashtags off` };
    }
  } catch (thrown) {
    return { error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}
