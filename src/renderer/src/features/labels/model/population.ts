import { medianQuality } from '../../../../../shared/labeling/agreement';
import type { LabelPopulationPayload } from '../../../../../shared/labeling/label-views';
import type { RuleInput } from '../../../../../shared/labeling/rules';

/**
 * The population as typed arrays (one entry per population post, "population positions"), converted once per
 * load so every rule, slider step and chart reads plain numeric memory.
 */
export interface Population {
  n: number;
  input: RuleInput;
  ids: string[];
  owners: Array<string | null>;
  /** [n] float64: likes at the labeled snapshot, followers, hashtag count. */
  likes: Float64Array;
  followers: Float64Array;
  hashtags: Float64Array;
  /** [n] float64: simulated latent quality, NaN where unknown. */
  quality: Float64Array;
  /** Median of the known qualities (null without truth): computed once, used by every truth score. */
  medianQuality: number | null;
  duplicateOf: Int32Array;
  hasTruth: boolean;
  facesDetected: boolean;
  excluded: Record<string, number>;
  minDays: number;
  /** log₁₀(1 + followers), log₁₀(1 + likes): the scatter's axes. */
  logFollowers: Float64Array;
  logLikes: Float64Array;
  meanHashtags: number;
}

export function toPopulation(payload: LabelPopulationPayload): Population {
  const n = payload.ids.length;
  const likes = Float64Array.from(payload.likes);
  const followers = Float64Array.from(payload.followers);
  const hashtags = Float64Array.from(payload.hashtags);
  const quality = Float64Array.from(payload.quality, (q) => q ?? Number.NaN);
  const logFollowers = new Float64Array(n);
  const logLikes = new Float64Array(n);
  let hashtagSum = 0;
  for (let i = 0; i < n; i++) {
    logFollowers[i] = Math.log10(1 + followers[i]!);
    logLikes[i] = Math.log10(1 + likes[i]!);
    hashtagSum += hashtags[i]!;
  }
  return {
    n,
    input: { ids: payload.ids, likes, followers, hashtags },
    ids: payload.ids,
    owners: payload.owners,
    likes,
    followers,
    hashtags,
    quality,
    medianQuality: payload.hasTruth ? medianQuality(quality) : null,
    duplicateOf: Int32Array.from(payload.duplicateOf),
    hasTruth: payload.hasTruth,
    facesDetected: payload.facesDetected,
    excluded: payload.excluded,
    minDays: payload.minDays,
    logFollowers,
    logLikes,
    meanHashtags: n > 0 ? hashtagSum / n : 0,
  };
}

/** The reasons posts left the population, largest first: "123 no like count captured ≥ 7 days after posting". */
export function excludedReasons(excluded: Record<string, number>): Array<{ reason: string; count: number }> {
  return Object.entries(excluded)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
}

/**
 * Whether a fresh payload holds exactly the population already shown. The project announces every change (a label
 * set saved, a job finished); comparing the columns costs a few ms, recomputing every rule far more.
 */
export function samePopulation(population: Population, payload: LabelPopulationPayload): boolean {
  const n = population.n;
  if (payload.ids.length !== n || payload.hasTruth !== population.hasTruth || payload.facesDetected !== population.facesDetected) return false;
  if (payload.minDays !== population.minDays || JSON.stringify(payload.excluded) !== JSON.stringify(population.excluded)) return false;
  for (let i = 0; i < n; i++) {
    if (
      payload.ids[i] !== population.ids[i] ||
      payload.owners[i] !== population.owners[i] ||
      payload.likes[i] !== population.likes[i] ||
      payload.followers[i] !== population.followers[i] ||
      payload.hashtags[i] !== population.hashtags[i] ||
      payload.duplicateOf[i] !== population.duplicateOf[i] ||
      !Object.is(payload.quality[i] ?? Number.NaN, population.quality[i])
    ) {
      return false;
    }
  }
  return true;
}
