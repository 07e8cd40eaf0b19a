import type { CompareTable } from '../../../../shared/rating/rating-types';
import { AgreementMatrix } from './AgreementMatrix';
import { PairStatistics } from './PairStatistics';
import { RaterStatistics } from './RaterStatistics';
import { StudyFigures } from './StudyFigures';

/** The agreement statistics over the rated images, the confusion matrices, and the study's figures beside them. */
export function StatisticsPanel({ table }: { table: CompareTable }) {
  const { report } = table;
  const names = new Map(table.raters.map((rater) => [rater.rater, rater.name]));
  const name = (id: string) => names.get(id) ?? id;
  const hasModel = report.model !== null;
  return (
    <section className="card compare-statistics" aria-label="Agreement statistics" data-testid="compare-statistics">
      <h2 className="card__title">Agreement</h2>
      <p className="muted compare-statistics__lead">
        Each figure counts only the images both sides judged (skips and missing labels or predictions left out); n says how
        many. Intervals are 95%: Wilson for accuracies, large-sample for kappa. McNemar's exact test asks whether the
        rater and the model are equally often right about the Instagram label on the same images.
      </p>
      <div className="compare-statistics__body">
        <div className="compare-statistics__main">
          <RaterStatistics report={report} names={names} hasModel={hasModel} />
          <h3 className="compare-statistics__subtitle">Rater vs rater</h3>
          <PairStatistics pairs={report.pairs} names={names} />
          <h3 className="compare-statistics__subtitle">Confusion matrices</h3>
          <div className="compare-matrices">
            {report.raters.map((rater) => (
              <AgreementMatrix key={rater.rater} title={`${name(rater.rater)} vs Instagram`} a={name(rater.rater)} b="label" counts={rater.confusionVsLabel} testId="rater-confusion" />
            ))}
            {report.model ? <AgreementMatrix title="Model vs Instagram" a="model" b="label" counts={report.model.confusionVsLabel} /> : null}
            {report.pairs.map((pair) => (
              <AgreementMatrix key={`${pair.a}/${pair.b}`} title={`${name(pair.a)} vs ${name(pair.b)}`} a={name(pair.a)} b={name(pair.b)} counts={pair.confusion} />
            ))}
          </div>
        </div>
        <StudyFigures />
      </div>
    </section>
  );
}
