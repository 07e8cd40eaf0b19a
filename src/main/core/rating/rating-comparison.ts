import type { LabelSetItems, LabelSetSummary } from '../../../shared/labeling/label-set';
import { agreementReport } from '../../../shared/rating/agreement-statistics';
import { humanReference, type CompareTable, type RaterFile, type RatingSplit, type RatingValue, type SingleRating } from '../../../shared/rating/rating-types';
import type { RunPredictions, RunRecord } from '../../../shared/training/training-types';
import type { LabelService } from '../labeling/label-service';
import type { ProjectSession } from '../projects/project-session';
import { RunsRepository } from '../training/runs-repository';
import type { RatingSessions } from './rating-sessions';

/**
 * The three-way comparison (issue #8): every rated post beside its Instagram label and the model's prediction, and
 * the agreement statistics over them. Honest by construction: the model comes only from a run trained on the same
 * label set (unless one is named), and notes say when rated images are ones the run trained on or tuned on.
 */

export interface CompareOptions {
  labelSet?: string;
  run?: string;
  /** Only rated posts of this split of the label set. */
  split?: RatingSplit;
  /** Only ratings given in this session. */
  session?: string;
}

export interface CompareContext {
  project: ProjectSession;
  labels: LabelService;
  raters: readonly RaterFile[];
  sessions: RatingSessions;
}

const ratingNumber: Record<RatingValue, number> = { good: 1, bad: -1, skip: 0 };

async function chooseLabelSet(context: CompareContext, requested: string | undefined): Promise<LabelSetSummary | null> {
  const sets = context.labels.sets;
  if (requested) return sets.find(requested);
  // The label set of the newest single-image session someone rated in (pairwise sessions give no good/bad ratings),
  // else of the newest session, else the newest set.
  const rated = new Set(context.raters.flatMap((file) => file.ratings.filter((entry) => entry.kind === 'single').map((entry) => entry.session)));
  const sessions = context.sessions.list();
  const preferred = sessions.find((session) => session.mode === 'single' && rated.has(session.id)) ?? sessions[0];
  if (preferred) {
    const match = sets.list().find((s) => s.id === preferred.labelSet.id);
    if (match) return match;
  }
  return sets.list()[0] ?? null;
}

/** The run to compare with: the one asked for, else the newest completed run trained on this label set on its real labels (never another set's, never a shuffled-labels sanity run). */
async function chooseRun(context: CompareContext, requested: string | undefined, labelSet: LabelSetSummary | null, notes: string[]): Promise<RunRecord | null> {
  const runs = new RunsRepository(context.project.dir);
  if (requested) {
    const run = await runs.get(requested);
    if (labelSet && run.labelSet.id !== labelSet.id) {
      notes.push(`Run ${run.id} was trained on label set "${run.labelSet.name}" (v${run.labelSet.version}), not on "${labelSet.name}" (v${labelSet.version}): its splits do not match this label set's, so some rated images may be ones it trained on.`);
    }
    return run;
  }
  // Shuffled-label runs are sanity checks, never "the model".
  const completed = (await runs.list()).filter((run) => run.status === 'completed' && !run.params.shuffleLabels);
  const match = completed.find((run) => run.labelSet.id === labelSet?.id) ?? null;
  if (!match && labelSet) {
    notes.push(
      completed.length > 0
        ? `No completed run was trained on "${labelSet.name}" (v${labelSet.version}); the model column stays empty. Choose a run of another label set explicitly, or train one on this set.`
        : 'No trained run yet: train one on the Train page to compare with the model.',
    );
  }
  return match;
}

/**
 * Every post some rater rated, beside its label and the model's prediction, and the agreement statistics over them.
 * `split` keeps the posts of one split of the label set, `session` the ratings given in one session.
 */
