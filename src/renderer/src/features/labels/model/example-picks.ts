import type { Labeling } from './use-labeling';

export type Band = 'top' | 'middle' | 'bottom';

/**
 * A few posts from each band (good, none, bad), evenly spaced along the ranking inside the band, so the strips show
 * the band's range and change as its threshold moves. Karpathy has no global ranking: population order instead.
 */
export function pickExamples(labeling: Labeling, perBand: number): Record<Band, number[]> {
  const { ranking, labels } = labeling;
  const n = labels.length;
  const descending = ranking.kind === 'tails' ? ranking.ranked.descending : null;
  const ascending = ranking.kind === 'tails' ? ranking.ranked.ascending : null;
  const collect = (label: number, order: Uint32Array | null) => {
    const found: number[] = [];
    for (let i = 0; i < n; i++) {
      const position = order ? order[i]! : i;
      if (labels[position] === label) found.push(position);
    }
    return found;
  };
  return {
    top: evenly(collect(1, descending), perBand),
    middle: evenly(collect(0, descending), perBand),
    bottom: evenly(collect(-1, ascending), perBand),
  };
}

function evenly(positions: number[], count: number): number[] {
  if (positions.length <= count) return positions;
  return Array.from({ length: count }, (_, i) => positions[Math.floor(((i + 0.5) * positions.length) / count)]!);
}
