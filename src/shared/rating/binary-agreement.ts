/**
 * Agreement between two binary judgements of the same images (issue #8): a rater against the Instagram label, the
 * model against the label, two raters against each other. Tested against numpy/scipy
 * (test/fixtures/rating/reference_statistics.py) and published examples.
 *
 * Inputs are aligned arrays over the same images: 1 = good, −1 = bad, 0 = missing (skipped, not rated, no label,
 * not predicted). Every statistic uses only the images where both sides (all three for McNemar) are non-zero and
 * reports that n. A statistic that is not defined is null with a human `reason` the UI prints; the results never
 * hold NaN or Infinity, so they cross IPC and `--json` as they are.
 */

export type Binary = 1 | -1 | 0;

export interface Interval {
  low: number;
  high: number;
}

/** Counts over the images where both are non-zero; a = the first argument (rows), b = the second (columns). */
export interface Confusion2 {
  bothGood: number;
  bothBad: number;
  aGoodBBad: number;
  aBadBGood: number;
}

export interface ProportionStat {
  n: number;
  successes: number;
  /** successes / n; null when n = 0. */
  value: number | null;
  /** Wilson score 95% interval. */
  ci: Interval | null;
  reason: string | null;
}

export interface KappaStat {
  n: number;
  /** Raw agreement: the share of the n images both judged alike. */
  agreement: number | null;
  kappa: number | null;
  /** Wald 95% interval from the large-sample variance of Fleiss, Cohen & Everitt (1969), clipped to [−1, 1]. */
  ci: Interval | null;
  /** Why kappa or its interval is null; null when both are given. */
  reason: string | null;
}

export interface McNemarStat {
  /** Images where a, b and the truth are all non-zero. */
  n: number;
  /** Images a got right and b got wrong. */
  aOnlyCorrect: number;
  bOnlyCorrect: number;
  /** Exact two-sided binomial test of aOnlyCorrect among the discordant images, p = ½. */
  exactP: number | null;
  /** (max(0, |aOnly − bOnly| − 1))² / (aOnly + bOnly), one degree of freedom. */
  chiSquare: number | null;
  chiSquareP: number | null;
  reason: string | null;
}

/** The 97.5% quantile of the standard normal: a two-sided 95% interval. */
export const z95 = 1.959963984540054;

export const noOverlapReason = 'not defined: no images rated by both';

/** Throws unless every array has the length of the first; the message names the odd one out. */
export function assertSameLengths(where: string, arrays: Readonly<Record<string, ArrayLike<unknown>>>): void {
  const entries = Object.entries(arrays);
  const [firstName, first] = entries[0]!;
  for (const [name, values] of entries.slice(1)) {
    if (values.length !== first.length) throw new Error(`${where}: ${name} has ${values.length} values but ${firstName} has ${first.length}`);
  }
}

/** Throws at the first value that is not 1, −1 or 0 (a 0/1 class vector or a NaN would silently miscount). */
export function assertBinary(where: string, name: string, values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== 1 && value !== -1 && value !== 0) throw new Error(`${where}: ${name}[${i}] is ${String(value)}, not 1 (good), -1 (bad) or 0 (missing)`);
  }
}

function checkPair(where: string, a: readonly number[], b: readonly number[], names: [string, string] = ['a', 'b']): void {
  assertSameLengths(where, { [names[0]]: a, [names[1]]: b });
  assertBinary(where, names[0], a);
  assertBinary(where, names[1], b);
}

/**
 * Wilson score interval for successes out of n: the p with (p̂ − p)² ≤ z² p(1 − p) / n, i.e.
 * (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Exactly 0 at 0/n and 1 at n/n; null for n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = z95): Interval | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new Error(`wilsonInterval: need whole numbers 0 ≤ successes ≤ n, not ${successes} of ${n}`);
  }
  if (!(z > 0 && Number.isFinite(z))) throw new Error(`wilsonInterval: z must be a positive number, not ${z}`);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

export function confusion2(a: readonly number[], b: readonly number[]): Confusion2 {
  checkPair('confusion2', a, b);
  const counts: Confusion2 = { bothGood: 0, bothBad: 0, aGoodBBad: 0, aBadBGood: 0 };
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === 0 || y === 0) continue;
    if (x === 1) {
      if (y === 1) counts.bothGood++;
      else counts.aGoodBBad++;
    } else if (y === 1) counts.aBadBGood++;
    else counts.bothBad++;
  }
  return counts;
}

const overlap = (c: Confusion2) => c.bothGood + c.bothBad + c.aGoodBBad + c.aBadBGood;

/** Share of the overlap where a equals truth, with its Wilson 95% interval. */
export function accuracyAgainst(a: readonly number[], truth: readonly number[]): ProportionStat {
  checkPair('accuracyAgainst', a, truth, ['a', 'truth']);
  const counts = confusion2(a, truth);
  return proportion(counts.bothGood + counts.bothBad, overlap(counts));
}

