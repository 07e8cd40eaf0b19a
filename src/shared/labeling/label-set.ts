import { z } from 'zod';
import type { TruthScore } from './agreement';
import type { LinearFit } from './regression';

/** Everything that decides a label set, so it can be reproduced and compared. */
export const labelRuleParams = z.strictObject({
  strategy: z.enum(['residual', 'karpathy', 'ratio']).default('residual'),
  /** Share of the population labeled good (residual, ratio). */
  top: z.number().min(0).max(1).optional(),
  /** Share labeled bad (residual, ratio). */
  bottom: z.number().min(0).max(1).optional(),
  /** Karpathy's group size. */
  groupSize: z.number().int().min(2).max(100_000).default(100),
  /** Residual rule: include the number of hashtags as a predictor. */
  hashtags: z.boolean().default(true),
  minFollowers: z.number().min(0).optional(),
  maxFollowers: z.number().min(0).optional(),
  maxHashtags: z.number().int().min(0).optional(),
  /** Minimum age of the post at the labeled snapshot, in days (on top of the project's likesSnapshotMinDays). */
  minAgeDays: z.number().min(0).optional(),
  faces: z.enum(['required', 'ignore']).default('required'),
  val: z.number().min(0).max(1).default(0.25),
  test: z.number().min(0).max(1).default(0),
  seed: z.number().int().default(1),
});
export type LabelRuleInput = z.input<typeof labelRuleParams>;
export type LabelRuleParams = z.output<typeof labelRuleParams>;

/** Default tails: the study's 10% / 10% for the residual rule, a median split (50% / 50%) for the ratio rule. */
export function resolvedTails(params: LabelRuleParams): { top: number; bottom: number } {
  const fallback = params.strategy === 'ratio' ? 0.5 : 0.1;
  return { top: params.top ?? fallback, bottom: params.bottom ?? fallback };
}

export interface SplitCounts {
  good: number;
  bad: number;
}

export interface LabelSetSummary {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  params: LabelRuleParams;
  /** The project's likesSnapshotMinDays when it was made. */
  minDays: number;
  population: number;
  good: number;
  bad: number;
  none: number;
  splits: { train: SplitCounts; val: SplitCounts; test: SplitCounts };
  fit: LinearFit | null;
  /** Against the simulated latent quality, where the project has one. */
  truth: TruthScore | null;
  /** Why posts left the population (e.g. "no face rule pass": 123). */
  excluded: Record<string, number>;
}

/** The labels themselves, one entry per population post: kept so a run stays reproducible if posts change. */
export interface LabelSetItems {
  postId: string[];
  ownerId: Array<string | null>;
  /** 1 good, -1 bad, 0 none */
  label: number[];
  score: Array<number | null>;
  /** 0 train, 1 val, 2 test, -1 none */
  split: number[];
}
