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
  /** The axes' ranges over the whole population (not just the sample), padded a little. */
  xRange: [number, number];
  yRange: [number, number];
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
  return { positions, points, total, xRange: paddedRange(population.logFollowers), yRange: paddedRange(population.logLikes) };
}

function paddedRange(values: Float64Array): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low)) return [0, 1];
  const pad = Math.max(0.05, (high - low) * 0.03);
  return [Math.max(0, low - pad), high + pad];
}