function proportion(successes: number, n: number): ProportionStat {
  if (n === 0) return { n, successes, value: null, ci: null, reason: noOverlapReason };
  return { n, successes, value: successes / n, ci: wilsonInterval(successes, n), reason: null };
}

/**
 * Cohen's kappa κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the raw agreement and pₑ = Σᵢ pᵢ. p.ᵢ the agreement expected from
 * each rater's own mix of good and bad. Its large-sample variance (Fleiss, Cohen & Everitt 1969; Fleiss, Levin &
 * Paik 2003, eq. 18.13; the delta method on the 2×2 cell proportions pᵢⱼ, rows = a, columns = b):
 *
 *   Var κ = [ Σᵢ pᵢᵢ (1 − (pᵢ. + p.ᵢ)(1 − κ))² + (1 − κ)² Σ_{i≠j} pᵢⱼ (p.ᵢ + pⱼ.)² − (κ − pₑ(1 − κ))² ] / (n (1 − pₑ)²)
 *
 * and the interval is κ ± 1.96 √Var, clipped to [−1, 1]. Not defined (κ null): no overlap, or each rater used one
 * class only (pₑ = 1 when it is the same class, pₒ = pₑ = 0 when not: nothing to compare either way). Where κ is
 * defined but its variance is 0 we give no interval (ci null, with the reason) rather than a point [κ, κ] that would
 * read as certainty: perfect agreement (κ = 1), and one rater using a single class (κ = 0 by construction).
 */
export function cohenKappa(a: readonly number[], b: readonly number[]): KappaStat {
  checkPair('cohenKappa', a, b);
  return kappaFromConfusion(confusion2(a, b));
}

/** Cohen's kappa from 2×2 counts (see cohenKappa). */
export function kappaFromConfusion(counts: Confusion2): KappaStat {
  const n = overlap(counts);
  if (n === 0) return { n, agreement: null, kappa: null, ci: null, reason: noOverlapReason };
  const agreed = counts.bothGood + counts.bothBad;
  const agreement = agreed / n;
  const aGood = counts.bothGood + counts.aGoodBBad;
  const bGood = counts.bothGood + counts.aBadBGood;
  const aOneClass = aGood === 0 || aGood === n;
  const bOneClass = bGood === 0 || bGood === n;
  if (aOneClass && bOneClass) return { n, agreement, kappa: null, ci: null, reason: 'not defined: both raters used only one class' };

  // In counts (n² pₑ is a whole number), so κ is exact where it should be: 0 for a one-class rater.
  const expectedTimesN2 = aGood * bGood + (n - aGood) * (n - bGood);
  const kappa = (n * agreed - expectedTimesN2) / (n * n - expectedTimesN2);
  if (agreed === n) return { n, agreement, kappa, ci: null, reason: 'no interval: perfect agreement leaves kappa a large-sample variance of 0' };
  if (aOneClass || bOneClass) return { n, agreement, kappa, ci: null, reason: 'no interval: one rater used only one class, so kappa is 0 with a large-sample variance of 0' };

  const expected = expectedTimesN2 / (n * n);
  const rows = [aGood / n, 1 - aGood / n]; // pᵢ. : a good, a bad
  const cols = [bGood / n, 1 - bGood / n]; // p.ⱼ : b good, b bad
  const cells = [
    [counts.bothGood / n, counts.aGoodBBad / n],
    [counts.aBadBGood / n, counts.bothBad / n],
  ];
  const rest = 1 - kappa;
  let diagonal = 0;
  let offDiagonal = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      if (i === j) diagonal += cells[i]![i]! * (1 - (rows[i]! + cols[i]!) * rest) ** 2;
      else offDiagonal += cells[i]![j]! * (cols[i]! + rows[j]!) ** 2;
    }
  }
  const variance = (diagonal + rest * rest * offDiagonal - (kappa - expected * rest) ** 2) / (n * (1 - expected) ** 2);
  if (!(variance > 0 && Number.isFinite(variance))) return { n, agreement, kappa, ci: null, reason: 'no interval: the large-sample variance of kappa is 0' };
  const half = z95 * Math.sqrt(variance);
  return { n, agreement, kappa, ci: { low: Math.max(-1, kappa - half), high: Math.min(1, kappa + half) }, reason: null };
}