export async function compareRatings(context: CompareContext, options: CompareOptions = {}): Promise<CompareTable> {
  const notes: string[] = [];
  const labelSet = await chooseLabelSet(context, options.labelSet);
  const run = await chooseRun(context, options.run, labelSet, notes);
  const files = context.raters;
  if (options.session) context.sessions.get(options.session);

  const items: LabelSetItems | null = labelSet ? await context.labels.sets.items(labelSet.id) : null;
  const itemAt = new Map<string, number>();
  items?.postId.forEach((id, i) => itemAt.set(id, i));
  const splitCode = options.split === undefined ? null : ({ train: 0, val: 1, test: 2 } as const)[options.split];
  const inScope = (postId: string) => splitCode === null || (itemAt.has(postId) && items!.split[itemAt.get(postId)!] === splitCode);

  // The latest single rating per (rater, post), whatever session it came from (or only from the chosen one).
  const latest = files.map((file) => {
    const byPost = new Map<string, SingleRating>();
    for (const entry of file.ratings) {
      if (entry.kind !== 'single' || (options.session && entry.session !== options.session) || !inScope(entry.postId)) continue;
      const previous = byPost.get(entry.postId);
      if (!previous || previous.ratedAt <= entry.ratedAt) byPost.set(entry.postId, entry);
    }
    return { file, byPost };
  });
  const postIds = [...new Set(latest.flatMap(({ byPost }) => [...byPost.keys()]))].sort();

  const predictions: RunPredictions | null = run ? await new RunsRepository(context.project.dir).predictions(run.id).catch(() => null) : null;
  if (run && !predictions) notes.push(`Run ${run.id} has no predictions saved (it may have stopped before predicting); the model column stays empty.`);
  const predictionAt = new Map<string, number>();
  predictions?.postId.forEach((id, i) => predictionAt.set(id, i));

  const split = postIds.map((id) => (itemAt.has(id) ? items!.split[itemAt.get(id)!]! : -1));
  const label = postIds.map((id) => (itemAt.has(id) ? items!.label[itemAt.get(id)!]! : 0));
  const score = postIds.map((id) => (itemAt.has(id) ? (items!.score[itemAt.get(id)!] ?? null) : null));
  const pGood = postIds.map((id) => (predictionAt.has(id) ? predictions!.pGood[predictionAt.get(id)!]! : null));
  const predicted = postIds.map((id) => (predictionAt.has(id) ? predictions!.predicted[predictionAt.get(id)!]! : 0));
  if (predictions) {
    // The run's own splits (its label set's), which may differ from the label set compared against.
    const runSplitAt = new Map<string, number>();
    predictions.postId.forEach((id, i) => runSplitAt.set(id, predictions.split[i]!));
    const seen = (code: number) => postIds.filter((id) => runSplitAt.get(id) === code).length;
    const trained = seen(0);
    const tuned = seen(1);
    if (trained > 0) notes.push(`${trained} of the ${postIds.length} rated images are in the run's train split: the model learned their labels, so its figures on them are not a fair comparison. Filter to the val or test split.`);
    if (tuned > 0) notes.push(`${tuned} rated images are in the run's val split, which chose its best epoch: the model's figures there lean optimistic. The test split, when the label set has one, is the fair comparison.`);
  }
  const raters = latest
    .filter(({ byPost }) => byPost.size > 0)
    .map(({ file, byPost }) => ({
      rater: file.rater.id,
      name: file.rater.name,
      ratings: postIds.map((id) => {
        const entry = byPost.get(id);
        return entry ? ratingNumber[entry.rating] : 0;
      }),
    }));
  const report = agreementReport({
    postIds,
    label,
    model: run && predictions ? { runId: run.id, predicted } : null,
    raters: raters.map(({ rater, ratings }) => ({ rater, ratings })),
  });
  return {
    labelSet: labelSet ? { id: labelSet.id, name: labelSet.name, version: labelSet.version } : null,
    scope: { split: options.split ?? null, session: options.session ?? null },
    notes,
    run: run ? { id: run.id, name: run.name, valPeak: run.valPeak, valFinal: run.valFinal } : null,
    postId: postIds,
    split,
    label,
    score,
    pGood,
    predicted,
    raters,
    report,
    reference: humanReference,
  };
}
