import { z } from 'zod';
import type { AgreementReport, BradleyTerryResult } from './agreement-statistics';

/**
 * Human ratings (issue #8). Files in the project's `ratings/` folder:
 *   ratings/sessions.json   the rating sessions (their samples are fixed when made, so several raters get the same images)
 *   ratings/<rater>.json    one rater's profile and every rating they gave, rewritten atomically after each rating
 */

export const ratingValues = ['good', 'bad', 'skip'] as const;
export type RatingValue = (typeof ratingValues)[number];

export const pairWinners = ['left', 'right', 'skip'] as const;
export type PairWinner = (typeof pairWinners)[number];

export const ratingModes = ['single', 'pairwise'] as const;
export type RatingMode = (typeof ratingModes)[number];

export const ratingSplits = ['train', 'val', 'test'] as const;
export type RatingSplit = (typeof ratingSplits)[number];

/** Rater names are free text; their id (the file name) is a slug of it. */
export const raterName = z
  .string()
  .trim()
  .min(1, 'a rater needs a name')
  .max(80, 'a rater name has at most 80 characters')
  .refine((name) => /[\p{L}\p{N}]/u.test(name), 'a rater name needs at least one letter or digit');

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time (ISO 8601)');

export const singleRatingSchema = z.strictObject({
  kind: z.literal('single'),
  postId: z.string().min(1),
  rating: z.enum(ratingValues),
  ratedAt: isoTime,
  /** The rating session's id ("imported" for ratings imported from a CSV without one). */
  session: z.string().min(1),
  /** Milliseconds from showing the image to the answer, when the session records time. */
  ms: z.number().min(0).nullable(),
});
export type SingleRating = z.infer<typeof singleRatingSchema>;

export const pairJudgmentSchema = z.strictObject({
  kind: z.literal('pair'),
  left: z.string().min(1),
  right: z.string().min(1),
  winner: z.enum(pairWinners),
  ratedAt: isoTime,
  session: z.string().min(1),
  ms: z.number().min(0).nullable(),
});
export type PairJudgment = z.infer<typeof pairJudgmentSchema>;

export const ratingEntrySchema = z.discriminatedUnion('kind', [singleRatingSchema, pairJudgmentSchema]);
export type RatingEntry = z.infer<typeof ratingEntrySchema>;

export const raterFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  rater: z.strictObject({ id: z.string().min(1), name: z.string().min(1), createdAt: isoTime }),
  ratings: z.array(ratingEntrySchema),
});
export type RaterFile = z.infer<typeof raterFileSchema>;

export const ratingSessionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  mode: z.enum(ratingModes),
  createdAt: isoTime,
  labelSet: z.strictObject({ id: z.string(), name: z.string(), version: z.number() }),
  split: z.enum(ratingSplits),
  seed: z.number().int(),
  /** What was asked for; the sample may be smaller when the split has fewer labeled images. */
  requested: z.number().int().min(1),
  /** Blind: no likes, followers, label or prediction shown while rating. */
  blind: z.boolean(),
  recordTime: z.boolean(),
  /** Pairwise: pair images of the same owner where the sample allows. */
  sameOwner: z.boolean(),
  /** Single mode: the images, in the order they are shown (balanced good/bad, shuffled). */
  items: z.array(z.string()),
  /** Pairwise mode: the pairs, in the order they are shown. */
  pairs: z.array(z.tuple([z.string(), z.string()])),
  /** Why the sample is smaller than requested, or pairs are not all same-owner; null when it is as asked. */
  note: z.string().nullable(),
});
export type RatingSession = z.infer<typeof ratingSessionSchema>;

export const ratingSessionsFileSchema = z.strictObject({ sessions: z.array(ratingSessionSchema) });
export type RatingSessionsFile = z.infer<typeof ratingSessionsFileSchema>;

