/**
 * Ordinary least squares with an intercept, for the study's model
 *   y = log10(1 + likes) ~ x1 = log10(1 + followers) [+ x2 = number of hashtags].
 * Solved on centred data with the normal equations (two predictors at most, so this is exact and fast); a
 * predictor without variation is reported, not silently dropped.
 */
export interface LinearFit {
  intercept: number;
  /** One per predictor, in the order given. */
  coefficients: number[];
  r2: number;
  n: number;
}

export class FitError extends Error {}

export function fitLinear(y: ArrayLike<number>, predictors: ReadonlyArray<ArrayLike<number>>): LinearFit {
  const n = y.length;
  const k = predictors.length;
  if (n < k + 1) throw new FitError(`need at least ${k + 1} posts to fit ${k} predictor(s), have ${n}`);
  const meanY = mean(y);
  const means = predictors.map(mean);
  // Sxx (k×k) and Sxy (k) on centred values.
  const sxx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const sxy = new Array<number>(k).fill(0);
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dy = y[i]! - meanY;
    syy += dy * dy;
    for (let a = 0; a < k; a++) {
      const da = predictors[a]![i]! - means[a]!;
      sxy[a]! += da * dy;
      for (let b = a; b < k; b++) sxx[a]![b]! += da * (predictors[b]![i]! - means[b]!);
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) sxx[a]![b] = sxx[b]![a]!;
  for (let a = 0; a < k; a++) {
    if (sxx[a]![a]! <= 1e-12 * Math.max(1, n)) throw new FitError(`predictor ${a + 1} has no variation in this population`);
  }
  const coefficients = solve(sxx, sxy);
  const intercept = meanY - coefficients.reduce((sum, c, a) => sum + c * means[a]!, 0);
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const residual = y[i]! - predict(intercept, coefficients, predictors, i);
    ssRes += residual * residual;
  }
  return { intercept, coefficients, r2: syy > 0 ? 1 - ssRes / syy : 0, n };
}

export function predict(intercept: number, coefficients: readonly number[], predictors: ReadonlyArray<ArrayLike<number>>, i: number): number {
  let value = intercept;
  for (let a = 0; a < coefficients.length; a++) value += coefficients[a]! * predictors[a]![i]!;
  return value;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : 0;
}

/** Gaussian elimination with partial pivoting for a small symmetric system. */
function solve(matrix: number[][], vector: number[]): number[] {
  const k = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new FitError('the predictors are collinear in this population');
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / p;
      for (let c = col; c <= k; c++) a[row]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[k]! / row[i]!);
}
