import { UnionFind } from '../union-find';

/**
 * Bradley–Terry strengths from pairwise judgments (issue #8, pairwise rating sessions): P(i beats j) = γᵢ / (γᵢ + γⱼ).
 * Tested against scipy.optimize on the same penalised likelihood (test/fixtures/rating/reference_statistics.py).
 */

export interface BradleyTerryResult {
  items: string[];
  /** Log-strength θᵢ = log γᵢ, mean 0; θᵢ − θⱼ is the log-odds that i beats j. Items never compared: 0. */
  strength: number[];
  wins: number[];
  /** Real judgments each item took part in (the prior's pseudo-comparisons not counted). */
  comparisons: number[];
  iterations: number;
  converged: boolean;
}

export interface BradleyTerryOptions {
  /**
   * Pseudo-comparisons per item against a virtual average item (strength 1, log-strength 0), half won and half lost,
   * so an unbeaten or never-winning item gets a finite strength instead of ±∞. Must be positive; default 1.
   */
  prior?: number;
  /** Default 10 000. */
  maxIterations?: number;
  /** Stop when no log-strength moves more than this in an iteration; default 1e-10. */
  tolerance?: number;
}

/**
 * Maximises the penalised log-likelihood
 *   Σ_judgments log(γ_w / (γ_w + γ_l)) + Σᵢ prior · [½ log(γᵢ / (γᵢ + 1)) + ½ log(1 / (γᵢ + 1))]
 * by the MM algorithm (Hunter 2004, Annals of Statistics 32:384): each iteration sets every item at once to
 *   γᵢ ← (Wᵢ + prior/2) / (Σⱼ nᵢⱼ / (γᵢ + γⱼ) + prior / (γᵢ + 1)),
 * with Wᵢ its wins and nᵢⱼ the judgments between i and j; the likelihood rises every step, and the prior makes it
 * strictly concave in θ = log γ, so the maximum is unique and finite. MM alone crawls along one direction: moving a
 * whole connected group of items together changes only the weak prior term (rate ≈ 1 − prior / judgments). So after
 * each MM step every group also takes its best common shift (a one-dimensional Newton solve), which can only raise
 * the likelihood too and removes that slow mode. The virtual item fixes the scale; afterwards the
 * compared items are shifted to mean log-strength 0 (differences are all the model identifies), and items never
 * compared, whose maximum is exactly θ = 0, stay at 0, so the overall mean is 0 too.
 */
export function bradleyTerry(
  items: readonly string[],
  judgments: ReadonlyArray<{ winner: string; loser: string }>,
  options: BradleyTerryOptions = {},
): BradleyTerryResult {
  const prior = options.prior ?? 1;
  const maxIterations = options.maxIterations ?? 10_000;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(prior > 0 && Number.isFinite(prior))) throw new Error(`bradleyTerry: prior must be a positive number, not ${prior}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 0)) throw new Error(`bradleyTerry: maxIterations must be a whole number ≥ 0, not ${maxIterations}`);
  if (!(tolerance > 0)) throw new Error(`bradleyTerry: tolerance must be positive, not ${tolerance}`);

  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item)) throw new Error(`bradleyTerry: item "${item}" is listed twice`);
    index.set(item, i);
  });
  const count = items.length;
  const wins = new Array<number>(count).fill(0);
  const comparisons = new Array<number>(count).fill(0);
  // Judgments per unordered pair, keyed i * count + j with i < j.
  const pairCounts = new Map<number, number>();
  judgments.forEach(({ winner, loser }, k) => {
    const w = index.get(winner);
    const l = index.get(loser);
    if (w === undefined) throw new Error(`bradleyTerry: judgments[${k}].winner "${winner}" is not among the items`);
    if (l === undefined) throw new Error(`bradleyTerry: judgments[${k}].loser "${loser}" is not among the items`);
    if (w === l) throw new Error(`bradleyTerry: judgments[${k}] has "${winner}" beating itself`);
    wins[w]!++;
    comparisons[w]!++;
    comparisons[l]!++;
    const key = Math.min(w, l) * count + Math.max(w, l);
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
  });
  const pairs = Array.from(pairCounts, ([key, n]) => ({ i: Math.floor(key / count), j: key % count, n }));
  const groups = connectedGroups(count, pairs);

  let gamma = new Array<number>(count).fill(1);
  const denominator = new Array<number>(count);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < count; i++) denominator[i] = prior / (gamma[i]! + 1);
    for (const { i, j, n } of pairs) {
      const share = n / (gamma[i]! + gamma[j]!);
      denominator[i]! += share;
      denominator[j]! += share;
    }
    const next = gamma.map((_, i) => Math.log((wins[i]! + prior / 2) / denominator[i]!));
    for (const group of groups) shiftToBestCommonLevel(next, group);
    let largestStep = 0;
    next.forEach((value, i) => (largestStep = Math.max(largestStep, Math.abs(value - Math.log(gamma[i]!)))));
    gamma = next.map(Math.exp);
    if (largestStep < tolerance) {
      converged = true;
      break;
    }
  }

  const compared = comparisons.map((c) => c > 0);
  const logs = gamma.map(Math.log);
  const comparedCount = compared.filter(Boolean).length;
  const mean = comparedCount === 0 ? 0 : logs.reduce((sum, value, i) => (compared[i] ? sum + value : sum), 0) / comparedCount;
  return {
    items: [...items],
    strength: logs.map((value, i) => (compared[i] ? value - mean : 0)),
    wins,
    comparisons,
    iterations,
    converged,
  };
}

/** Items joined by judgments, as lists of indices (an item never compared is a group of its own). */
function connectedGroups(count: number, pairs: ReadonlyArray<{ i: number; j: number }>): number[][] {
  const sets = new UnionFind(count);
  for (const { i, j } of pairs) sets.union(i, j);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = sets.find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

/**
 * Adds to the log-strengths θ of one group the c that maximises the prior term Σ prior · (½(θᵢ + c) − log(1 + e^(θᵢ+c)))
 * (the judgments within the group do not change with c): Newton on Σ (½ − σ(θᵢ + c)) = 0, in which the prior cancels;
 * steps capped at 1 because the function is concave but flat far out.
 */
function shiftToBestCommonLevel(theta: number[], group: readonly number[]): void {
  let shift = 0;
  for (let step = 0; step < 100; step++) {
    let slope = 0;
    let curvature = 0;
    for (const i of group) {
      const won = 1 / (1 + Math.exp(-(theta[i]! + shift)));
      slope += 0.5 - won;
      curvature += won * (1 - won);
    }
    if (curvature === 0) break;
    const move = Math.max(-1, Math.min(1, slope / curvature));
    shift += move;
    if (Math.abs(move) < 1e-15) break;
  }
  for (const i of group) theta[i]! += shift;
}
