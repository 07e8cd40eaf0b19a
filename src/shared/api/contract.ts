/**
 * The one API contract. Every transport (Electron IPC, browser-mode HTTP/WebSocket, in-memory for tests)
 * carries exactly these methods and events; inputs are validated with these schemas at the receiving end.
 *
 * Adding an endpoint = one entry here + one handler in src/main/core/api/handlers.ts + the UI that calls it.
 */
import { z } from 'zod';
import type { BackendInfo } from '../ml/backend';
import type { JobRecord } from '../jobs/job-types';
import type { ProjectSummary, RecentProject } from '../project/project-types';
import type { PostColumnsPayload, PostDetail, PostRow, PostsSummary } from '../posts/post-views';
import type { RuleComparison } from '../labeling/agreement';
import { labelRuleParams, type LabelSetItems, type LabelSetSummary } from '../labeling/label-set';
import type { LabelPopulationPayload } from '../labeling/label-views';
import type { FaceColumnsPayload } from '../faces/face-columns';
import { carouselRules } from '../faces/face-rule';
import type { FaceImageView, FacePostDecision, FacesSummary } from '../faces/face-summary';
import { faceOverrides } from '../faces/face-types';
import {
  createSessionInput,
  pairWinners,
  raterName,
  ratingSplits,
  ratingValues,
  type CompareTable,
  type PairRanking,
  type RaterSummary,
  type RatingSessionSummary,
  type RatingStep,
} from '../rating/rating-types';
import type { EpochMetrics, RunEvaluation, RunPredictions, RunRecord, RunSummary, TrainCapabilities } from '../training/training-types';
import type { RunSlices } from '../training/slices';
import type { SweepRecord } from '../training/sweep';
import type { EmbeddingMap } from '../training/embedding-map';
import { eventNameList, methodNameList, type EventName, type MethodName } from './names';

export { isEventName, isMethodName, type EventName, type MethodName } from './names';

/** Declares a method: the input schema is real (validated at runtime), the output type is compile-time only. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** Declares a push event carrying a payload of type P. */
function event<Payload>() {
  return { payload: undefined as unknown as Payload };
}

const noInput = z.strictObject({}).optional();
const folderPath = z.string().trim().min(1, 'a folder path is required').max(4096);
const jobId = z.string().regex(/^[a-z0-9-]{6,64}$/, 'not a job id');
const postId = z.string().min(1).max(500);
const imageIndex = z.number().int().min(0).max(10_000);
const runId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'not a run id');
const sessionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'not a rating session id');
const raterId = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]{0,79}$/u, 'not a rater id');

export type Shell = 'electron' | 'browser' | 'cli' | 'memory';

export interface AppInfo {
  name: string;
  version: string;
  shell: Shell;
  /** Native folder pickers exist only in the Electron shell; browser mode asks for a typed path. */
  nativeDialogs: boolean;
  platform: string;
  /** Home directory, used to suggest paths in browser mode. */
  homeDir: string;
}

export interface JobKindInfo {
  kind: string;
  title: string;
  description: string;
  needsProject: boolean;
}

export const benchmarkParams = z.strictObject({
  /** Matrix multiplications to run. */
  iterations: z.number().int().min(1).max(100_000).default(200),
  /** Side of the square matrices. */
  size: z.number().int().min(8).max(4096).default(256),
});
export type BenchmarkParams = z.infer<typeof benchmarkParams>;

