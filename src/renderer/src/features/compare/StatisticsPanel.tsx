import type { CompareTable } from '../../../../shared/rating/rating-types';
import { AgreementMatrix } from './AgreementMatrix';
import { matrixN, pairsWithImages } from './compare-scaling';
import { PairStatistics } from './PairStatistics';
import { RaterStatistics } from './RaterStatistics';
import { StudyFigures } from './StudyFigures';

/** Up to this many raters the pair table and the matrices start open; beyond, they would fill several screens. */
const openUpToRaters = 3;

/** The agreement statistics over the rated images in scope, the confusion matrices, and the study's figures beside them. */
export function StatisticsPanel({ table }: { table: CompareTable }) {
  const { report } = table;
  const names = new Map(table.raters.map((rater) => [rater.rater, rater.name]));
  const name = (id: string) => names.get(id) ?? id;
  const hasModel = report.model !== null;
  const open = table.raters.length <= openUpToRaters;
  const pairs = pairsWithImages(report.pairs);
  const hiddenPairs = report.pairs.length - pairs.length;
  const raterMatrices = report.raters.filter((rater) => matrixN(rater.confusionVsLabel) > 0);
  const matrices = raterMatrices.length + pairs.length + (report.model ? 1 : 0);
  return (
    <section className="card compare-statistics" aria-label="Agreement statistics" data-testid="compare-statistics">
      <h2 className="card__title">Agreement</h2>
      <p className="muted compare-statistics__lead">
        Each figure counts only the images both sides judged (skips and missing labels or predictions left out); n says how
        many. Intervals are 95%: Wilson for accuracies, large-sample for kappa. McNemar's exact test asks whether the
        rater and the model are equally often right about the Instagram label on the same images.
      </p>
      {table.notes.length > 0 ? (
        <div className="compare-notes" role="note" aria-label="Reading the model's figures" data-testid="compare-notes">
          <strong>Reading the model's figures</strong>
          <ul>
            {table.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="compare-statistics__body">
        <div className="compare-statistics__main">
          <RaterStatistics report={report} names={names} hasModel={hasModel} />
          <details className="compare-section" open={open} data-testid="compare-pairs-section">
            <summary className="compare-statistics__subtitle">
              Rater vs rater <span className="muted">({pairs.length} {pairs.length === 1 ? 'pair' : 'pairs'} with images in common{hiddenPairs > 0 ? `; ${hiddenPairs} without any hidden` : ''})</span>
            </summary>
            <PairStatistics pairs={pairs} hidden={hiddenPairs} names={names} />
          </details>
          <details className="compare-section" open={open} data-testid="compare-matrices-section">
            <summary className="compare-statistics__subtitle">
              Confusion matrices <span className="muted">({matrices})</span>
            </summary>
            <div className="compare-matrices">
              {raterMatrices.map((rater) => (
                <AgreementMatrix key={rater.rater} title={`${name(rater.rater)} vs Instagram`} a={name(rater.rater)} b="label" counts={rater.confusionVsLabel} testId="rater-confusion" />
              ))}
              {report.model ? <AgreementMatrix title="Model vs Instagram" a="model" b="label" counts={report.model.confusionVsLabel} /> : null}
              {pairs.map((pair) => (
                <AgreementMatrix key={`${pair.a}/${pair.b}`} title={`${name(pair.a)} vs ${name(pair.b)}`} a={name(pair.a)} b={name(pair.b)} counts={pair.confusion} />
              ))}
            </div>
          </details>
        </div>
        <StudyFigures />
      </div>
    </section>
  );
}
