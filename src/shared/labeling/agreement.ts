/** Comparing label sets with each other and with a known truth (simulated projects). */

export interface RuleComparison {
  labeledByA: number;
  labeledByB: number;
  /** Posts both label good or bad. */
  both: number;
  /** Of those, labeled good by one and bad by the other. */
  flips: number;
  /** (both − flips) / both, or null when they share no labeled post. */
  agreement: number | null;
}

export function compareLabels(a: ArrayLike<number>, b: ArrayLike<number>): RuleComparison {
  let labeledByA = 0;
  let labeledByB = 0;
  let both = 0;
  let flips = 0;
  for (let i = 0; i < a.length; i++) {
    const la = a[i]!;
    const lb = b[i]!;
    if (la !== 0) labeledByA++;
    if (lb !== 0) labeledByB++;
    if (la !== 0 && lb !== 0) {
      both++;
      if (la !== lb) flips++;
    }
  }
  return { labeledByA, labeledByB, both, flips, agreement: both > 0 ? (both - flips) / both : null };
}

export interface TruthScore {
  /** Labeled posts with a known truth. */
  n: number;
  /** Share whose label matches the truth: good = q above the population's median q. */
  accuracy: number | null;
  medianQuality: number | null;
  meanQualityGood: number | null;
  meanQualityBad: number | null;
}

/** The median of the known (finite) qualities, or null when none is known. Compute once per population. */
export function medianQuality(quality: ArrayLike<number>): number | null {
  const known: number[] = [];
  for (let i = 0; i < quality.length; i++) if (Number.isFinite(quality[i]!)) known.push(quality[i]!);
  if (known.length === 0) return null;
  const sorted = Float64Array.from(known).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Scores labels against the latent quality q of a simulated project: a good label is right when the post's q is
 * above the population median, a bad label when it is below (NaN q = unknown, left out). Pass the median when
 * scoring many label vectors of one population (a slider, a tail-width sweep): finding it is the costly part.
 */
export function scoreAgainstTruth(labels: ArrayLike<number>, quality: ArrayLike<number>, median: number | null = medianQuality(quality)): TruthScore {
  if (median === null) return { n: 0, accuracy: null, medianQuality: null, meanQualityGood: null, meanQualityBad: null };
  let n = 0;
  let right = 0;
  let goodSum = 0;
  let goodCount = 0;
  let badSum = 0;
  let badCount = 0;
  for (let i = 0; i < labels.length; i++) {
    const q = quality[i]!;
    if (labels[i] === 0 || !Number.isFinite(q)) continue;
    n++;
    if (labels[i] === 1) {
      goodSum += q;
      goodCount++;
      if (q > median) right++;
    } else {
      badSum += q;
      badCount++;
      if (q < median) right++;
    }
  }
  return {
    n,
    accuracy: n > 0 ? right / n : null,
    medianQuality: median,
    meanQualityGood: goodCount > 0 ? goodSum / goodCount : null,
    meanQualityBad: badCount > 0 ? badSum / badCount : null,
  };
}