export const methods = {
  'app.info': method<AppInfo>()(noInput),

  'ml.backend': method<BackendInfo>()(noInput),

  'project.current': method<ProjectSummary | null>()(noInput),
  'project.create': method<ProjectSummary>()(
    z.strictObject({ dir: folderPath, name: z.string().trim().min(1).max(200).optional() }),
  ),
  'project.open': method<ProjectSummary>()(z.strictObject({ dir: folderPath })),
  'project.close': method<null>()(noInput),
  'project.recent': method<RecentProject[]>()(noInput),
  'project.forgetRecent': method<RecentProject[]>()(z.strictObject({ dir: folderPath })),
  'project.updateSettings': method<ProjectSummary>()(
    z.strictObject({
      likesSnapshotMinDays: z.number().int().min(0).max(365).optional(),
      nearDuplicateDistance: z.number().int().min(0).max(32).optional(),
    }),
  ),

  'posts.summary': method<PostsSummary>()(noInput),
  /** Every post's numbers, by column, for sorting, filtering and the scatter in the renderer. */
  'posts.columns': method<PostColumnsPayload>()(noInput),
  'posts.rows': method<PostRow[]>()(z.strictObject({ rows: z.array(z.number().int().min(0)).max(2000) })),
  'posts.get': method<PostDetail>()(z.strictObject({ id: postId })),
  /** Thumbnails as data: URLs (null where a post has no readable image), so both shells show them the same way. */
  'posts.thumbnails': method<Array<string | null>>()(
    z.strictObject({ rows: z.array(z.number().int().min(0)).max(200), image: z.number().int().min(0).max(50).optional() }),
  ),
  'posts.thumbnailsById': method<Array<string | null>>()(z.strictObject({ ids: z.array(z.string().min(1).max(500)).max(200) })),

  /** The population a rule would label (filters applied), by column, so the Labels page recomputes rules live. */
  'labels.population': method<LabelPopulationPayload>()(
    labelRuleParams.pick({ faces: true, minFollowers: true, maxFollowers: true, maxHashtags: true, minAgeDays: true }).partial(),
  ),
  /** Computes the labels on the current posts and stores them as a new version of `name`. */
  'labels.save': method<LabelSetSummary>()(z.strictObject({ name: z.string().trim().min(1).max(200), params: labelRuleParams })),
  'labels.list': method<LabelSetSummary[]>()(noInput),
  'labels.get': method<{ summary: LabelSetSummary; items: LabelSetItems }>()(z.strictObject({ id: z.string().min(1).max(300) })),
  'labels.rename': method<LabelSetSummary>()(z.strictObject({ id: z.string().min(1).max(300), name: z.string().trim().min(1).max(200) })),
  'labels.remove': method<null>()(z.strictObject({ id: z.string().min(1).max(300) })),
  'labels.compare': method<RuleComparison & { a: string; b: string }>()(
    z.strictObject({ a: z.string().min(1).max(300), b: z.string().min(1).max(300) }),
  ),

  /** Counts of images with 0 / 1 / 2+ faces / errors / not detected, and of passing posts, under the saved rule. */
  'faces.summary': method<FacesSummary>()(noInput),
  /** Every image's detections as flat columns (scores, relative sizes), to recount while a slider moves. */
  'faces.columns': method<FaceColumnsPayload>()(noInput),
  /** One image's detections with boxes in original pixels, for drawing over it. */
  'faces.image': method<FaceImageView>()(z.strictObject({ postId, imageIndex })),
  /** Several images at once (a gallery page), by post table row; null where the post has no such image. */
  'faces.images': method<Array<FaceImageView | null>>()(
    z.strictObject({ items: z.array(z.strictObject({ row: z.number().int().min(0), imageIndex })).max(500) }),
  ),
  /** Saves the rule in the project settings (omitted fields keep their value) and answers the new counts. */
  'faces.setRule': method<FacesSummary>()(
    z.strictObject({
      minScore: z.number().min(0).max(1).optional(),
      minSize: z.number().min(0).max(1).optional(),
      carousel: z.enum(carouselRules).optional(),
    }),
  ),
  /** Forces a post in ('keep') or out ('drop') whatever the detector says, or back to the rule (null). Survives re-runs. */
  'faces.setOverride': method<FacePostDecision>()(z.strictObject({ postId, override: z.enum(faceOverrides).nullable() })),

  /**
   * Which training modes the active backend allows and why (wasm cannot train convolutions), and which backbones are
   * available (vgg16 needs a weights folder: pass it to have it checked). Training itself starts as a job:
   * jobs.start({kind: 'train', params: TrainParamsInput}); its job.updated events carry a TrainProgress checkpoint.
   */
  'train.capabilities': method<TrainCapabilities>()(z.strictObject({ weights: z.string().trim().min(1).max(4096).optional() }).optional()),
  /** Every run of the project, newest first, with its headline figures (a run left "running" by a crash shows as "stopped"). */
  'runs.list': method<RunSummary[]>()(noInput),
  /** One run's record and per-epoch metrics (the curves). */
  'runs.get': method<{ record: RunRecord; metrics: EpochMetrics[] }>()(z.strictObject({ id: runId })),
  /** p(good), predicted class, split and label for every predicted post, by column. */
  'runs.predictions': method<RunPredictions>()(z.strictObject({ id: runId })),
  /**
   * Validation peak/final, and per split at the best-validation checkpoint: accuracy, loss, ROC and AUC, confusion
   * matrix with the post ids of each cell, calibration bins. The stored one, or recomputed for another threshold/bins.
   */
  'runs.evaluation': method<RunEvaluation>()(
    z.strictObject({ id: runId, threshold: z.number().gt(0).lt(1).optional(), bins: z.number().int().min(2).max(50).optional() }),
  ),
  /** Accuracy (with n and a 95% interval) on the run's val and test posts, sliced by face size, brightness, greyscale, hashtags. */
  'runs.slices': method<RunSlices>()(z.strictObject({ id: runId, threshold: z.number().gt(0).lt(1).optional() })),
  /** Tail-width sweeps (train.sweep jobs), newest first: per width, the labeled-set size and validation peak/final accuracy. */
  'runs.sweeps': method<SweepRecord[]>()(noInput),
  /** The run's stored 2-D UMAP of its cached features (null until an `embeddings.map` job computed it). */
  'runs.embeddingMap': method<EmbeddingMap | null>()(z.strictObject({ id: runId })),
  /** Deletes a run's folder (not while it trains). */
  'runs.remove': method<null>()(z.strictObject({ id: runId })),

  /** Named rater profiles of the project, with how many ratings each has given. */
  'raters.list': method<RaterSummary[]>()(noInput),
  'raters.create': method<RaterSummary>()(z.strictObject({ name: raterName })),
  /** Changes a rater's display name (the id, their file's name, stays). */
  'raters.rename': method<RaterSummary>()(z.strictObject({ rater: raterId, name: raterName })),
  /** Removes a rater: their file moves to ratings/removed/ (recoverable by moving it back). */
  'raters.remove': method<null>()(z.strictObject({ rater: raterId })),
  /** Rating sessions with each rater's progress, newest first. */
  'ratings.sessions': method<RatingSessionSummary[]>()(noInput),
  /** Draws a seeded, balanced good/bad sample (or pairs) from a label set's split; several raters can rate it. */
  'ratings.createSession': method<RatingSessionSummary>()(createSessionInput),
  /** Removes a session and every answer given in it (kept in ratings/removed/ for recovery). */
  'ratings.removeSession': method<null>()(z.strictObject({ session: sessionId })),
  /** Where a rater is in a session (resume point) and what to show now. */
  'ratings.next': method<RatingStep>()(z.strictObject({ session: sessionId, rater: raterId })),
  /** One image, large (≤ maxSize px on its longer side), as a data: URL; nothing else about the post (blind). */
  'ratings.image': method<string>()(z.strictObject({ postId, maxSize: z.number().int().min(64).max(2048).optional() })),
  /** Saves one rating of the session's current image the moment it is given, and answers the next step. */
  'ratings.rate': method<RatingStep>()(
    z.strictObject({ session: sessionId, rater: raterId, postId, rating: z.enum(ratingValues), ms: z.number().min(0).max(86_400_000).optional() }),
  ),
  /** Pairwise sessions: which of the two is the better selfie (or skip). */
  'ratings.judge': method<RatingStep>()(
    z.strictObject({ session: sessionId, rater: raterId, left: postId, right: postId, winner: z.enum(pairWinners), ms: z.number().min(0).max(86_400_000).optional() }),
  ),
  /** Removes the rater's last answer in the session; the step shows that item again. */
  'ratings.undo': method<RatingStep>()(z.strictObject({ session: sessionId, rater: raterId })),
  /** Every rated post beside its Instagram label and the model's prediction, with the agreement statistics. */
  'ratings.compare': method<CompareTable>()(
    z
      .strictObject({
        labelSet: z.string().trim().min(1).max(300).optional(),
        run: runId.optional(),
        /** Only rated posts of this split of the label set (the statistics too). */
        split: z.enum(ratingSplits).optional(),
        /** Only ratings given in this session. */
        session: sessionId.optional(),
      })
      .optional(),
  ),
  /** A pairwise session's Bradley–Terry ranking from all raters' judgments. */
  'ratings.ranking': method<PairRanking>()(z.strictObject({ session: sessionId })),

  /** Electron only: a native folder picker. Browser mode answers UNSUPPORTED. */
  'dialog.pickFolder': method<string | null>()(
    z.strictObject({ title: z.string().max(200).optional(), purpose: z.enum(['open', 'create', 'import']) }),
  ),
  /** Electron only: a native file picker (e.g. a CSV/JSONL manifest). Browser mode answers UNSUPPORTED. */
  'dialog.pickFile': method<string | null>()(
    z.strictObject({
      title: z.string().max(200).optional(),
      filters: z.array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) })).max(10).optional(),
    }),
  ),

  'jobs.kinds': method<JobKindInfo[]>()(noInput),
  'jobs.list': method<JobRecord[]>()(noInput),
  'jobs.start': method<JobRecord>()(
    z.strictObject({ kind: z.string().min(1).max(100), params: z.record(z.string(), z.unknown()).default({}) }),
  ),
  'jobs.cancel': method<JobRecord>()(z.strictObject({ id: jobId })),
  'jobs.resume': method<JobRecord>()(z.strictObject({ id: jobId })),
  'jobs.remove': method<null>()(z.strictObject({ id: jobId })),
} as const;

export const events = {
  /** A job was created, progressed, or changed state. */
  'job.updated': event<JobRecord>(),
  /** The open project changed (opened, closed, or its counts changed). */
  'project.changed': event<ProjectSummary | null>(),
  /** A rating was given, undone or imported, or raters/sessions changed: pages showing ratings refresh. */
  'ratings.changed': event<{ session: string | null; rater: string | null }>(),
  /** The ML backend was resolved (or re-resolved). */
  'ml.backend': event<BackendInfo>(),
};

export type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'];

export type Events = typeof events;
export type EventPayload<E extends EventName> = Events[E]['payload'];

export const methodNames: readonly MethodName[] = methodNameList;
export const eventNames: readonly EventName[] = eventNameList;

// Compile-time check that names.ts lists exactly the methods and events declared here.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: [SameKeys<keyof typeof methods, MethodName>, SameKeys<keyof typeof events, EventName>] = [true, true];
void namesMatchContract;
