import type { Population } from './population';

export interface Point {
  x: number;
  y: number;
}

/** Enough to show the cloud's shape while a redraw stays well inside a frame. */
export const maxScatterPoints = 15_000;

/** The posts the scatter draws: an evenly spaced sample in population order, the same for the same population. */
export interface ScatterSample {
  /** [shown] population positions. */
  positions: Uint32Array;
  /** Chart.js points: x = log₁₀(1 + followers), y = log₁₀(1 + likes). Built once; slider steps only regroup them. */
  points: Point[];
  total: number;
}

export function sampleScatter(population: Population, maxPoints = maxScatterPoints): ScatterSample {
  const total = population.n;
  const shown = Math.min(total, maxPoints);
  const positions = new Uint32Array(shown);
  const points: Point[] = new Array<Point>(shown);
  for (let index = 0; index < shown; index++) {
    const position = total > maxPoints ? Math.floor((index * total) / shown) : index;
    positions[index] = position;
    points[index] = { x: population.logFollowers[position]!, y: population.logLikes[position]! };
  }
  return { positions, points, total };
}

export interface ColourGroups {
  good: Point[];
  none: Point[];
  bad: Point[];
}

export function colourGroups(sample: ScatterSample, labels: Int8Array): ColourGroups {
  const groups: ColourGroups = { good: [], none: [], bad: [] };
  const { positions, points } = sample;
  for (let index = 0; index < positions.length; index++) {
    const label = labels[positions[index]!];
    (label === 1 ? groups.good : label === -1 ? groups.bad : groups.none).push(points[index]!);
  }
  return groups;
}