export const createSessionInput = z.strictObject({
  /** Label set id or name (its newest version). */
  labelSet: z.string().trim().min(1).max(300),
  /** Default: test when the label set has a test split, else val. */
  split: z.enum(ratingSplits).optional(),
  /** Images (single mode) or pairs (pairwise mode). */
  size: z.number().int().min(2).max(10_000).default(50),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  mode: z.enum(ratingModes).default('single'),
  sameOwner: z.boolean().default(true),
  blind: z.boolean().default(true),
  recordTime: z.boolean().default(true),
  name: z.string().trim().min(1).max(200).optional(),
});
export type CreateSessionInput = z.input<typeof createSessionInput>;

export interface RaterSummary {
  id: string;
  name: string;
  createdAt: string;
  /** Single ratings given (good + bad + skip), and pairwise judgments. */
  ratings: number;
  judgments: number;
}

export interface RaterProgress {
  rater: string;
  raterName: string;
  done: number;
  skipped: number;
  total: number;
}

export type RatingSessionSummary = Omit<RatingSession, 'items' | 'pairs'> & {
  total: number;
  /** One entry per rater who has rated in this session. */
  progress: RaterProgress[];
};

/** What a non-blind session shows beside an image: what Instagram said about it. */
export interface Reveal {
  likes: number | null;
  followers: number | null;
  /** The label set's label: 1 good, -1 bad, 0 none. */
  label: number;
}

/** What to show next in a session for one rater. Blind: ids only; the image comes from ratings.image. */
export interface RatingStep {
  session: RatingSessionSummary;
  rater: { id: string; name: string };
  /** Position of the current item (0-based), equal to total when finished. */
  index: number;
  total: number;
  /** Answered so far (skips included). */
  done: number;
  skipped: number;
  current: { kind: 'single'; postId: string } | { kind: 'pair'; left: string; right: string } | null;
  /** Post ids of the next item or two after current (both images of a pair), so the UI can preload them; ids only (blind). */
  upcoming?: string[];
  /** The rating an undo would remove, if any. */
  last: { postId: string; answer: string } | null;
  /** Not blind sessions only: the current image's likes, followers and label. */
  reveal: Reveal | null;
  /** Not blind pairwise sessions only: the same for the left and the right image. */
  revealPair: [Reveal, Reveal] | null;
}

/** The Compare page's table, by column, over every post some rater rated (single ratings, the latest per rater). */
export interface CompareTable {
  labelSet: { id: string; name: string; version: number } | null;
  /** What the rows (and so the statistics) were restricted to; null = everything. */
  scope: { split: RatingSplit | null; session: string | null };
  /**
   * Cautions for reading the model's figures: no run trained on this label set, rated images the run trained on
   * (train split) or picked its best epoch on (val split). Shown beside the statistics.
   */
  notes: string[];
  run: { id: string; name: string; valPeak: number | null; valFinal: number | null } | null;
  postId: string[];
  /** 0 train, 1 val, 2 test, -1 not in the label set's population */
  split: number[];
  /** Instagram (likes-derived) label: 1 good, -1 bad, 0 none */
  label: number[];
  /** The rule's score (residual of log likes) when the label set has one. */
  score: Array<number | null>;
  pGood: Array<number | null>;
  /** 1 / -1, 0 where the model did not predict the post. */
  predicted: number[];
  raters: Array<{ rater: string; name: string; ratings: number[] }>;
  report: AgreementReport;
  reference: typeof humanReference;
}

export interface PairRanking {
  session: string;
  ranking: BradleyTerryResult;
  /** Per ranked item, aligned with ranking.items: its Instagram label (1 / -1 / 0). */
  label: number[];
  judgments: number;
}

/** The study's published figures, shown beside the project's. */
export const humanReference = {
  raters: [
    { label: 'Study rater 1 vs likes-labels (50 images)', accuracy: 0.61 },
    { label: 'Study rater 2 vs likes-labels (50 images)', accuracy: 0.76 },
  ],
  modelPeak: { label: 'Study model, best val accuracy', accuracy: 0.719 },
  modelFinal: { label: 'Study model, final val accuracy', accuracy: 0.681 },
  karpathy: { label: 'Karpathy (2015)', accuracy: 0.6 },
} as const;
