/**
 * The agreement report of issue #8 that the Compare page and `selfie-lab ratings stats --json` both print: each rater
 * against the Instagram label and the model, the model against the label, and every pair of raters.
 */
import {
  accuracyAgainst,
  assertBinary,
  cohenKappa,
  confusion2,
  mcnemar,
  type Confusion2,
  type KappaStat,
  type McNemarStat,
  type ProportionStat,
} from './binary-agreement';

export interface AgreementInput {
  postIds: readonly string[];
  /** Instagram label per post: 1 good, −1 bad, 0 none. */
  label: readonly number[];
  /** The model's predicted class per post (1/−1), 0 where it made no prediction. */
  model: { runId: string; predicted: readonly number[] } | null;
  /** Each rater's rating per post (1/−1), 0 where not rated or skipped. */
  raters: ReadonlyArray<{ rater: string; ratings: readonly number[] }>;
}

export interface RaterAgreement {
  rater: string;
  /** Posts the rater rated good or bad. */
  rated: number;
  vsLabel: ProportionStat;
  vsModel: ProportionStat | null;
  /** Rows: the rater; columns: the label. */
  confusionVsLabel: Confusion2;
  /** Rater (a) against the model (b), both scored against the label, on the images where all three are non-zero. */
  mcnemarVsModel: McNemarStat | null;
  /** The model against the label on the same images as mcnemarVsModel, for a like-for-like accuracy beside vsLabel. */
  modelVsLabelOnSameImages: ProportionStat | null;
}

export interface AgreementReport {
  raters: RaterAgreement[];
  /** Rows of the confusion: the model; columns: the label. */
  model: { runId: string; vsLabel: ProportionStat; confusionVsLabel: Confusion2 } | null;
  /** Every pair of raters, in input order (a before b). */
  pairs: Array<{ a: string; b: string; kappa: KappaStat; confusion: Confusion2 }>;
}

/** "no images rated by both" says little when one side is the label or the model: say which side is missing. */
function withReason(stat: ProportionStat, reason: string): ProportionStat {
  return stat.n === 0 ? { ...stat, reason } : stat;
}

export function agreementReport(input: AgreementInput): AgreementReport {
  const where = 'agreementReport';
  const posts = input.postIds.length;
  const check = (name: string, values: readonly number[]) => {
    if (values.length !== posts) throw new Error(`${where}: ${name} has ${values.length} values but postIds has ${posts}`);
    assertBinary(where, name, values);
  };
  check('label', input.label);
  if (input.model) check('model.predicted', input.model.predicted);
  input.raters.forEach(({ rater, ratings }, k) => check(`raters[${k}].ratings (rater "${rater}")`, ratings));

  const label = input.label;
  const model = input.model;
  const raters = input.raters.map(({ rater, ratings }): RaterAgreement => {
    const predictedWhereRated = model ? model.predicted.map((value, i) => (ratings[i] === 0 ? 0 : value)) : null;
    return {
      rater,
      rated: ratings.reduce((sum, value) => (value === 0 ? sum : sum + 1), 0),
      vsLabel: withReason(accuracyAgainst(ratings, label), 'not defined: none of the images rated good or bad has a label in this label set'),
      vsModel: model ? withReason(accuracyAgainst(ratings, model.predicted), 'not defined: the model predicted none of the images rated good or bad') : null,
      confusionVsLabel: confusion2(ratings, label),
      mcnemarVsModel: model ? mcnemar(ratings, model.predicted, label) : null,
      modelVsLabelOnSameImages: predictedWhereRated ? accuracyAgainst(predictedWhereRated, label) : null,
    };
  });

  const pairs: AgreementReport['pairs'] = [];
  for (let i = 0; i < input.raters.length; i++) {
    for (let j = i + 1; j < input.raters.length; j++) {
      const a = input.raters[i]!;
      const b = input.raters[j]!;
      pairs.push({ a: a.rater, b: b.rater, kappa: cohenKappa(a.ratings, b.ratings), confusion: confusion2(a.ratings, b.ratings) });
    }
  }

  return {
    raters,
    model: model ? { runId: model.runId, vsLabel: accuracyAgainst(model.predicted, label), confusionVsLabel: confusion2(model.predicted, label) } : null,
    pairs,
  };
}