/**
 * McNemar's test of whether a and b are equally often right (against truth) on the same images: only the discordant
 * images count, those one got right and the other wrong. Exact p: two-sided binomial test of aOnly among the
 * discordant with p = ½, min(1, 2 P(X ≤ min(aOnly, bOnly))) (what scipy.stats.binomtest(k, n, 0.5).pvalue gives).
 * Chi-square with Edwards' continuity correction, (|aOnly − bOnly| − 1)² / (aOnly + bOnly), the correction dropped when
 * the two counts are equal (as R's mcnemar.test does; otherwise it would overshoot to a positive statistic), and its
 * p from χ² with one degree of freedom. No discordant images: exact p = 1, chi-square null. No images: all null.
 */
export function mcnemar(a: readonly number[], b: readonly number[], truth: readonly number[]): McNemarStat {
  assertSameLengths('mcnemar', { a, b, truth });
  assertBinary('mcnemar', 'a', a);
  assertBinary('mcnemar', 'b', b);
  assertBinary('mcnemar', 'truth', truth);
  let n = 0;
  let aOnlyCorrect = 0;
  let bOnlyCorrect = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    if (a[i] === 0 || b[i] === 0 || t === 0) continue;
    n++;
    const aRight = a[i] === t;
    const bRight = b[i] === t;
    if (aRight && !bRight) aOnlyCorrect++;
    else if (bRight && !aRight) bOnlyCorrect++;
  }
  return mcnemarFromCounts(n, aOnlyCorrect, bOnlyCorrect);
}

/** McNemar's test from the discordant counts (see mcnemar). */
export function mcnemarFromCounts(n: number, aOnlyCorrect: number, bOnlyCorrect: number): McNemarStat {
  const base = { n, aOnlyCorrect, bOnlyCorrect };
  if (n === 0) return { ...base, exactP: null, chiSquare: null, chiSquareP: null, reason: 'not defined: no images rated by both and labeled' };
  const discordant = aOnlyCorrect + bOnlyCorrect;
  if (discordant === 0) {
    return { ...base, exactP: 1, chiSquare: null, chiSquareP: null, reason: 'no chi-square: no image where one was right and the other wrong' };
  }
  const difference = Math.abs(aOnlyCorrect - bOnlyCorrect);
  const chiSquare = Math.max(0, difference - 1) ** 2 / discordant;
  return {
    ...base,
    exactP: binomialTwoSidedHalf(Math.min(aOnlyCorrect, bOnlyCorrect), discordant),
    chiSquare,
    chiSquareP: chiSquareOneDfSurvival(chiSquare),
    reason: null,
  };
}

/**
 * Two-sided binomial p for k ≤ n/2 successes of n with p = ½: min(1, 2 Σ_{i ≤ k} C(n, i) / 2ⁿ). Summed from the
 * largest term down as ratios C(n, i−1)/C(n, i) = i/(n − i + 1), and the largest term taken in logs, so it neither
 * underflows nor loses the small tail for thousands of images.
 */
function binomialTwoSidedHalf(k: number, n: number): number {
  if (2 * k >= n) return 1;
  let logChoose = 0; // log C(n, k)
  for (let j = 1; j <= k; j++) logChoose += Math.log((n - k + j) / j);
  let sum = 1; // Σ_{i ≤ k} C(n, i) / C(n, k)
  let term = 1;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return Math.min(1, 2 * Math.exp(logChoose - n * Math.LN2) * sum);
}

/**
 * P(χ²₁ > x) = Q(½, x/2), the regularised upper incomplete gamma function: its series below a + 1 and its continued
 * fraction (modified Lentz) above, as in Numerical Recipes §6.2; Γ(½) = √π, so no log-gamma is needed.
 */
export function chiSquareOneDfSurvival(x: number): number {
  if (!(x >= 0)) throw new Error(`chiSquareOneDfSurvival: x must be ≥ 0, not ${x}`);
  const a = 0.5;
  const y = x / 2;
  if (y === 0) return 1;
  if (!Number.isFinite(y)) return 0;
  const logPrefactor = -y + a * Math.log(y) - 0.5 * Math.log(Math.PI); // log(e^−y y^a / Γ(a))
  if (y < a + 1) {
    // P(a, y) = e^−y y^a / Γ(a + 1) · Σ yⁿ / ((a + 1)…(a + n)), and Γ(a + 1) = a Γ(a).
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 1000; k++) {
      term *= y / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefactor));
  }
  const tiny = 1e-300;
  let b = y + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor) * h;
}
